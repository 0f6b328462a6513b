package io.localsam.gateway;

import io.localsam.template.AuthorizerDef;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.SameThreadExecutor;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Runs the route's authorizer before its function: a Lambda authorizer, a JWT or Cognito token
 * check, or AWS_IAM's signature check. Allowed requests go on with what the authorizer leaves for
 * the event ({@link Authorization#KEY}); refused ones get API Gateway's answer and one log line
 * saying why.
 *
 * <p>Threading: token and IAM checks run where the request is (they never block). A Lambda
 * authorizer runs on the runtime's threads while the exchange stays open, dispatched to {@link
 * SameThreadExecutor}; the rest of the chain then continues on the connection's I/O thread, as it
 * would without an authorizer (it never blocks). Not on Undertow's worker pool: a pool thread
 * started from the authorizer's own thread would join that execution environment's thread group,
 * and be stopped with it when the environment is discarded (timed out, reset, recycled). CORS
 * preflights never get here: route matching answers them.
 */
final class AuthorizerHandler implements HttpHandler {
  private final LambdaAuthorizer lambda;
  private final TokenAuthorizer tokens;
  private final boolean disabled;
  private final HttpHandler next;
  private final Consumer<String> log;

  AuthorizerHandler(
      LambdaAuthorizer lambda,
      TokenAuthorizer tokens,
      boolean disabled,
      HttpHandler next,
      Consumer<String> log) {
    this.lambda = lambda;
    this.tokens = tokens;
    this.disabled = disabled;
    this.next = next;
    this.log = log;
  }

  /**
   * The authorizer LocalSAM enforces on a route, or null (none, disabled, or a Lambda one without
   * its function).
   */
  static AuthorizerDef of(Route route) {
    String name = route.definition().authorizer();
    AuthorizerDef authorizer = name == null ? null : route.api().auth().authorizer(name);
    return authorizer == null || !authorizer.emulated() ? null : authorizer;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    RouteMatch match = exchange.getAttachment(RouteMatchHandler.MATCH);
    AuthorizerDef authorizer = disabled ? null : of(match.route());
    if (authorizer == null) {
      next.handleRequest(exchange);
      return;
    }
    GatewayRequest request = ExchangeRequests.of(exchange);
    switch (authorizer.type()) {
      case AuthorizerDef.IAM -> proceed(exchange, IamAuthorizer.authorize(request, match.route()));
      case AuthorizerDef.JWT, AuthorizerDef.COGNITO ->
          proceed(exchange, tokens.authorize(authorizer, request, match));
      default -> {
        CompletableFuture<AuthOutcome> outcome = lambda.authorize(authorizer, request, match);
        if (outcome.isDone()) {
          proceed(
              exchange, outcome.join()); // a cached result or a missing identity: no function call
          return;
        }
        exchange.dispatch(
            SameThreadExecutor.INSTANCE,
            () ->
                outcome.whenCompleteAsync(
                    (result, error) -> {
                      if (error != null) {
                        result =
                            AuthOutcome.refuse(
                                GatewayErrors.authorizerFailure(match.route().api().kind()),
                                "authorizer " + authorizer.name() + " could not run: " + error);
                      }
                      try {
                        proceed(exchange, result);
                      } catch (Exception e) {
                        log.accept(
                            "Internal error handling "
                                + request.method()
                                + " "
                                + request.rawPath()
                                + ": "
                                + e);
                        ResponseWriter.send(
                            exchange,
                            GatewayErrors.internal(match.route().api().kind()),
                            match.route().api().kind(),
                            request.requestId());
                      }
                    },
                    exchange.getIoThread()));
      }
    }
  }

  private void proceed(HttpServerExchange exchange, AuthOutcome outcome) throws Exception {
    if (outcome.allowed()) {
      exchange.putAttachment(Authorization.KEY, outcome.authorization());
      next.handleRequest(exchange);
      return;
    }
    GatewayRequest request = ExchangeRequests.of(exchange);
    RouteMatch match = exchange.getAttachment(RouteMatchHandler.MATCH);
    log.accept(
        request.method()
            + " "
            + request.rawPath()
            + ": "
            + outcome.reason()
            + ": "
            + outcome.refusal().status());
    ResponseWriter.send(
        exchange, outcome.refusal(), match.route().api().kind(), request.requestId());
  }

  @Override
  public String toString() {
    return disabled ? "authorizers(disabled)" : "authorizers";
  }
}
