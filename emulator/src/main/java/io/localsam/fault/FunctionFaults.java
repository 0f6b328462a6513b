package io.localsam.fault;

import java.time.Duration;

/**
 * The faults one function can be given. Each is seen wherever the function is invoked: through its
 * routes, the Invoke API of {@code start-lambda}, and {@code Emulator.invoke}; asynchronous
 * invocations see all but throttling (Lambda retries throttled events for hours, so a throttle
 * would only hold them back).
 */
public final class FunctionFaults {
  private final Faults faults;
  private final String functionId;
  private final int oneIn;

  FunctionFaults(Faults faults, String functionId, int oneIn) {
    this.faults = faults;
    this.functionId = functionId;
    this.oneIn = oneIn;
  }

  /** Applies the fault to every {@code n}-th invocation only (the n-th, the 2n-th, ...). */
  public FunctionFaults oneIn(int n) {
    return new FunctionFaults(faults, functionId, n);
  }

  /**
   * Each invocation starts {@code delay} late, then runs as usual (its {@code Timeout} counts from
   * the start).
   */
  public Fault latency(Duration delay) {
    return faults.setFunction(
        functionId, new Fault(Fault.Kind.LATENCY, delay, null, null, 0, oneIn));
  }

  /**
   * Lambda refuses the invocation as throttled: the Invoke API answers 429 {@code
   * TooManyRequestsException}; API Gateway turns a refused invocation into 500 {@code Internal
   * server error}, as deployed.
   */
  public Fault throttle() {
    return faults.setFunction(functionId, Fault.of(Fault.Kind.THROTTLE, oneIn));
  }

  /**
   * The function fails with this error type and message, as if its handler had thrown, without
   * running.
   */
  public Fault error(String errorType, String message) {
    if (errorType == null || errorType.isBlank()) {
      throw new IllegalArgumentException(
          "an error fault needs an error type, such as java.lang.IllegalStateException");
    }
    return faults.setFunction(
        functionId, new Fault(Fault.Kind.ERROR, Duration.ZERO, errorType, message, 0, oneIn));
  }

  /** {@link #error(String, String)} with the message "Injected fault". */
  public Fault error(String errorType) {
    return error(errorType, "Injected fault");
  }

  /**
   * The function times out: the caller gets Lambda's timeout answer once the function's {@code
   * Timeout} has passed.
   */
  public Fault timeout() {
    return faults.setFunction(functionId, Fault.of(Fault.Kind.TIMEOUT, oneIn));
  }
}
