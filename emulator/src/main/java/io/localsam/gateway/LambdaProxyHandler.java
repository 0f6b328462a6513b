package io.localsam.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.localsam.fault.Fault;
import io.localsam.fault.Faults;
import io.localsam.runtime.FunctionSet;
import io.localsam.runtime.InvocationRejected;
import io.localsam.runtime.InvocationResult;
import io.localsam.template.ApiKind;
import io.localsam.template.PayloadFormat;
import io.localsam.template.Template;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.SameThreadExecutor;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The Lambda proxy integration: builds the route's event, invokes the function through the runtime
 * and answers with the mapped response. The exchange stays open (dispatched to {@link
 * SameThreadExecutor}) while the function runs on its environment's thread; whichever finishes
 * first, the function or API Gateway's integration timeout, answers, on the connection's I/O
 * thread.
 */
final class LambdaProxyHandler implements HttpHandler {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long REST_TIMEOUT_MILLIS = 29_000;
  private static final long HTTP_TIMEOUT_MILLIS = 30_000;

  private final FunctionSet runtime;
  private final Template template;
  private final ScheduledExecutorService timer;
  private final ExchangeListener exchanges;
  private final Consumer<String> log;
  private final Faults faults;

  LambdaProxyHandler(
      FunctionSet runtime,
      Template template,
      ScheduledExecutorService timer,
      Faults faults,
      ExchangeListener exchanges,
      Consumer<String> log) {
    this.runtime = runtime;
    this.faults = faults;
    this.template = template;
    this.timer = timer;
    this.exchanges = exchanges;
    this.log = log;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    RouteMatch match = exchange.getAttachment(RouteMatchHandler.MATCH);
    Route route = match.route();
    ApiKind kind = route.api().kind();
    String functionId = route.definition().functionId();
    GatewayRequest request = ExchangeRequests.of(exchange);
    Authorization authorization = exchange.getAttachment(Authorization.KEY);
    if (authorization == null) {
      authorization = Authorization.NONE;
    }
    if (template.function(functionId).map(f -> f.inlineCode()).orElse(false)) {
      ResponseWriter.send(exchange, GatewayErrors.inlineCode(), kind, request.requestId());
      return;
    }
    byte[] event =
        route.definition().payloadFormat() == PayloadFormat.V2
            ? HttpEventFactory.event(request, match, authorization)
            : RestEventFactory.event(request, match, authorization);
    Fault fault = faults.nextForRoute(route.definition().routeKey());
    if (fault != null && fault.replacesOutcome()) {
      answerFault(exchange, fault, route, functionId, event, request);
      return;
    }
    exchange.dispatch(
        SameThreadExecutor.INSTANCE,
        () -> {
          AtomicBoolean answered = new AtomicBoolean();
          long limit = kind == ApiKind.HTTP ? HTTP_TIMEOUT_MILLIS : REST_TIMEOUT_MILLIS;
          ScheduledFuture<?> integrationTimeout =
              timer.schedule(
                  () -> {
                    if (answered.compareAndSet(false, true)) {
                      log.accept(
                          functionId
                              + " did not answer within API Gateway's "
                              + limit / 1000
                              + " s integration timeout");
                      GatewayResponse timeout = GatewayErrors.integrationTimeout(kind);
                      record(request, null, timeout);
                      exchange.getIoThread().execute(() -> send(exchange, timeout, kind, request));
                    }
                  },
                  limit,
                  TimeUnit.MILLISECONDS);
          runtime
              .invoke(functionId, event, fault)
              .whenComplete(
                  (result, error) -> {
                    integrationTimeout.cancel(false);
                    if (answered.compareAndSet(false, true)) {
                      GatewayResponse response;
                      try {
                        response = respond(route, request, result, error);
                      } catch (
                          RuntimeException unexpected) { // never leave a client without an answer
                        log.accept(
                            "Internal error answering "
                                + request.method()
                                + " "
                                + request.rawPath()
                                + ": "
                                + unexpected);
                        response = GatewayErrors.internal(kind);
                      }
                      // Written on the connection's I/O thread: an exchange that ends on another
                      // thread makes that
                      // I/O thread spin while the other finishes Undertow's bookkeeping for the
                      // connection (about half
                      // the CPU under load, in the profile), and the environment is free for its
                      // next invocation sooner.
                      GatewayResponse answer = response;
                      record(request, result == null ? null : result.requestId(), answer);
                      exchange.getIoThread().execute(() -> send(exchange, answer, kind, request));
                    }
                  });
        });
  }

