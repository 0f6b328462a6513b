package io.localsam.junit;

import io.localsam.Emulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One running emulator in the root store, shared by every class with the same {@link EmulatorKey};
 * JUnit closes it when the run ends, together with its merged env vars file if it made one.
 */
final class SharedEmulator implements AutoCloseable {

  private final Emulator emulator;
  private final Path temporaryEnvVars;

  private SharedEmulator(Emulator emulator, Path temporaryEnvVars) {
    this.emulator = emulator;
    this.temporaryEnvVars = temporaryEnvVars;
  }

  /** Starts the engine; a {@code LocalSamException} propagates for the caller to attribute. */
  static SharedEmulator start(EmulatorKey key) {
    Path envVars;
    try {
      envVars = EnvVarsFile.merge(key.envVars(), key.functionEnvironment());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path temporary = envVars != null && !envVars.equals(key.envVars()) ? envVars : null;
    try {
      return new SharedEmulator(Emulator.start(key.toOptions(envVars)), temporary);
    } catch (RuntimeException e) {
      deleteQuietly(temporary);
      throw e;
    }
  }

  Emulator emulator() {
    return emulator;
  }

  @Override
  public void close() {
    try {
      emulator.close();
    } finally {
      deleteQuietly(temporaryEnvVars);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // a leftover temp file is harmless; deleteOnExit tries again
      }
    }
  }
}
