package io.localsam.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.stream.Stream;

/**
 * A cheap summary of a function's code (file times and sizes), so a rebuild can be noticed without
 * a restart.
 */
final class CodeFingerprint {
  private CodeFingerprint() {}

  static long of(List<Path> classpath, Path codeUri) {
    long hash = 17;
    for (Path entry : classpath) {
      hash = hash * 31 + of(entry);
    }
    if (codeUri != null) {
      hash = hash * 31 + of(codeUri.resolve("pom.xml"));
    }
    return hash;
  }

  private static long of(Path path) {
    if (Files.isDirectory(path)) {
      try (Stream<Path> files = Files.walk(path)) {
        return files
            .filter(Files::isRegularFile)
            .mapToLong(CodeFingerprint::file)
            .reduce(7, (a, b) -> a * 31 + b);
      } catch (IOException | RuntimeException e) {
        return -1; // being rewritten right now: counts as a change, and settles on the next look
      }
    }
    return file(path);
  }

  private static long file(Path file) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      return attributes.lastModifiedTime().toMillis() * 31 + attributes.size() + file.hashCode();
    } catch (IOException e) {
      return 0;
    }
  }
}