  /**
   * A route's fault answers instead of its function, which is not called; the journal records what
   * the client got.
   */
  private void answerFault(
      HttpServerExchange exchange,
      Fault fault,
      Route route,
      String functionId,
      byte[] event,
      GatewayRequest request) {
    ApiKind kind = route.api().kind();
    GatewayResponse answer = RouteFaultAnswers.answer(fault, kind);
    log.accept(
        request.method()
            + " "
            + request.rawPath()
            + ": fault injected into route "
            + route.definition().routeKey()
            + ": "
            + fault.describe()
            + ": "
            + answer.status());
    runtime.journal(
        functionId,
        event,
        new InvocationResult(
            request.requestId(),
            answer.body(),
            RouteFaultAnswers.errorType(fault),
            Duration.ZERO,
            null,
            fault));
    record(request, request.requestId(), answer);
    send(exchange, answer, kind, request);
  }

  /** Tells the journal, before the client can have the answer; never fails the request. */
  private void record(GatewayRequest request, String functionRequestId, GatewayResponse response) {
    try {
      exchanges.answered(ExchangeRecords.of(request, functionRequestId, response));
    } catch (RuntimeException unexpected) {
      log.accept(
          "Internal error recording "
              + request.method()
              + " "
              + request.rawPath()
              + ": "
              + unexpected);
    }
  }

  private void send(
      HttpServerExchange exchange, GatewayResponse response, ApiKind kind, GatewayRequest request) {
    try {
      ResponseWriter.send(exchange, response, kind, request.requestId());
    } catch (RuntimeException unexpected) { // never leave a client without an answer
      log.accept(
          "Internal error answering "
              + request.method()
              + " "
              + request.rawPath()
              + ": "
              + unexpected);
      if (exchange.isResponseStarted()) {
        return; // the answer is on its way (the server stopping as it is written): a second one
        // cannot follow
      }
      exchange.getResponseHeaders().clear();
      ResponseWriter.send(exchange, GatewayErrors.internal(kind), kind, request.requestId());
    }
  }

  private GatewayResponse respond(
      Route route, GatewayRequest request, InvocationResult result, Throwable error) {
    String functionId = route.definition().functionId();
    ApiKind kind = route.api().kind();
    if (error != null) {
      Throwable cause =
          error instanceof CompletionException && error.getCause() != null
              ? error.getCause()
              : error;
      if (cause instanceof InvocationRejected rejected) {
        log.accept(rejected.getMessage());
        return rejected.reason() == InvocationRejected.Reason.THROTTLED
            ? GatewayErrors.invocationRejected(kind)
            : GatewayErrors.integrationFailure(kind);
      }
      log.accept(functionId + " could not be invoked: " + cause);
      return GatewayErrors.internal(kind);
    }
    if (result.failed()) {
      log.accept(functionId + " failed: " + describe(result));
      return GatewayErrors.integrationFailure(kind);
    }
    try {
      return Cors.decorate(
          ResponseMapper.map(route, result, request), route.api(), request.header("Origin"));
    } catch (ResponseMapper.Malformed malformed) {
      log.accept(
          functionId
              + " returned a response API Gateway would reject ("
              + malformed.getMessage()
              + "): "
              + (kind == ApiKind.HTTP ? 500 : 502));
      return GatewayErrors.integrationFailure(kind);
    }
  }

  private static String describe(InvocationResult result) {
    try {
      JsonNode document = JSON.readTree(result.payload());
      String type = document.path("errorType").asText(result.errorType());
      return type + ": " + document.path("errorMessage").asText("");
    } catch (Exception e) {
      return result.errorType();
    }
  }

  @Override
  public String toString() {
    return "lambda-proxy";
  }
}
