package io.localsam.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** The real emulator.jar in a child JVM, as a user runs it; output captured to files. */
final class JarProcess implements AutoCloseable {
  private final Process process;
  private final Path stdout;
  private final Path stderr;

  private JarProcess(Process process, Path stdout, Path stderr) {
    this.process = process;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  static JarProcess start(Path workingDirectory, String... args) throws IOException {
    return start(workingDirectory, null, args);
  }

  /**
   * Starts the jar with {@code stdin} (null: none) as its standard input, as {@code cmd < file}
   * would.
   */
  static JarProcess start(Path workingDirectory, byte[] stdin, String... args) throws IOException {
    return start(workingDirectory, List.of(), stdin, args);
  }

  /**
   * Like {@link #start(Path, byte[], String...)}, with options for the JVM ({@code
   * -Djava.io.tmpdir=...}) before {@code -jar}.
   */
  static JarProcess start(
      Path workingDirectory, List<String> jvmOptions, byte[] stdin, String... args)
      throws IOException {
    return start(workingDirectory, jvmOptions, CliRun.hermetic(), stdin, args);
  }

  /** The jar with exactly {@code environment} as its shell's variables. */
  static JarProcess start(
      Path workingDirectory,
      List<String> jvmOptions,
      Map<String, String> environment,
      byte[] stdin,
      String... args)
      throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar().toString()));
    command.addAll(List.of(args));
    return start(workingDirectory, command, environment, stdin);
  }

  /**
   * The {@code localsam} launcher the build puts beside the jar, with this JVM as its {@code
   * JAVA_HOME} and {@code environment} besides.
   */
  static JarProcess launcher(Path workingDirectory, Map<String, String> environment, String... args)
      throws IOException {
    List<String> command = new ArrayList<>(List.of(jar().resolveSibling("localsam").toString()));
    command.addAll(List.of(args));
    Map<String, String> variables = new HashMap<>(CliRun.hermetic());
    variables.put("JAVA_HOME", System.getProperty("java.home"));
    variables.putAll(environment);
    return start(workingDirectory, command, variables, null);
  }

  private static Path jar() {
    String jar = System.getProperty("localsam.jar");
    if (jar == null) {
      throw new IllegalStateException(
          "run through Maven's failsafe plugin, which passes -Dlocalsam.jar");
    }
    return Path.of(jar);
  }

  private static JarProcess start(
      Path workingDirectory, List<String> command, Map<String, String> environment, byte[] stdin)
      throws IOException {
    Path stdout = Files.createTempFile("localsam-out", ".txt");
    Path stderr = Files.createTempFile("localsam-err", ".txt");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workingDirectory.toFile())
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile());
    builder.environment().clear();
    builder
        .environment()
        .putAll(environment); // by default no region, profile or SAM_* of the developer's shell
    if (stdin != null) {
      builder.redirectInput(
          Files.write(Files.createTempFile("localsam-in", ".txt"), stdin).toFile());
    }
    Process process = builder.start();
    return new JarProcess(process, stdout, stderr);
  }

  /** Waits (bounded) for the process to end and returns its exit code. */
  int exitCode() throws InterruptedException {
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("emulator.jar did not exit within 60 s; stderr: " + stderr());
    }
    return process.exitValue();
  }

  /**
   * Sends SIGTERM, as {@code kill} or a container runtime does, and returns the exit code (waiting,
   * bounded).
   */
  int stop() throws InterruptedException {
    process.destroy();
    return exitCode();
  }

  /** Polls stderr (bounded) until a line contains {@code text}; returns that line. */
  String awaitLine(String text) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      for (String line : stderr().split("\n")) {
        if (line.contains(text)) {
          return line;
        }
      }
      if (!process.isAlive()) {
        break;
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
    throw new AssertionError("no line with '" + text + "' in stderr: " + stderr());
  }

  String stdout() {
    return read(stdout);
  }

  String stderr() {
    return read(stderr);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "<unreadable: " + e + ">";
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
