package io.localsam.runtime;

import io.localsam.LocalSamException;

/** Lambda refused the invocation before running anything: the event is too large, or the function is throttled. */
public final class InvocationRejected extends LocalSamException {
  /** Why Lambda said no. */
  public enum Reason {
    /** The synchronous request payload is over 6 MB (RequestEntityTooLargeException, 413). */
    PAYLOAD_TOO_LARGE,
    /** Every environment the function may have is busy (TooManyRequestsException, 429). */
    THROTTLED
  }

  private final Reason reason;

  public InvocationRejected(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
