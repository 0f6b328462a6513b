package io.localsam.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The Markdown the bench prints: the tables, then each target of the issue as met or missed. */
final class Report {
  private final BenchOptions options;
  private final String loadGenerator;
  private final Map<String, List<Bench.ServerRound>> servers;
  private final Map<Integer, List<Bench.TemplateRound>> templates;
  private final Map<String, JmhRun.Score> jmh;
  private final List<String> targets = new ArrayList<>();
  private final String loadBefore;
  private final String peerMissing;
  private final Map<String, List<Double>> cli;

  Report(
      BenchOptions options,
      String loadGenerator,
      Map<String, List<Bench.ServerRound>> servers,
      Map<Integer, List<Bench.TemplateRound>> templates,
      Map<String, JmhRun.Score> jmh,
      String loadBefore,
      String peerMissing,
      Map<String, List<Double>> cli) {
    this.cli = cli;
    this.peerMissing = peerMissing;
    this.loadBefore = loadBefore;
    this.options = options;
    this.loadGenerator = loadGenerator;
    this.servers = servers;
    this.templates = templates;
    this.jmh = jmh;
  }

  String markdown() {
    StringBuilder out = new StringBuilder();
    out.append("Machine: ")
        .append(Machine.describe())
        .append("; load average ")
        .append(loadBefore)
        .append(" before, ")
        .append(Machine.loadAverage())
        .append(" after\n");
    out.append("Load: ")
        .append(loadGenerator)
        .append(", GET /hello, ")
        .append(options.warmupSeconds())
        .append(" s warm-up + ")
        .append(options.durationSeconds())
        .append(" s measured per round; medians of ")
        .append(options.rounds())
        .append(" rounds; JVM flags: ")
        .append(
            options.jvmOptions().isEmpty() ? "defaults" : String.join(" ", options.jvmOptions()))
        .append("\n\n");
    servers(out);
    cli(out);
    templates(out);
    jmh(out);
    out.append("Targets:\n\n");
    targets.forEach(line -> out.append(line).append("\n"));
    return out.toString();
  }

  private void servers(StringBuilder out) {
    List<Bench.ServerRound> ceiling = servers.get(Bench.CEILING);
    List<Bench.ServerRound> localSam = servers.get(Bench.LOCALSAM);
    out.append(
        "| server | requests/s | p50 | p99 | CPU per request | launch to first 200 | first request | RSS after load |\n");
    out.append("|---|--:|--:|--:|--:|--:|--:|--:|\n");
    servers.forEach((name, rounds) -> row(out, name, rounds));
    out.append(
        "\n| ratio | requests/s | p50 | p99 | CPU per request | launch to first 200 | first request | RSS after load |\n");
    out.append("|---|--:|--:|--:|--:|--:|--:|--:|\n");
    ratioRow(out, "LocalSAM / worker-thread ceiling", localSam, ceiling);
    ratioRow(out, "LocalSAM / I/O-thread ceiling", localSam, servers.get(Bench.CEILING_IO));
    ratioRow(
        out,
        "LocalSAM, --isolation process / worker-thread ceiling",
        servers.get(Bench.LOCALSAM_PROCESS),
        ceiling);
    if (servers.containsKey(Bench.LOCALSAM_LAUNCHER)) {
      ratioRow(
          out,
          "LocalSAM, localsam launcher / worker-thread ceiling",
          servers.get(Bench.LOCALSAM_LAUNCHER),
          ceiling);
    }
    if (servers.containsKey(Bench.PEER)) {
      ratioRow(out, "serverless-offline / worker-thread ceiling", servers.get(Bench.PEER), ceiling);
      ratioRow(out, "LocalSAM / serverless-offline", localSam, servers.get(Bench.PEER));
    }
    out.append("\n");
    if (peerMissing != null) {
      out.append("serverless-offline was not measured: ").append(peerMissing).append(".\n\n");
    }
    long environments = Math.round(median(localSam, r -> r.coldStarts()));
    long errors = Math.round(median(localSam, r -> r.load().errors()));
    out.append("LocalSAM started ")
        .append(environments)
        .append(" execution environments of HelloWorldFunction per round (median)")
        .append(errors > 0 ? "; " + errors + " requests failed or timed out per round" : "")
        .append(".\n\n");

    double rps =
        median(localSam, r -> r.load().requestsPerSecond())
            / median(ceiling, r -> r.load().requestsPerSecond());
    double p50 =
        median(localSam, r -> r.load().p50Millis()) / median(ceiling, r -> r.load().p50Millis());
    double start =
        median(localSam, r -> r.startup().toFirst200Millis())
            / median(ceiling, r -> r.startup().toFirst200Millis());
    double first = median(localSam, r -> r.startup().firstRequestMillis());
    target(
        rps >= 0.85,
        "throughput >= 0.85 x the worker-thread ceiling's: " + Stats.ratio(rps) + " x");
    target(
        p50 <= 1.5, "p50 latency <= 1.5 x the worker-thread ceiling's: " + Stats.ratio(p50) + " x");
    target(
        start <= 1.5,
        "launch to first 200 <= 1.5 x the worker-thread ceiling's: " + Stats.ratio(start) + " x");
    target(
        first <= 150,
        "first request of a cold hello-world environment <= 150 ms: " + Stats.millis(first));
    List<Bench.ServerRound> launched = servers.get(Bench.LOCALSAM_LAUNCHER);
    if (launched != null) {
      double viaLauncher =
          median(launched, r -> r.startup().toFirst200Millis())
              / median(ceiling, r -> r.startup().toFirst200Millis());
      target(
          viaLauncher <= 1.5,
          "launch to first 200 with the localsam launcher <= 1.5 x the worker-thread ceiling's: "
              + Stats.ratio(viaLauncher)
              + " x");
    }
  }

