package io.localsam.junit;

import io.localsam.Emulator;
import io.localsam.error.LocalSamException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

/**
 * {@link Sharing#CLASS}: an emulator started for one context, kept in its store and closed when it
 * ends.
 */
final class OwnEmulator {

  private static final Namespace NAMESPACE = Namespace.create(OwnEmulator.class);

  private OwnEmulator() {}

  static Emulator start(ExtensionContext context, ApiSettings settings, Object key, String owner) {
    EmulatorKey resolved = EmulatorKey.resolve(settings, owner);
    try {
      StoredEmulator own = new StoredEmulator(Emulator.start(resolved.toOptions()));
      context.getStore(NAMESPACE).put(key, own);
      return own.emulator();
    } catch (LocalSamException e) {
      throw LocalApiErrors.startFailed(owner, e);
    }
  }
}
