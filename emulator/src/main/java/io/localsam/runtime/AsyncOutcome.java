package io.localsam.runtime;

/**
 * How one accepted asynchronous ({@code Event}) invocation ended: it ran, or Lambda gave up on it.
 *
 * @param functionId the function it was for
 * @param requestId the request id it was accepted with (every attempt's context carries it)
 * @param event the event
 * @param condition {@link #SUCCESS}, {@link #RETRIES_EXHAUSTED}, {@link #EVENT_AGE_EXCEEDED}, or
 *     {@link #NOT_RUN} when LocalSAM stopped before it could run
 * @param attempts how many times the function ran with it
 * @param last the last attempt's result, or null when it never ran
 */
public record AsyncOutcome(
    String functionId,
    String requestId,
    byte[] event,
    String condition,
    int attempts,
    InvocationResult last) {

  /**
   * Lambda's destination record conditions, and LocalSAM's own for an event still queued at
   * shutdown.
   */
  public static final String SUCCESS = "Success";

  public static final String RETRIES_EXHAUSTED = "RetriesExhausted";
  public static final String EVENT_AGE_EXCEEDED = "EventAgeExceeded";
  public static final String NOT_RUN = "NotRunBeforeShutdown";

  public boolean succeeded() {
    return SUCCESS.equals(condition);
  }
}
