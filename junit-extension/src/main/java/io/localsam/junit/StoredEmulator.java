package io.localsam.junit;

import io.localsam.Emulator;
import org.junit.jupiter.api.extension.ExtensionContext.Store;

/**
 * An emulator as a store holds it, so JUnit closes it when the store's context ends (the run for a
 * shared one, the class for {@link Sharing#CLASS}) on every supported version: 5.10 to 5.12 close
 * only {@link Store.CloseableResource} values, 5.13 and later prefer {@link AutoCloseable} (and
 * warn about values that are only the deprecated {@code CloseableResource}). Both interfaces, one
 * close: 5.13 and later call one of them, never both.
 */
@SuppressWarnings(
    "deprecation") // CloseableResource: deprecated since 5.13, still the only close 5.10 knows
record StoredEmulator(Emulator emulator) implements Store.CloseableResource, AutoCloseable {

  @Override
  public void close() {
    emulator.close();
  }
}
