package io.localsam.runtime;

import io.localsam.error.LocalSamException;
import io.localsam.host.BuildInfo;
import java.io.File;
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
 * A Maven module's runtime dependencies, asked of Maven itself ({@code dependency:build-classpath})
 * so parents, BOMs, profiles and the user's settings all count. The answer is cached in {@code
 * target/localsam-classpath.txt} until {@code pom.xml} changes; Maven is tried offline first.
 */
final class MavenClasspath {
  static final String PLUGIN =
      "org.apache.maven.plugins:maven-dependency-plugin:"
          + BuildInfo.property("dependency-plugin.version")
          + ":build-classpath";
  private static final String CACHE = "localsam-classpath.txt";
  private static final long TIMEOUT_MINUTES = 10;

  private final Path module;
  private final Consumer<String> log;

  MavenClasspath(Path module, Consumer<String> log) {
    this.module = module;
    this.log = log;
  }

  List<Path> resolve(String functionId) {
    Path cache = module.resolve("target").resolve(CACHE);
    String stamp = "# localsam 2, pom.xml sha-256 " + pomHash();
    List<Path> cached = readCache(cache, stamp);
    if (cached != null) {
      return cached;
    }
    log.accept(
        "Resolving the Maven dependencies of "
            + functionId
            + " in "
            + module
            + " (once; cached in target/"
            + CACHE
            + ")");
    Path output = module.resolve("target").resolve("localsam-classpath.tmp");
    String failure = runMaven(output, true);
    if (failure != null) {
      failure = runMaven(output, false);
    }
    if (failure != null) {
      throw new LocalSamException(
          functionId
              + ": Maven could not resolve the dependencies of "
              + module
              + ". Run `mvn package` there to see why. Maven said: "
              + failure);
    }
    try {
      String joined = Files.readString(output, StandardCharsets.UTF_8).strip();
      Files.deleteIfExists(output);
      List<Path> jars = new ArrayList<>();
      if (!joined.isEmpty()) {
        for (String entry : joined.split(File.pathSeparator)) {
          jars.add(Path.of(entry));
        }
      }
      List<String> lines = new ArrayList<>();
      lines.add(stamp);
      jars.forEach(jar -> lines.add(jar.toString()));
      Files.write(cache, lines, StandardCharsets.UTF_8);
      return jars;
    } catch (IOException e) {
      throw new LocalSamException(
          functionId + ": cannot read Maven's class path answer: " + e.getMessage());
    }
  }

  private List<Path> readCache(Path cache, String stamp) {
    try {
      if (!Files.isRegularFile(cache)) {
        return null;
      }
      List<String> lines = Files.readAllLines(cache, StandardCharsets.UTF_8);
      if (lines.isEmpty() || !lines.get(0).equals(stamp)) {
        return null;
      }
      List<Path> jars = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        Path jar = Path.of(line);
        if (!Files.exists(jar)) {
          return null; // the local repository changed under us: ask Maven again
        }
        jars.add(jar);
      }
      return jars;
    } catch (IOException e) {
      return null;
    }
  }

  /** Runs Maven; null when it succeeded, else the last lines it printed. */
  private String runMaven(Path output, boolean offline) {
    List<String> command = new ArrayList<>();
    command.add(mavenExecutable());
    command.add("-B");
    command.add("-q");
    if (offline) {
      command.add("-o");
    }
    command.add(PLUGIN);
    command.add("-Dmdep.outputFile=" + output.toAbsolutePath());
    command.add(
        "-DincludeScope=runtime"); // the plugin's property for it; compile + runtime, as Lambda
    // packages
    try {
      Files.createDirectories(output.getParent());
      Path transcript = Files.createTempFile("localsam-mvn", ".log");
      try {
        Process process =
            new ProcessBuilder(command)
                .directory(module.toFile())
                .redirectErrorStream(true)
                .redirectOutput(transcript.toFile())
                .start();
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
          process.destroyForcibly();
          return "no answer after " + TIMEOUT_MINUTES + " minutes";
        }
        if (process.exitValue() == 0 && Files.isRegularFile(output)) {
          return null;
        }
        List<String> lines = Files.readAllLines(transcript, StandardCharsets.UTF_8);
        List<String> errors = lines.stream().filter(l -> l.contains("ERROR")).limit(3).toList();
        return String.join(
                " ",
                errors.isEmpty()
                    ? lines.subList(Math.max(0, lines.size() - 3), lines.size())
                    : errors)
            .replaceAll("\\u001B\\[[;\\d]*m", "");
      } finally {
        Files.deleteIfExists(transcript);
      }
    } catch (IOException e) {
      return "cannot run "
          + command.get(0)
          + " ("
          + e.getMessage()
          + "). Is Maven installed and on the PATH?";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  /** The project's Maven wrapper when it has one, else {@code mvn} from the PATH. */
  private String mavenExecutable() {
    return BuildTools.executable(module, "mvnw", "mvnw.cmd", "mvn", "mvn.cmd");
  }

  private String pomHash() {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(Files.readAllBytes(module.resolve("pom.xml"))));
    } catch (IOException | NoSuchAlgorithmException e) {
      return "unreadable";
    }
  }
}
