package io.localsam.fault;

import java.time.Duration;

/**
 * One injected fault, as WireMock injects them into a stub: what happens instead of (or before) the
 * normal answer, and how often.
 *
 * @param kind what happens
 * @param latency the delay, for {@link Kind#LATENCY}; otherwise {@link Duration#ZERO}
 * @param errorType the error type, for {@link Kind#ERROR}; otherwise null
 * @param errorMessage the error message, for {@link Kind#ERROR}; otherwise null
 * @param status the HTTP status, for {@link Kind#STATUS}; otherwise 0
 * @param oneIn the fault applies to every {@code oneIn}-th request or invocation (the N-th, the
 *     2N-th, ...); 1 for all
 */
public record Fault(
    Kind kind, Duration latency, String errorType, String errorMessage, int status, int oneIn) {

  /** What a fault does. */
  public enum Kind {
    /** Waits before the request or invocation goes on as usual. */
    LATENCY,
    /**
     * Refused as throttled: Lambda's 429 {@code TooManyRequestsException}, or API Gateway's own 429
     * for a route.
     */
    THROTTLE,
    /** The function fails with the given error type and message, without running. */
    ERROR,
    /** The route answers this status without calling its function. */
    STATUS,
    /**
     * The function times out (after its {@code Timeout}), or the route answers API Gateway's
     * integration timeout.
     */
    TIMEOUT
  }

  public Fault {
    if (oneIn < 1) {
      throw new IllegalArgumentException("one-in must be 1 or more, not " + oneIn);
    }
    if (latency.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative: " + latency);
    }
    if (kind == Kind.STATUS && (status < 100 || status > 599)) {
      throw new IllegalArgumentException(
          "status must be an HTTP status from 100 to 599, not " + status);
    }
  }

  static Fault of(Kind kind, int oneIn) {
    return new Fault(kind, Duration.ZERO, null, null, 0, oneIn);
  }

  /** False for latency, after which the request goes on; true for a fault that is the answer. */
  public boolean replacesOutcome() {
    return kind != Kind.LATENCY;
  }

  /**
   * {@code latency=200ms}, {@code throttle}, {@code error=Type:message}, {@code status=503}, {@code
   * timeout}; then {@code ,one-in=N}.
   */
  public String describe() {
    String what =
        switch (kind) {
          case LATENCY -> "latency=" + latency.toMillis() + "ms";
          case THROTTLE -> "throttle";
          case ERROR -> "error=" + errorType + (errorMessage == null ? "" : ":" + errorMessage);
          case STATUS -> "status=" + status;
          case TIMEOUT -> "timeout";
        };
    return oneIn == 1 ? what : what + ",one-in=" + oneIn;
  }

  @Override
  public String toString() {
    return describe();
  }
}
