package io.localsam.runtime;

import io.localsam.error.LocalSamException;

/**
 * Lambda refused the invocation before running anything: the event is too large, or the function is
 * throttled.
 */
public final class InvocationRejected extends LocalSamException {
  /** Why Lambda said no. */
  public enum Reason {
    /**
     * The request payload is over 6 MB, or 1 MB for an asynchronous one
     * (RequestEntityTooLargeException, 413).
     */
    PAYLOAD_TOO_LARGE,
    /**
     * Every environment the function may have is busy, or its asynchronous queue is full
     * (TooManyRequestsException, 429).
     */
    THROTTLED
  }

  private final Reason reason;
  private final int limitBytes;

  public InvocationRejected(Reason reason, String message) {
    this(reason, message, FunctionRuntime.MAX_PAYLOAD_BYTES);
  }

  /**
   * A refusal whose payload limit is {@code limitBytes}: 6 MB for synchronous invocations, 1 MB for
   * asynchronous.
   */
  public InvocationRejected(Reason reason, String message, int limitBytes) {
    super(message);
    this.reason = reason;
    this.limitBytes = limitBytes;
  }

  public Reason reason() {
    return reason;
  }

  /** The payload limit the refused invocation was held to. */
  public int limitBytes() {
    return limitBytes;
  }
}
