package io.localsam;

import io.localsam.runtime.AsyncOutcome;
import io.localsam.runtime.InvocationListener;
import io.localsam.runtime.InvocationResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The invocation journal: every finished invocation and every accepted asynchronous one's outcome, the newest
 * {@value #LIMIT} of each. It exists before the server opens, so a request that arrives at once is recorded.
 */
final class Journal implements InvocationListener {
  /** How many entries of each kind are kept; the oldest go first. */
  static final int LIMIT = 1000;

  // Kept as received; turned into text only when asked for, off the request path.
  private final ArrayDeque<Recorded> invocations = new ArrayDeque<>();
  private final ArrayDeque<AsyncOutcome> asyncOutcomes = new ArrayDeque<>();

  private record Recorded(String functionId, byte[] event, InvocationResult result) {}

  @Override
  public void invoked(String functionId, byte[] event, InvocationResult result) {
    add(invocations, new Recorded(functionId, event, result));
  }

  @Override
  public void asyncFinished(AsyncOutcome outcome) {
    add(asyncOutcomes, outcome);
  }

  private static <T> void add(ArrayDeque<T> entries, T entry) {
    synchronized (entries) {
      if (entries.size() == LIMIT) {
        entries.removeFirst();
      }
      entries.addLast(entry);
    }
  }

  List<Invocation> invocations() {
    List<Recorded> recorded;
    synchronized (invocations) {
      recorded = List.copyOf(invocations);
    }
    return recorded.stream().map(r -> invocation(r.functionId(), r.event(), r.result())).toList();
  }

  List<AsyncInvocation> asyncInvocations() {
    List<AsyncOutcome> outcomes;
    synchronized (asyncOutcomes) {
      outcomes = List.copyOf(asyncOutcomes);
    }
    return outcomes.stream().map(o -> new AsyncInvocation(o.functionId(), o.requestId(), text(o.event()), o.condition(),
        o.attempts(), o.last() == null ? null : text(o.last().payload()), o.last() == null ? null : o.last().errorType()))
        .toList();
  }

  void clear() {
    synchronized (invocations) {
      invocations.clear();
    }
    synchronized (asyncOutcomes) {
      asyncOutcomes.clear();
    }
  }

  static Invocation invocation(String functionId, byte[] event, InvocationResult result) {
    return new Invocation(functionId, result.requestId(), text(event), text(result.payload()), result.errorType(),
        result.duration(), result.fault());
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
