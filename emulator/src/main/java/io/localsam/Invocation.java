package io.localsam;

import io.localsam.console.ConsoleInvocation;
import io.localsam.fault.Fault;
import io.localsam.gateway.GatewayExchange;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One finished invocation of a function, as the journal and {@link Emulator#invoke} report it. The
 * admin API ({@code /__localsam/api/invocations}) and the web console show these same records.
 *
 * @param functionId the function's logical id
 * @param requestId the Lambda request id given to the function's {@code Context}
 * @param event the event the function received, as JSON text
 * @param response what the function returned (its JSON output, or the runtime's error document)
 * @param error the error type ({@code java.lang.IllegalStateException}, {@code Sandbox.Timedout},
 *     ...) when the function failed, otherwise {@code null}
 * @param duration how long the handler ran, init excluded
 * @param id the journal's number for it, rising from 1 (0 for an invocation the journal never saw)
 * @param startedAt when it started (Init included on a cold start)
 * @param initDuration how long Init took when this invocation started a new environment, else
 *     {@code null}
 * @param logs its log lines, START to REPORT (and Init's output on a cold start): the first 64 KB
 *     (200 lines at most), then, when there were more, a line counting those left out and the last
 *     three (END and REPORT)
 * @param request the HTTP request that led to it, with the gateway's answer, or {@code null} when
 *     it was invoked directly ({@link Emulator#invoke}, {@code start-lambda}, an asynchronous
 *     event, an authorizer)
 * @param fault the injected fault that applied ({@code Emulator.faults()}, {@code --fault}), else
 *     null; when it {@linkplain Fault#replacesOutcome() replaced the outcome}, the function did not
 *     run and the response is the fault's (for a route fault, what API Gateway answered)
 */
public record Invocation(
    String functionId,
    String requestId,
    String event,
    String response,
    String error,
    Duration duration,
    long id,
    Instant startedAt,
    Duration initDuration,
    List<String> logs,
    GatewayExchange request,
    Fault fault)
    implements ConsoleInvocation {

  public Invocation {
    logs = logs == null ? List.of() : List.copyOf(logs);
  }

  /** True when an injected fault, not the function, gave this outcome. */
  public boolean injected() {
    return fault != null && fault.replacesOutcome();
  }

  /** True when the function threw, timed out or could not be loaded. */
  public boolean failed() {
    return error != null;
  }

  /** True when this invocation started a new execution environment (a cold start). */
  public boolean cold() {
    return initDuration != null;
  }
}
