package io.localsam.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * The summary of a JFR recording that a profile of a server under load needs: where CPU samples
 * land (the top frame, and every method on the stack), what allocates, where threads block, how
 * much GC.
 *
 * <p>{@code java -cp bench/target/classes io.localsam.bench.JfrTop recording.jfr [rows]}
 */
public final class JfrTop {
  private final Map<String, Long> self = new HashMap<>();
  private final Map<String, Long> total = new HashMap<>();
  private final Map<String, Double> allocated = new HashMap<>();
  private final Map<String, Duration> blocked = new HashMap<>();
  private long samples;
  private long collections;
  private Duration pauses = Duration.ZERO;

  private JfrTop() {}

  public static void main(String[] args) throws IOException {
    JfrTop top = new JfrTop();
    for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
      top.add(event);
    }
    top.print(args.length > 1 ? Integer.parseInt(args[1]) : 25);
  }

  private void add(RecordedEvent event) {
    switch (event.getEventType().getName()) {
      case "jdk.ExecutionSample" -> {
        RecordedStackTrace stack = event.getStackTrace();
        if (stack == null || stack.getFrames().isEmpty()) {
          return;
        }
        samples++;
        List<RecordedFrame> frames = stack.getFrames();
        self.merge(name(frames.get(0)), 1L, Long::sum);
        Set<String> seen = new HashSet<>();
        for (RecordedFrame frame : frames) {
          if (seen.add(name(frame))) {
            total.merge(name(frame), 1L, Long::sum);
          }
        }
      }
      case "jdk.ObjectAllocationSample" ->
          allocated.merge(
              event.getClass("objectClass").getName() + " at " + firstOwnFrame(event),
              (double) event.getLong("weight"),
              Double::sum);
      case "jdk.ThreadPark", "jdk.JavaMonitorEnter", "jdk.JavaMonitorWait" ->
          blocked.merge(
              event.getEventType().getName().substring(4) + " at " + firstOwnFrame(event),
              event.getDuration(),
              Duration::plus);
      case "jdk.GarbageCollection" -> {
        collections++;
        pauses = pauses.plus(event.getDuration("sumOfPauses"));
      }
      default -> {}
    }
  }

  /** The first frame that is LocalSAM's, AWS's or a function's: where the JDK was called from. */
  private static String firstOwnFrame(RecordedEvent event) {
    RecordedStackTrace stack = event.getStackTrace();
    if (stack == null) {
      return "?";
    }
    for (RecordedFrame frame : stack.getFrames()) {
      String type = frame.getMethod().getType().getName();
      if (!type.startsWith("java.") && !type.startsWith("jdk.") && !type.startsWith("sun.")) {
        return name(frame);
      }
    }
    return stack.getFrames().isEmpty() ? "?" : name(stack.getFrames().get(0));
  }

  private static String name(RecordedFrame frame) {
    String type = frame.getMethod().getType().getName();
    return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
  }

  private void print(int rows) {
    System.out.printf(
        Locale.ROOT,
        "%d CPU samples; %d GCs, %d ms of pauses%n",
        samples,
        collections,
        pauses.toMillis());
    System.out.println("\nTop frames (self):");
    printShares(self, rows);
    System.out.println("\nOn the stack (inclusive), LocalSAM's and AWS's methods:");
    printShares(
        total.entrySet().stream()
            .filter(
                e ->
                    !e.getKey().startsWith("Thread.")
                        && !e.getKey().startsWith("ThreadPoolExecutor"))
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)),
        rows);
    System.out.println("\nAllocation (sampled weight):");
    double all = allocated.values().stream().mapToDouble(Double::doubleValue).sum();
    allocated.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .limit(rows)
        .forEach(
            e ->
                System.out.printf(
                    Locale.ROOT, "  %5.1f%%  %s%n", 100 * e.getValue() / all, e.getKey()));
    System.out.println("\nBlocked (park, monitor; over the recording's thresholds):");
    blocked.entrySet().stream()
        .sorted(Map.Entry.<String, Duration>comparingByValue().reversed())
        .limit(rows)
        .forEach(
            e ->
                System.out.printf(
                    Locale.ROOT, "  %8d ms  %s%n", e.getValue().toMillis(), e.getKey()));
  }

  private void printShares(Map<String, Long> counts, int rows) {
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(rows)
        .forEach(
            e ->
                System.out.printf(
                    Locale.ROOT,
                    "  %5.1f%%  %s%n",
                    100.0 * e.getValue() / Math.max(1, samples),
                    e.getKey()));
  }
}
