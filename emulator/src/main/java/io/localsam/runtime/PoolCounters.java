package io.localsam.runtime;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;

/**
 * How one function's pool has fared: invocations, errors, code reloads and its latest Init times.
 */
final class PoolCounters {
  private static final int INIT_TIMES = 10;

  private long invocations;
  private long errors;
  private long reloads;
  private final ArrayDeque<Duration> initTimes = new ArrayDeque<>();

  synchronized void finished(InvocationResult outcome) {
    invocations++;
    if (outcome.failed()) {
      errors++;
    }
    if (outcome.initDuration() != null) {
      if (initTimes.size() == INIT_TIMES) {
        initTimes.removeFirst();
      }
      initTimes.addLast(outcome.initDuration());
    }
  }

  synchronized void reloaded() {
    reloads++;
  }

  synchronized FunctionStatus status(
      String id,
      String runtime,
      String handler,
      String mode,
      int warm,
      int busy,
      Map<String, String> environment) {
    return new FunctionStatus(
        id,
        runtime,
        handler,
        mode,
        warm,
        busy,
        List.copyOf(initTimes),
        invocations,
        errors,
        reloads,
        environment);
  }
}
