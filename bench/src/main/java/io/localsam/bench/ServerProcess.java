package io.localsam.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One server JVM under test: started as a user starts it, timed from {@code exec} to its first 200,
 * read for memory from {@code /proc}, stopped with SIGTERM. Its output goes to a log file, as a
 * terminal would receive it.
 */
final class ServerProcess implements AutoCloseable {
  private static final long START_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(120);

  private final String name;
  private final Process process;
  private final long launched;
  private final Path log;
  final int port;

  /** Time from launch to the end of the first 200, and the time of that first request alone. */
  record Startup(double toFirst200Millis, double firstRequestMillis) {}

  private ServerProcess(String name, Process process, long launched, Path log, int port) {
    this.name = name;
    this.process = process;
    this.launched = launched;
    this.log = log;
    this.port = port;
  }

  static ServerProcess launch(String name, List<String> command, Path log, int port) {
    return launch(name, command, log, port, null, Map.of());
  }

  /**
   * As {@link #launch(String, List, Path, int)}, in {@code directory} (null: this one) with more
   * environment variables.
   */
  static ServerProcess launch(
      String name,
      List<String> command,
      Path log,
      int port,
      Path directory,
      Map<String, String> environment) {
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      if (directory != null) {
        builder.directory(directory.toFile());
      }
      builder.environment().putAll(environment);
      long launched = System.nanoTime();
      return new ServerProcess(name, builder.start(), launched, log, port);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + ": " + command, e);
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Polls the port every millisecond until it accepts a connection, then sends one GET on it: the
   * first request, cold. Fails when the server exits, answers other than 200, or takes over 2
   * minutes.
   */
  Startup awaitFirst200(String path) throws IOException, InterruptedException {
    while (true) {
      Socket socket = new Socket();
      try {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      } catch (ConnectException refused) {
        socket.close();
        if (!process.isAlive()) {
          throw new IllegalStateException(
              name + " exited with " + process.exitValue() + " before listening:\n" + tail());
        }
        if (System.nanoTime() - launched > START_LIMIT_NANOS) {
          throw new IllegalStateException(
              name + " did not listen on " + port + " within 2 minutes:\n" + tail());
        }
        Thread.sleep(1);
        continue;
      }
      try (socket) {
        socket.setTcpNoDelay(true);
        byte[] request = Http.get("127.0.0.1", port, path);
        OutputStream out = socket.getOutputStream();
        InputStream in = new BufferedInputStream(socket.getInputStream());
        long sent = System.nanoTime();
        int status = Http.exchange(request, out, in);
        long answered = System.nanoTime();
        if (status != 200) {
          throw new IllegalStateException(
              name + " answered " + status + " to GET " + path + ":\n" + tail());
        }
        return new Startup((answered - launched) / 1e6, (answered - sent) / 1e6);
      }
    }
  }

  /** VmRSS of the server JVM, in kB. */
  long rssKb() throws IOException {
    try (Stream<String> lines =
        Files.lines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
      return lines
          .filter(l -> l.startsWith("VmRSS:"))
          .findFirst()
          .map(l -> Long.parseLong(l.replaceAll("\\D", "")))
          .orElseThrow(() -> new IllegalStateException("no VmRSS for " + name));
    }
  }

  /**
   * User plus system CPU time the server has used so far, in milliseconds (from /proc/PID/stat).
   */
  double cpuMillis() throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
    String[] fields =
        stat.substring(stat.lastIndexOf(')') + 2).split(" "); // fields from the third (state) on
    long ticks =
        Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime: fields 14 and 15
    return ticks * 1000.0 / CLOCK_TICKS;
  }

  private static final long CLOCK_TICKS =
      100; // USER_HZ: 100 on every Linux architecture Java runs on

  long pid() {
    return process.pid();
  }

  /** Lines of the server's output that contain {@code text}. */
  long countLogLines(String text) throws IOException {
    try (Stream<String> lines = Files.lines(log)) {
      return lines.filter(l -> l.contains(text)).count();
    }
  }

  String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() throws InterruptedException {
    process
        .descendants()
        .forEach(ProcessHandle::destroy); // serverless-offline's, process isolation's children
    process.destroy();
    if (!process.waitFor(15, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(15, TimeUnit.SECONDS);
    }
  }
}
