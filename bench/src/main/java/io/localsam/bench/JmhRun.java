package io.localsam.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link InvokeBenchmark} in JMH's own forked JVM, with the emulator jar and the sample
 * handler's classes on the class path, and reads the scores from JMH's CSV report.
 */
final class JmhRun {
  static final String COMPONENTS =
      "io.localsam.(gateway.GatewayBenchmark|runtime.RuntimeBreakdownBenchmark|bench.HotPathPiecesBenchmark)";

  /** A JMH score: the mean and its 99.9% error, in microseconds per operation. */
  record Score(double micros, double error) {}

  private JmhRun() {}

  static Map<String, Score> run(BenchOptions options, Path work, Path java)
      throws IOException, InterruptedException {
    Path csv = work.resolve("jmh.csv");
    Path log = work.resolve("jmh.log");
    String classpath =
        String.join(
            File.pathSeparator,
            System.getProperty("java.class.path"),
            options.emulatorJar().toString(),
            options.helloWorldModule().resolve("target/classes").toString());
    List<String> command =
        new ArrayList<>(
            List.of(
                java.toString(),
                "-Duser.language=en",
                "-Duser.country=US",
                "-cp",
                classpath,
                "org.openjdk.jmh.Main",
                options.jmhComponents()
                    ? InvokeBenchmark.class.getName() + "|" + COMPONENTS
                    : InvokeBenchmark.class.getName(),
                "-p",
                "sample=" + options.repo().resolve("sample-app"),
                "-f",
                "1",
                "-wi",
                Integer.toString(options.jmhIterations()),
                "-w",
                "1s",
                "-i",
                Integer.toString(options.jmhIterations()),
                "-r",
                "1s",
                "-rf",
                "csv",
                "-rff",
                csv.toString()));
    if (!options.jvmOptions().isEmpty()) {
      command.add("-jvmArgsAppend");
      command.add(String.join(" ", options.jvmOptions()));
    }
    Process jmh =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!jmh.waitFor(10, TimeUnit.MINUTES) || jmh.exitValue() != 0 || !Files.exists(csv)) {
      jmh.destroyForcibly();
      List<String> lines = Files.readAllLines(log);
      throw new IllegalStateException(
          "JMH failed; its last lines:\n"
              + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
    }
    return parse(Files.readAllLines(csv));
  }

  /**
   * {@code "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit",...}:
   * class.method to score in µs.
   */
  static Map<String, Score> parse(List<String> csv) {
    Map<String, Score> scores = new LinkedHashMap<>();
    for (String line : csv.subList(1, csv.size())) {
      String[] cells = line.split(",");
      String benchmark = cells[0].replace("\"", "");
      String[] parts = benchmark.split("\\.");
      String name = parts[parts.length - 2] + "." + parts[parts.length - 1];
      double scale = cells[6].contains("ns/") ? 0.001 : cells[6].contains("ms/") ? 1000 : 1;
      scores.put(
          name, new Score(Double.parseDouble(cells[4]) * scale, parseOrNaN(cells[5]) * scale));
    }
    return scores;
  }

  private static double parseOrNaN(String cell) {
    try {
      return Double.parseDouble(cell);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
