package io.localsam;

import java.time.Duration;

/**
 * One finished invocation of a function, as the journal and {@link Emulator#invoke} report it.
 *
 * @param functionId the function's logical id
 * @param requestId the Lambda request id given to the function's {@code Context}
 * @param event the event the function received, as JSON text
 * @param response what the function returned (its JSON output, or the runtime's error document)
 * @param error the error type ({@code java.lang.IllegalStateException}, {@code Sandbox.Timedout}, ...)
 *     when the function failed, otherwise {@code null}
 * @param duration how long the handler ran, init excluded
 */
public record Invocation(
    String functionId, String requestId, String event, String response, String error, Duration duration) {

  /** True when the function threw, timed out or could not be loaded. */
  public boolean failed() {
    return error != null;
  }
}
