package io.localsam.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs {@code wrk --latency} and reads its summary. */
final class WrkLoad implements LoadGenerator {
  private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
  private static final Pattern COUNT = Pattern.compile("(\\d+) requests in");
  private static final Pattern PERCENTILE =
      Pattern.compile("^\\s*(50|99)(?:\\.000)?%\\s+([\\d.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);
  private static final Pattern SOCKET_ERRORS =
      Pattern.compile("connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
  private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

  private final int threads;
  private final int connections;

  WrkLoad(int threads, int connections) {
    this.threads = threads;
    this.connections = connections;
  }

  @Override
  public LoadResult run(int port, String path, int seconds)
      throws IOException, InterruptedException {
    List<String> command =
        List.of(
            "wrk",
            "-t" + threads,
            "-c" + connections,
            "-d" + seconds + "s",
            "--latency",
            "http://127.0.0.1:" + port + path);
    Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!wrk.waitFor(seconds + 60L, TimeUnit.SECONDS) || wrk.exitValue() != 0) {
      wrk.destroyForcibly();
      throw new IllegalStateException("wrk failed: " + String.join(" ", command) + "\n" + output);
    }
    return parse(output);
  }

  static LoadResult parse(String output) {
    Matcher rate = RATE.matcher(output);
    if (!rate.find()) {
      throw new IllegalStateException("no Requests/sec in wrk's output:\n" + output);
    }
    double p50 = Double.NaN;
    double p99 = Double.NaN;
    for (Matcher m = PERCENTILE.matcher(output); m.find(); ) {
      double value =
          Double.parseDouble(m.group(2))
              * switch (m.group(3)) {
                case "us" -> 0.001;
                case "s" -> 1000.0;
                default -> 1.0;
              };
      if (m.group(1).equals("50")) {
        p50 = value;
      } else {
        p99 = value;
      }
    }
    long errors = 0;
    Matcher socket = SOCKET_ERRORS.matcher(output);
    if (socket.find()) {
      for (int i = 1; i <= 4; i++) {
        errors += Long.parseLong(socket.group(i));
      }
    }
    Matcher non2xx = NON_2XX.matcher(output);
    if (non2xx.find()) {
      errors += Long.parseLong(non2xx.group(1));
    }
    Matcher count = COUNT.matcher(output);
    return new LoadResult(
        Double.parseDouble(rate.group(1)),
        p50,
        p99,
        errors,
        count.find() ? Long.parseLong(count.group(1)) : 0);
  }

  @Override
  public String describe() {
    return "wrk, " + threads + " threads, " + connections + " connections";
  }
}
