package io.localsam.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.localsam.gateway.auth.IamPolicy;
import io.localsam.runtime.FunctionSet;
import io.localsam.runtime.InvocationResult;
import io.localsam.template.ApiKind;
import io.localsam.template.AuthorizerDef;
import io.localsam.template.PayloadFormat;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Runs a Lambda authorizer (REST TOKEN and REQUEST, HTTP API REQUEST at payload 1.0 and 2.0) as
 * deployed API Gateway does: identity sources checked first (401 without calling the function), a
 * TOKEN's validation expression matched against the whole token, the result cached by identity
 * source for the authorizer's TTL, the policy evaluated for this request's method ARN (an explicit
 * Deny wins), and the context handed on: REST stringifies it and adds {@code principalId} and
 * {@code integrationLatency}.
 */
final class LambdaAuthorizer {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FunctionSet runtime;
  private final AuthorizerCache cache;
  private final Map<String, Optional<Pattern>> patterns = new ConcurrentHashMap<>();
  private final String region;

  LambdaAuthorizer(FunctionSet runtime, String region, AuthorizerCache cache) {
    this.runtime = runtime;
    this.cache = cache;
    this.region = region;
  }

  CompletableFuture<AuthOutcome> authorize(
      AuthorizerDef authorizer, GatewayRequest request, RouteMatch match) {
    return authorize(
        authorizer,
        request,
        match,
        (identity, arn) -> AuthorizerEvents.event(authorizer, request, match, identity, arn));
  }

  /** Builds the authorizer's event from the identity source values and the method ARN. */
  interface EventBuilder {
    byte[] event(List<String> identity, String methodArn);
  }

  /**
   * As {@link #authorize(AuthorizerDef, GatewayRequest, RouteMatch)}, with the event built by
   * {@code events}.
   */
  CompletableFuture<AuthOutcome> authorize(
      AuthorizerDef authorizer, GatewayRequest request, RouteMatch match, EventBuilder events) {
    Route route = match.route();
    ApiKind kind = route.api().kind();
    String name = authorizer.name();
    List<String> identity = IdentitySources.values(authorizer.identitySources(), request, match);
    if (identity == null) {
      return done(
          AuthOutcome.refuse(
              GatewayErrors.unauthorized(kind, null),
              "authorizer "
                  + name
                  + ": identity source "
                  + authorizer.identitySources()
                  + " missing or empty"));
    }
    if (authorizer.type().equals(AuthorizerDef.TOKEN)
        && authorizer.validationExpression() != null
        && !validates(authorizer.validationExpression(), identity.get(0))) {
      return done(
          AuthOutcome.refuse(
              GatewayErrors.unauthorized(kind, null),
              "authorizer "
                  + name
                  + ": the token does not match ValidationExpression "
                  + authorizer.validationExpression()));
    }
    String arn = AuthorizerEvents.methodArn(region, request, route);
    // Without identity sources there is nothing to key a cache by, so API Gateway calls the
    // authorizer every time
    String cacheKey =
        authorizer.ttlSeconds() > 0 && !identity.isEmpty()
            ? route.api().logicalId() + '\u0000' + name + '\u0000' + String.join("\u0000", identity)
            : null;
    AuthorizerAnswer cached = cacheKey == null ? null : cache.get(cacheKey);
    if (cached != null) {
      return done(decide(authorizer, cached, arn, match, 0));
    }
    if (!runtime.has(authorizer.functionId())) {
      return done(
          AuthOutcome.refuse(
              GatewayErrors.authorizerFailure(kind),
              "authorizer "
                  + name
                  + ": its function "
                  + authorizer.functionId()
                  + " cannot run locally"));
    }
    byte[] event = events.event(identity, arn);
    long start = System.nanoTime();
    return runtime
        .invoke(authorizer.functionId(), event)
        .handle(
            (result, error) -> {
              if (error != null) {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                return AuthOutcome.refuse(
                    GatewayErrors.authorizerFailure(kind),
                    "authorizer "
                        + name
                        + " ("
                        + authorizer.functionId()
                        + ") could not be invoked: "
                        + cause.getMessage());
              }
              if (result.failed()) {
                return failed(authorizer, kind, result);
              }
              AuthorizerAnswer answer;
              try {
                answer =
                    AuthorizerAnswer.read(
                        result.payload(),
                        kind == ApiKind.HTTP && authorizer.simpleResponses(),
                        kind != ApiKind.HTTP); // WebSocket authorizers answer as REST ones do
              } catch (AuthorizerAnswer.Invalid invalid) {
                return AuthOutcome.refuse(
                    GatewayErrors.authorizerFailure(kind),
                    "authorizer "
                        + name
                        + " answered something API Gateway rejects: "
                        + invalid.getMessage());
              }
              if (cacheKey != null) {
                cache.put(cacheKey, answer, authorizer.ttlSeconds());
              }
              return decide(
                  authorizer, answer, arn, match, (System.nanoTime() - start) / 1_000_000);
            });
  }

