package io.localsam.reliability;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** What the emulator's JVM holds: live threads (by name) and used heap after a collection. */
final class JvmGauges {
  private JvmGauges() {}

  /**
   * Live threads, leaving out the test's own HTTP client pool (the JDK client keeps idle workers
   * for a minute, which says nothing about the emulator).
   */
  static List<Thread> threads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .filter(t -> !t.getName().startsWith("HttpClient-"))
        .toList();
  }

  /** Thread names with their counts, for a readable difference when a check fails. */
  static Map<String, Long> threadNames() {
    Map<String, Long> names = new TreeMap<>();
    for (Thread thread : threads()) {
      names.merge(thread.getName().replaceAll("\\d+", "#"), 1L, Long::sum);
    }
    return names;
  }

  /**
   * Threads whose stack is inside a test function's code right now (runaway handlers, left-behind
   * threads).
   */
  static long threadsRunningFunctionCode() {
    return Thread.getAllStackTraces().entrySet().stream()
        .filter(e -> e.getKey().isAlive())
        .filter(
            e ->
                Arrays.stream(e.getValue())
                    .anyMatch(
                        frame ->
                            frame.getClassName().startsWith("fixtures.")
                                || frame.getClassName().startsWith("hot.")))
        .count();
  }

  /** Used heap after asking for full collections until it stops shrinking (bounded). */
  static long usedHeapAfterGc() {
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
      long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      if (used >= best) {
        break;
      }
      best = used;
    }
    return best;
  }

  static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
  }

  /** Polls until the condition holds or the bound passes; returns whether it held. */
  static boolean await(long seconds, BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
    }
    return true;
  }
}
