package io.localsam.runtime;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The log lines of one invocation, kept for the journal as they pass on to whoever else wants them
 * (Lambda's {@code LogType: Tail}). Bounded, as the journal keeps a thousand invocations: the first
 * {@value #MAX_CHARS} characters of lines (at most {@value #MAX_LINES} lines), then only the last
 * {@value #TAIL_LINES} (END and REPORT), with how many were left out between.
 */
final class InvocationLogs implements Consumer<String> {
  static final int MAX_LINES = 200;
  static final int MAX_CHARS = 64 * 1024;
  static final int TAIL_LINES = 3;

  private final Consumer<String> next;
  private final List<String> head = new ArrayList<>();
  private final ArrayDeque<String> tail = new ArrayDeque<>(TAIL_LINES);
  private int chars;
  private int dropped;

  InvocationLogs(Consumer<String> next) {
    this.next = next;
  }

  @Override
  public void accept(String line) {
    synchronized (head) { // a timed-out invocation's REPORT comes from the timer thread
      if (dropped == 0
          && tail.isEmpty()
          && head.size() < MAX_LINES
          && chars + line.length() <= MAX_CHARS) {
        head.add(line);
        chars += line.length();
      } else {
        if (tail.size() == TAIL_LINES) {
          tail.removeFirst();
          dropped++;
        }
        tail.addLast(
            line.length() > MAX_CHARS / 16 ? line.substring(0, MAX_CHARS / 16) + " [cut]" : line);
      }
    }
    next.accept(line);
  }

  /** The lines kept, with a line saying how many were left out when some were. */
  List<String> lines() {
    synchronized (head) {
      List<String> kept = new ArrayList<>(head);
      if (dropped > 0) {
        kept.add("[" + dropped + " log lines not kept]");
      }
      kept.addAll(tail);
      return List.copyOf(kept);
    }
  }
}
