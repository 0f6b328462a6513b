package io.localsam.reliability;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Concurrent clients sending a mix of requests against 127.0.0.1 for a bounded time, each counting
 * what came back by kind: "good 200", "slow 429", ... An answer a target does not expect, or no
 * answer at all, is counted under "unexpected" or "no answer".
 */
final class LoadMix {
  /**
   * One kind of request and the statuses that are its own (the function's answer, or its throttle).
   */
  record Target(String name, String method, String path, Set<Integer> expected) {}

  /** What a run did: answers by kind, and how long it ran. */
  record Result(Map<String, Long> counts, Duration elapsed) {
    long total() {
      return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    long unexpected() {
      return counts.entrySet().stream()
          .filter(e -> e.getKey().startsWith("unexpected") || e.getKey().startsWith("no answer"))
          .mapToLong(Map.Entry::getValue)
          .sum();
    }

    long count(String kind) {
      return counts.getOrDefault(kind, 0L);
    }

    @Override
    public String toString() {
      return total() + " requests in " + elapsed.toMillis() + " ms: " + counts;
    }
  }

  private LoadMix() {}

  static Result run(URI base, int clients, Duration duration, List<Target> targets) {
    Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            clients,
            runnable -> {
              Thread thread = new Thread(runnable, "load-client");
              thread.setDaemon(true);
              return thread;
            });
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    List<Future<?>> running = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      running.add(
          pool.submit(
              () -> {
                while (System.nanoTime() < end) {
                  Target target = targets.get(ThreadLocalRandom.current().nextInt(targets.size()));
                  counts
                      .computeIfAbsent(send(http, base, target), k -> new LongAdder())
                      .increment();
                }
              }));
    }
    try {
      for (Future<?> client : running) {
        client.get(duration.toSeconds() + 120, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      throw new AssertionError("a load client did not finish: " + e, e);
    } finally {
      pool.shutdownNow();
    }
    Map<String, Long> totals = new TreeMap<>();
    counts.forEach((kind, count) -> totals.put(kind, count.sum()));
    return new Result(totals, Duration.ofNanos(System.nanoTime() - start));
  }

  private static String send(HttpClient http, URI base, Target target) {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve(target.path().substring(1)))
            .timeout(Duration.ofSeconds(60))
            .method(target.method(), HttpRequest.BodyPublishers.ofString("{\"load\":true}"))
            .header("Content-Type", "application/json")
            .build();
    try {
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      return (target.expected().contains(status) ? "" : "unexpected ")
          + target.name()
          + " "
          + status;
    } catch (HttpTimeoutException e) {
      return "no answer (timeout) " + target.name();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "no answer (interrupted) " + target.name();
    } catch (Exception e) {
      return "no answer (" + e.getClass().getSimpleName() + ") " + target.name();
    }
  }
}
