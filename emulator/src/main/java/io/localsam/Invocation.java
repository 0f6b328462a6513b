package io.localsam;

import io.localsam.fault.Fault;
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
 * @param fault the injected fault that applied ({@code Emulator.faults()}, {@code --fault}), else null; when it
 *     {@linkplain Fault#replacesOutcome() replaced the outcome}, the function did not run and the response is the
 *     fault's (for a route fault, what API Gateway answered)
 */
public record Invocation(
    String functionId, String requestId, String event, String response, String error, Duration duration, Fault fault) {

  public Invocation(String functionId, String requestId, String event, String response, String error, Duration duration) {
    this(functionId, requestId, event, response, error, duration, null);
  }

  /** True when an injected fault, not the function, gave this outcome. */
  public boolean injected() {
    return fault != null && fault.replacesOutcome();
  }

  /** True when the function threw, timed out or could not be loaded. */
  public boolean failed() {
    return error != null;
  }
}
