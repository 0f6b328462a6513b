package io.localsam.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One function as it runs now, for the admin API and the console.
 *
 * @param id the function's logical id
 * @param runtime its {@code Runtime} ({@code java21}, ...)
 * @param handler its {@code Handler}
 * @param mode {@code in-process}, or how its processes are started (process isolation)
 * @param warm execution environments idle and ready
 * @param busy environments running an invocation
 * @param initTimes the Init durations of its latest cold starts, oldest first (up to 10)
 * @param invocations invocations finished since start-up (or since its code or definition last
 *     changed)
 * @param errors those that failed (threw, timed out, could not start)
 * @param reloads how often its rebuilt code was reloaded
 * @param environment its environment variables, as the function sees them (unmasked: the reader
 *     masks secrets)
 */
public record FunctionStatus(
    String id,
    String runtime,
    String handler,
    String mode,
    int warm,
    int busy,
    List<Duration> initTimes,
    long invocations,
    long errors,
    long reloads,
    Map<String, String> environment) {

  public FunctionStatus {
    initTimes = List.copyOf(initTimes);
    environment = Map.copyOf(environment);
  }
}
