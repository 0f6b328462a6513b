package io.localsam.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The {@code localsam} launcher the build puts beside emulator.jar, run with this JVM and a class
 * data sharing folder of the bench's own, emptied when the bench starts so its unmeasured first
 * runs make the archives.
 */
record Launcher(Path script, Path archives) {
  /** The launcher beside {@code jar}, or null when that build has none. */
  static Launcher beside(Path jar, Path work) {
    Path script = jar.resolveSibling("localsam");
    if (!Files.isExecutable(script)) {
      return null;
    }
    Path archives = work.resolve("cds");
    try {
      if (Files.isDirectory(archives)) {
        try (Stream<Path> files = Files.walk(archives)) {
          for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(file);
          }
        }
      }
      Files.createDirectories(archives);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Launcher(script, archives);
  }

  Map<String, String> environment() {
    return Map.of(
        "LOCALSAM_CDS_DIR", archives.toString(), "JAVA_HOME", System.getProperty("java.home"));
  }
}
