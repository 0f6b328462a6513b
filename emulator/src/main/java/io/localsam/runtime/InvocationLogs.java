package io.localsam.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The log lines of one invocation, kept for the journal as they pass on to whoever else wants them (Lambda's
 * {@code LogType: Tail}); bounded, so a function that logs in a loop cannot fill the memory through the journal.
 */
final class InvocationLogs implements Consumer<String> {
  static final int MAX_LINES = 500;
  private static final int MAX_LINE_CHARS = 16 * 1024;

  private final Consumer<String> next;
  private final List<String> lines = new ArrayList<>();
  private int dropped;

  InvocationLogs(Consumer<String> next) {
    this.next = next;
  }

  @Override
  public void accept(String line) {
    synchronized (lines) { // a timed-out invocation's REPORT comes from the timer thread
      if (lines.size() < MAX_LINES) {
        lines.add(line.length() > MAX_LINE_CHARS ? line.substring(0, MAX_LINE_CHARS) + " [cut at 16 KB]" : line);
      } else {
        dropped++;
      }
    }
    next.accept(line);
  }

  /** The lines so far, and how many more there were when they passed the limit. */
  List<String> lines() {
    synchronized (lines) {
      if (dropped == 0) {
        return List.copyOf(lines);
      }
      List<String> kept = new ArrayList<>(lines);
      kept.add("[" + dropped + " more lines not kept]");
      return List.copyOf(kept);
    }
  }
}
