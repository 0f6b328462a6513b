package io.localsam.runtime;

import io.localsam.fault.Fault;
import java.time.Duration;

/**
 * What one invocation produced: the response payload (the function's output, or the runtime's error
 * document), and the error type when it failed.
 *
 * @param requestId the request id the function's {@code Context} carried
 * @param payload the bytes Lambda would return
 * @param errorType the error type for a failed invocation ({@code Sandbox.Timedout} for a timeout),
 *     else null
 * @param duration the handler's run time, init excluded
 * @param initDuration the init time when this invocation started a new environment, else null
 * @param fault the injected fault that applied to it, else null
 */
public record InvocationResult(
    String requestId,
    byte[] payload,
    String errorType,
    Duration duration,
    Duration initDuration,
    Fault fault) {

  public InvocationResult(
      String requestId,
      byte[] payload,
      String errorType,
      Duration duration,
      Duration initDuration) {
    this(requestId, payload, errorType, duration, initDuration, null);
  }

  /** The same result, marked with the fault that applied to it. */
  public InvocationResult withFault(Fault applied) {
    return new InvocationResult(requestId, payload, errorType, duration, initDuration, applied);
  }

  public static final String TIMEOUT = "Sandbox.Timedout";

  public boolean failed() {
    return errorType != null;
  }

  public boolean timedOut() {
    return TIMEOUT.equals(errorType);
  }
}
