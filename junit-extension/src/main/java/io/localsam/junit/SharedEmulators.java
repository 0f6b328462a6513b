package io.localsam.junit;

import io.localsam.Emulator;
import io.localsam.error.LocalSamException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store;

/**
 * The run-wide table of emulators, kept in the root context's store: classes asking for the same
 * options get the same emulator, started once and closed by JUnit when the run ends.
 *
 * <p>Creation goes through {@link Store#getOrComputeIfAbsent}, which is atomic per key: under
 * parallel execution, two classes that need the same emulator wait for one start-up.
 */
final class SharedEmulators {

  private static final Namespace NAMESPACE = Namespace.create(SharedEmulators.class);

  /**
   * Which options hold a fixed port, so a second set of options on it fails clearly instead of at
   * bind.
   */
  private record PortClaim(int port) {}

  private SharedEmulators() {}

  static Emulator acquire(ExtensionContext context, ApiSettings settings, String owner) {
    EmulatorKey key = EmulatorKey.resolve(settings, owner);
    Store store = context.getRoot().getStore(NAMESPACE);
    if (key.port() != 0) {
      EmulatorKey holder =
          store.getOrComputeIfAbsent(new PortClaim(key.port()), claim -> key, EmulatorKey.class);
      if (!holder.equals(key)) {
        throw LocalApiErrors.portTaken(owner, key, holder);
      }
    }
    try {
      return store
          .getOrComputeIfAbsent(
              key, k -> new StoredEmulator(Emulator.start(k.toOptions())), StoredEmulator.class)
          .emulator();
    } catch (LocalSamException e) {
      // The store remembers a failed start, so every class on these options lands here with its own
      // name.
      throw LocalApiErrors.startFailed(owner, e);
    }
  }
}
