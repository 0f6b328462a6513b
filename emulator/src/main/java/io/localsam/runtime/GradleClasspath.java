package io.localsam.runtime;

import io.localsam.error.LocalSamException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A Gradle module's runtime class path, asked of Gradle itself through a small init script that
 * prints {@code sourceSets.main.runtimeClasspath}: its compiled classes and resources, then its
 * dependencies. The answer is cached in {@code build/localsam-classpath.txt} until the build files
 * change.
 */
final class GradleClasspath {
  private static final String CACHE = "localsam-classpath.txt";
  private static final String MARKER = "LOCALSAM-CLASSPATH:";
  private static final String INIT_SCRIPT =
      """
      allprojects {
        tasks.register('localsamClasspath') {
          doLast {
            def main = project.extensions.findByName('sourceSets')?.findByName('main')
            if (main != null) {
              main.runtimeClasspath.files.each { println '%s' + it.absolutePath }
            }
          }
        }
      }
      """
          .formatted(MARKER);
  private static final long TIMEOUT_MINUTES = 10;

  private final Path module;
  private final Consumer<String> log;

  GradleClasspath(Path module, Consumer<String> log) {
    this.module = module;
    this.log = log;
  }

  static boolean isGradleModule(Path folder) {
    return Files.isRegularFile(folder.resolve("build.gradle"))
        || Files.isRegularFile(folder.resolve("build.gradle.kts"));
  }

  /**
   * The module's classes, resources and runtime dependencies, in Gradle's order; existing entries
   * only.
   */
  List<Path> resolve(String functionId) {
    Path cache = module.resolve("build").resolve(CACHE);
    String stamp = "# localsam 1, build files sha-256 " + buildFilesHash();
    try {
      if (Files.isRegularFile(cache)) {
        List<String> lines = Files.readAllLines(cache, StandardCharsets.UTF_8);
        if (!lines.isEmpty() && lines.get(0).equals(stamp)) {
          return existing(lines.subList(1, lines.size()));
        }
      }
    } catch (IOException e) {
      // unreadable cache: ask Gradle again
    }
    log.accept(
        "Resolving the Gradle class path of "
            + functionId
            + " in "
            + module
            + " (once; cached in build/"
            + CACHE
            + ")");
    List<String> entries = runGradle(functionId);
    try {
      Files.createDirectories(cache.getParent());
      List<String> lines = new ArrayList<>();
      lines.add(stamp);
      lines.addAll(entries);
      Files.write(cache, lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      log.accept(functionId + ": cannot cache the Gradle class path (" + e.getMessage() + ")");
    }
    return existing(entries);
  }

  private static List<Path> existing(List<String> entries) {
    List<Path> paths = new ArrayList<>();
    for (String entry : entries) {
      Path path = Path.of(entry);
      if (Files.exists(path)) {
        paths.add(
            path); // Gradle lists output folders of source sets that may be empty (no resources,
        // say)
      }
    }
    return paths;
  }

  private List<String> runGradle(String functionId) {
    try {
      Path init = Files.createTempFile("localsam-", ".gradle");
      Path transcript = Files.createTempFile("localsam-gradle", ".log");
      try {
        Files.writeString(init, INIT_SCRIPT, StandardCharsets.UTF_8);
        List<String> command =
            List.of(
                gradleExecutable(),
                "-q",
                "--console=plain",
                "-I",
                init.toString(),
                "localsamClasspath");
        Process process =
            new ProcessBuilder(command)
                .directory(module.toFile())
                .redirectErrorStream(true)
                .redirectOutput(transcript.toFile())
                .start();
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
          process.destroyForcibly();
          throw new LocalSamException(
              functionId
                  + ": Gradle gave no class path for "
                  + module
                  + " within "
                  + TIMEOUT_MINUTES
                  + " minutes.");
        }
        List<String> output = Files.readAllLines(transcript, StandardCharsets.UTF_8);
        List<String> entries = new ArrayList<>();
        for (String line : output) {
          if (line.startsWith(MARKER)) {
            entries.add(line.substring(MARKER.length()).strip());
          }
        }
        if (process.exitValue() != 0 || entries.isEmpty()) {
          String said =
              String.join(" ", output.subList(Math.max(0, output.size() - 3), output.size()));
          throw new LocalSamException(
              functionId
                  + ": Gradle could not give the class path of "
                  + module
                  + ". Run `gradle build` there to see why. Gradle said: "
                  + said);
        }
        return entries;
      } finally {
        Files.deleteIfExists(init);
        Files.deleteIfExists(transcript);
      }
    } catch (IOException e) {
      throw new LocalSamException(
          functionId
              + ": cannot run Gradle ("
              + e.getMessage()
              + "). Is it installed, or is there a gradlew?");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LocalSamException(
          functionId + ": interrupted while asking Gradle for the class path");
    }
  }

  /** The project's Gradle wrapper when it has one, else {@code gradle} from the PATH. */
  private String gradleExecutable() {
    return BuildTools.executable(module, "gradlew", "gradlew.bat", "gradle", "gradle.bat");
  }

  private String buildFilesHash() {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String name :
          List.of(
              "build.gradle",
              "build.gradle.kts",
              "settings.gradle",
              "settings.gradle.kts",
              "gradle.properties")) {
        Path file = module.resolve(name);
        if (Files.isRegularFile(file)) {
          digest.update(name.getBytes(StandardCharsets.UTF_8));
          digest.update(Files.readAllBytes(file));
        }
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException | NoSuchAlgorithmException e) {
      return "unreadable";
    }
  }
}