  private void cli(StringBuilder out) {
    out.append("| command | launch to exit (median) |\n|---|--:|\n");
    cli.forEach(
        (command, millis) -> {
          out.append("| `")
              .append(command)
              .append("` | ")
              .append(Stats.millis(Stats.median(millis)))
              .append(" |\n");
          target(
              Stats.median(millis) <= 300,
              "`" + command + "` <= 0.3 s: " + Stats.millis(Stats.median(millis)));
        });
    out.append("\n");
  }

  private static void ratioRow(
      StringBuilder out,
      String name,
      List<Bench.ServerRound> rounds,
      List<Bench.ServerRound> base) {
    if (rounds == null || base == null) {
      return;
    }
    out.append("| ").append(name);
    for (ToDoubleFunction<Bench.ServerRound> metric :
        List.<ToDoubleFunction<Bench.ServerRound>>of(
            r -> r.load().requestsPerSecond(),
            r -> r.load().p50Millis(),
            r -> r.load().p99Millis(),
            Bench.ServerRound::cpuMicrosPerRequest,
            r -> r.startup().toFirst200Millis(),
            r -> r.startup().firstRequestMillis(),
            Bench.ServerRound::rssKb)) {
      out.append(" | ").append(Stats.ratio(median(rounds, metric) / median(base, metric)));
    }
    out.append(" |\n");
  }

  private void row(StringBuilder out, String name, List<Bench.ServerRound> rounds) {
    out.append("| ")
        .append(name)
        .append(" | ")
        .append(Stats.count(median(rounds, r -> r.load().requestsPerSecond())))
        .append(" | ")
        .append(Stats.millis(median(rounds, r -> r.load().p50Millis())))
        .append(" | ")
        .append(Stats.millis(median(rounds, r -> r.load().p99Millis())))
        .append(" | ")
        .append(Stats.micros(median(rounds, Bench.ServerRound::cpuMicrosPerRequest)))
        .append(" | ")
        .append(Stats.millis(median(rounds, r -> r.startup().toFirst200Millis())))
        .append(" | ")
        .append(Stats.millis(median(rounds, r -> r.startup().firstRequestMillis())))
        .append(" | ")
        .append(Stats.megabytes(median(rounds, Bench.ServerRound::rssKb)))
        .append(" |\n");
  }

