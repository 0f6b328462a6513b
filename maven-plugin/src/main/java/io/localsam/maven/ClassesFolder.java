package io.localsam.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Brings {@code target/classes} up to a fresh compile's output while touching only what changed, so
 * the emulator's hot reload sees one settled change and a class whose bytes did not change keeps
 * its file. A copy of the last good output is kept beside it ({@code target/localsam-compile}) to
 * know which classes a deleted source leaves behind.
 */
final class ClassesFolder {
  private ClassesFolder() {}

  /**
   * Copies {@code fresh} into {@code output}, removes what only {@code previous} had, then makes
   * {@code fresh} the previous.
   */
  static int update(Path fresh, Path previous, Path output) {
    try {
      int changed = 0;
      Set<Path> freshFiles = relativeFiles(fresh);
      for (Path file : freshFiles) {
        if (copyIfDifferent(fresh.resolve(file.toString()), output.resolve(file.toString()))) {
          changed++;
        }
      }
      for (Path file : relativeFiles(previous)) {
        if (!freshFiles.contains(file) && Files.deleteIfExists(output.resolve(file.toString()))) {
          changed++;
        }
      }
      deleteTree(previous);
      Files.move(fresh, previous);
      return changed;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Copies every file under {@code root} into {@code output} whose bytes differ there; returns how
   * many.
   */
  static int copyTree(Path root, Path output) {
    int changed = 0;
    for (Path file : relativeFiles(root)) {
      if (copyIfDifferent(root.resolve(file.toString()), output.resolve(file.toString()))) {
        changed++;
      }
    }
    return changed;
  }

  private static boolean copyIfDifferent(Path from, Path to) {
    try {
      byte[] bytes = Files.readAllBytes(from);
      if (Files.isRegularFile(to) && Arrays.equals(bytes, Files.readAllBytes(to))) {
        return false;
      }
      Files.createDirectories(to.getParent());
      Path partial = to.resolveSibling(to.getFileName() + ".localsam-tmp");
      Files.write(partial, bytes);
      Files.move(partial, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Set<Path> relativeFiles(Path root) {
    Set<Path> files = new HashSet<>();
    if (!Files.isDirectory(root)) {
      return files;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(Files::isRegularFile).forEach(file -> files.add(root.relativize(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder())
          .forEach(
              file -> {
                try {
                  Files.delete(file);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
