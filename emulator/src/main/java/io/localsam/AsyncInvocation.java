package io.localsam;

/**
 * How one accepted asynchronous ({@code Event}) invocation ended, as the journal reports it. Each
 * attempt is also an {@link Invocation} of its own, with the same request id.
 *
 * @param functionId the function's logical id
 * @param requestId the request id it was accepted with (the {@code x-amzn-RequestId} of the 202)
 * @param event the event, as JSON text
 * @param outcome {@code Success}, {@code RetriesExhausted} or {@code EventAgeExceeded} (the
 *     conditions of Lambda's destination records), or {@code NotRunBeforeShutdown}
 * @param attempts how many times the function ran with it
 * @param response the last attempt's response, or {@code null} when it never ran
 * @param error the last attempt's error type, or {@code null} when it succeeded or never ran
 */
public record AsyncInvocation(
    String functionId,
    String requestId,
    String event,
    String outcome,
    int attempts,
    String response,
    String error) {

  public boolean succeeded() {
    return "Success".equals(outcome);
  }
}