  private void templates(StringBuilder out) {
    if (templates.isEmpty()) {
      return;
    }
    int smallest = templates.keySet().stream().min(Integer::compare).orElseThrow();
    int largest = templates.keySet().stream().max(Integer::compare).orElseThrow();
    double base = median(templates.get(smallest), r -> r.startup().toFirst200Millis());
    out.append("| functions in template | java -jar to first 200 | vs ")
        .append(smallest)
        .append(" | first request | RSS, one function used | heap + metaspace after GC |\n");
    out.append("|--:|--:|--:|--:|--:|--:|\n");
    for (Map.Entry<Integer, List<Bench.TemplateRound>> entry : templates.entrySet()) {
      double start = median(entry.getValue(), r -> r.startup().toFirst200Millis());
      out.append("| ")
          .append(entry.getKey())
          .append(" | ")
          .append(Stats.millis(start))
          .append(" | ")
          .append(Stats.ratio(start / base))
          .append(" | ")
          .append(Stats.millis(median(entry.getValue(), r -> r.startup().firstRequestMillis())))
          .append(" | ")
          .append(Stats.megabytes(median(entry.getValue(), Bench.TemplateRound::rssKb)))
          .append(" | ")
          .append(Stats.megabytes(median(entry.getValue(), Bench.TemplateRound::heapKb)))
          .append(" |\n");
    }
    out.append("\n");
    if (largest == smallest) {
      return;
    }
    int idle = largest - smallest;
    double heapPerFunction =
        (median(templates.get(largest), Bench.TemplateRound::heapKb)
                - median(templates.get(smallest), Bench.TemplateRound::heapKb))
            / idle;
    double rssPerFunction =
        (median(templates.get(largest), Bench.TemplateRound::rssKb)
                - median(templates.get(smallest), Bench.TemplateRound::rssKb))
            / idle;
    out.append(
        String.format(
            Locale.ROOT,
            "Each idle mounted function: %.0f KB of heap + metaspace after GC, %.0f KB of RSS (%d vs %d functions).%n%n",
            heapPerFunction,
            rssPerFunction,
            largest,
            smallest));
    double ratio = median(templates.get(largest), r -> r.startup().toFirst200Millis()) / base;
    target(
        ratio <= 2,
        "a "
            + largest
            + "-function template starts in <= 2 x the "
            + smallest
            + "-function time: "
            + Stats.ratio(ratio)
            + " x");
    double perFunction =
        Double.isNaN(heapPerFunction) ? rssPerFunction : Math.max(heapPerFunction, rssPerFunction);
    target(
        perFunction <= 1024,
        String.format(
            Locale.ROOT,
            "memory per idle mounted function <= 1 MB until first use: %.0f KB",
            perFunction));
  }

  private void jmh(StringBuilder out) {
    JmhRun.Score direct = jmh.get("InvokeBenchmark.directCall");
    JmhRun.Score runtime = jmh.get("InvokeBenchmark.runtimeInvoke");
    if (direct == null || runtime == null) {
      return;
    }
    out.append("| one warm invocation of HelloWorldFunction (JMH, average) | time |\n|---|--:|\n");
    out.append("| handler called directly, event built by hand | ")
        .append(score(direct))
        .append(" |\n");
    out.append("| `FunctionRuntime.invoke(id, eventJson).join()` | ")
        .append(score(runtime))
        .append(" |\n\n");
    if (jmh.size() > 2) {
      out.append("| component (JMH, average) | time |\n|---|--:|\n");
      jmh.forEach(
          (name, score) -> {
            if (!name.startsWith("InvokeBenchmark.")) {
              out.append("| ").append(name).append(" | ").append(score(score)).append(" |\n");
            }
          });
      out.append("\n");
    }
    double overhead = runtime.micros() - direct.micros();
    target(
        overhead <= 20,
        "a warm invocation <= 20 µs more than a direct handler call: +" + Stats.micros(overhead));
  }

  private static String score(JmhRun.Score score) {
    return Stats.micros(score.micros())
        + (Double.isNaN(score.error()) ? "" : " ± " + Stats.micros(score.error()));
  }

  private void target(boolean met, String text) {
    targets.add("- " + (met ? "met: " : "MISSED: ") + text);
  }

  private static <T> double median(List<T> rounds, ToDoubleFunction<T> metric) {
    return Stats.median(rounds.stream().map(r -> metric.applyAsDouble(r)).toList());
  }
}
