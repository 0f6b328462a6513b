package io.localsam.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fallback when wrk is not installed: one thread per keep-alive connection, each sending a GET
 * as soon as the previous answer is read (closed loop, as wrk does), every latency kept and sorted
 * at the end. It runs in the JVM of the bench driver and takes CPU from the server on a small
 * machine, so its numbers are lower than wrk's: compare them only with each other.
 */
final class JavaLoad implements LoadGenerator {
  private static final int MAX_SAMPLES_PER_CONNECTION =
      10_000_000; // a bound on memory, far above 2 cores' rate

  private final int connections;

  JavaLoad(int connections) {
    this.connections = connections;
  }

  @Override
  public LoadResult run(int port, String path, int seconds) throws InterruptedException {
    byte[] request = Http.get("127.0.0.1", port, path);
    long start = System.nanoTime();
    long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
    AtomicLong errors = new AtomicLong();
    List<Connection> workers = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      Connection connection = new Connection(port, request, deadline, errors);
      connection.setName("load-" + i);
      connection.setDaemon(true);
      workers.add(connection);
      connection.start();
    }
    for (Connection worker : workers) {
      worker.join(TimeUnit.SECONDS.toMillis(seconds + 30L));
    }
    double elapsedSeconds = (System.nanoTime() - start) / 1e9;
    long total = workers.stream().mapToLong(w -> w.count).sum();
    long[] all = new long[(int) total];
    int at = 0;
    for (Connection worker : workers) {
      System.arraycopy(worker.latencies, 0, all, at, worker.count);
      at += worker.count;
    }
    Arrays.sort(all);
    return new LoadResult(
        total / elapsedSeconds, percentile(all, 0.50), percentile(all, 0.99), errors.get(), total);
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
  }

  @Override
  public String describe() {
    return "the bench's Java generator, " + connections + " connections, one thread each";
  }

  private static final class Connection extends Thread {
    private final int port;
    private final byte[] request;
    private final long deadline;
    private final AtomicLong errors;
    long[] latencies = new long[4096];
    int count;

    Connection(int port, byte[] request, long deadline, AtomicLong errors) {
      this.port = port;
      this.request = request;
      this.deadline = deadline;
      this.errors = errors;
    }

    @Override
    public void run() {
      while (System.nanoTime() < deadline && count < MAX_SAMPLES_PER_CONNECTION) {
        try (Socket socket = new Socket()) {
          socket.setTcpNoDelay(true);
          socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
          socket.setSoTimeout(2000); // wrk's default time-out
          OutputStream out = new BufferedOutputStream(socket.getOutputStream());
          InputStream in = new BufferedInputStream(socket.getInputStream());
          while (System.nanoTime() < deadline && count < MAX_SAMPLES_PER_CONNECTION) {
            long sent = System.nanoTime();
            int status = Http.exchange(request, out, in);
            long took = System.nanoTime() - sent;
            if (status >= 400) {
              errors.incrementAndGet();
            }
            if (count == latencies.length) {
              latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = took;
          }
        } catch (IOException | RuntimeException e) {
          errors.incrementAndGet(); // reconnect, as wrk does
        }
      }
    }
  }
}