  /**
   * A thrown "Unauthorized" means 401 by convention; any other failure is a configuration error
   * (500).
   */
  private static AuthOutcome failed(
      AuthorizerDef authorizer, ApiKind kind, InvocationResult result) {
    String message = "";
    try {
      message = JSON.readTree(result.payload()).path("errorMessage").asText("");
    } catch (IOException ignored) {
      // not an error document: a configuration error all the same
    }
    if (message.equals("Unauthorized")) {
      return AuthOutcome.refuse(
          GatewayErrors.unauthorized(kind, null),
          "authorizer " + authorizer.name() + " said Unauthorized");
    }
    return AuthOutcome.refuse(
        GatewayErrors.authorizerFailure(kind),
        "authorizer "
            + authorizer.name()
            + " ("
            + authorizer.functionId()
            + ") failed: "
            + result.errorType()
            + ": "
            + message);
  }

  private static AuthOutcome decide(
      AuthorizerDef authorizer,
      AuthorizerAnswer answer,
      String arn,
      RouteMatch match,
      long latencyMillis) {
    ApiKind kind = match.route().api().kind();
    if (answer.authorized() != null) {
      return answer.authorized()
          ? AuthOutcome.allow(Authorization.authorizer(context(answer, match, latencyMillis)))
          : AuthOutcome.refuse(
              GatewayErrors.forbidden(kind),
              "authorizer " + authorizer.name() + " answered isAuthorized: false");
    }
    IamPolicy.Decision decision;
    try {
      decision = IamPolicy.evaluate(answer.policy(), arn);
    } catch (IamPolicy.Malformed malformed) {
      return AuthOutcome.refuse(
          GatewayErrors.authorizerFailure(kind),
          "authorizer "
              + authorizer.name()
              + " returned a policy API Gateway rejects: "
              + malformed.getMessage());
    }
    return switch (decision) {
      case ALLOW ->
          AuthOutcome.allow(Authorization.authorizer(context(answer, match, latencyMillis)));
      case EXPLICIT_DENY ->
          AuthOutcome.refuse(
              GatewayErrors.accessDenied(kind, true),
              "authorizer " + authorizer.name() + "'s policy denies " + arn + " explicitly");
      case IMPLICIT_DENY ->
          AuthOutcome.refuse(
              GatewayErrors.accessDenied(kind, false),
              "authorizer " + authorizer.name() + "'s policy does not allow " + arn);
    };
  }

  /**
   * {@code requestContext.authorizer}: for payload 2.0, {@code {"lambda": context}}; for payload
   * 1.0 the context itself plus {@code principalId}, and on REST APIs every value a string ("The
   * returned values are all stringified", AWS docs, "Output from an API Gateway Lambda authorizer")
   * plus {@code integrationLatency}.
   */
  private static Map<String, Object> context(
      AuthorizerAnswer answer, RouteMatch match, long latencyMillis) {
    Map<String, Object> values = new LinkedHashMap<>();
    JsonNode context = answer.context();
    boolean rest = match.route().api().kind() != ApiKind.HTTP; // WebSocket APIs keep REST's context
    if (match.route().definition().payloadFormat() == PayloadFormat.V2) {
      values.put("lambda", context == null ? Map.of() : JSON.convertValue(context, Map.class));
      return values;
    }
    if (context != null) {
      context
          .fields()
          .forEachRemaining(
              field -> {
                JsonNode value = field.getValue();
                if (!rest) {
                  values.put(field.getKey(), JSON.convertValue(value, Object.class));
                } else if (!value.isNull()) {
                  values.put(field.getKey(), value.asText());
                }
              });
    }
    if (answer.principalId() != null) {
      values.put("principalId", answer.principalId());
    }
    if (rest) {
      values.put("integrationLatency", latencyMillis);
    }
    return values;
  }

  /**
   * API Gateway matches the whole token against the expression (compiled once; an invalid one
   * matches nothing).
   */
  private boolean validates(String expression, String token) {
    return patterns
        .computeIfAbsent(expression, LambdaAuthorizer::compile)
        .map(pattern -> pattern.matcher(token).matches())
        .orElse(false);
  }

  /**
   * The expression as a pattern, or empty when it is not a valid one (AuthorizerSetup warns about
   * it at start-up).
   */
  static Optional<Pattern> compile(String expression) {
    try {
      return Optional.of(Pattern.compile(expression));
    } catch (PatternSyntaxException e) {
      return Optional.empty();
    }
  }

  private static CompletableFuture<AuthOutcome> done(AuthOutcome outcome) {
    return CompletableFuture.completedFuture(outcome);
  }
}
