package io.localsam.template;

import java.util.List;
import java.util.Objects;

/**
 * One route: a method and path of an API, and the function behind it.
 *
 * @param apiId the owning {@link ApiDef}'s logical id
 * @param method {@code GET}, {@code POST}, ... or {@code ANY}
 * @param path the path in API Gateway syntax ({@code /items/{id}}, {@code /{proxy+}}), or {@code
 *     $default}
 * @param functionId the id of the function to invoke (its logical id; {@code Stack/Id} when a
 *     nested stack's function id was taken already)
 * @param payloadFormat the event version the function receives
 * @param operationName the OpenAPI {@code operationId} or the method's {@code OperationName}, or
 *     {@code null}
 * @param authorizer the name of the API authorizer guarding this route (after the API's default and
 *     any per-route {@code NONE}), or {@code null} for none
 * @param location where the route was declared
 * @param apiKeyRequired REST: the method needs an API key ({@code Auth.ApiKeyRequired}, the
 *     method's {@code ApiKeyRequired}, or an OpenAPI API-key security requirement)
 * @param authorizationScopes the OAuth scopes the route asks of a JWT or Cognito authorizer, as the
 *     route declares them (empty when it declares none)
 */
public record RouteDef(
    String apiId,
    String method,
    String path,
    String functionId,
    PayloadFormat payloadFormat,
    String operationName,
    String authorizer,
    SourceLocation location,
    boolean apiKeyRequired,
    List<String> authorizationScopes) {

  public static final String ANY = "ANY";
  public static final String DEFAULT_ROUTE = "$default";

  /** The HTTP API stage served at the root of the API's URL. */
  public static final String DEFAULT_STAGE = "$default";

  /** What {@code ANY} stands for, as SAM CLI and API Gateway expand it. */
  public static final List<String> ANY_METHODS =
      List.of("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT");

  public RouteDef {
    Objects.requireNonNull(apiId, "apiId");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(functionId, "functionId");
    Objects.requireNonNull(payloadFormat, "payloadFormat");
    authorizationScopes =
        authorizationScopes == null ? List.of() : List.copyOf(authorizationScopes);
  }

  /** The shape before API keys and scopes were read; kept for callers. */
  public RouteDef(
      String apiId,
      String method,
      String path,
      String functionId,
      PayloadFormat payloadFormat,
      String operationName,
      String authorizer,
      SourceLocation location) {
    this(
        apiId,
        method,
        path,
        functionId,
        payloadFormat,
        operationName,
        authorizer,
        location,
        false,
        List.of());
  }

  /** The shape before operation names and authorizers were read; kept for callers. */
  public RouteDef(
      String apiId,
      String method,
      String path,
      String functionId,
      PayloadFormat payloadFormat,
      SourceLocation location) {
    this(apiId, method, path, functionId, payloadFormat, null, null, location, false, List.of());
  }

  /**
   * The route key API Gateway reports: {@code GET /items/{id}}, {@code ANY /x} or {@code $default}.
   */
  public String routeKey() {
    return path.equals(DEFAULT_ROUTE) ? DEFAULT_ROUTE : method + " " + path;
  }

  /** True when {@code other} is the same route to the same function, wherever it is written. */
  public boolean sameRoute(RouteDef other) {
    return other != null
        && equals(
            new RouteDef(
                other.apiId,
                other.method,
                other.path,
                other.functionId,
                other.payloadFormat,
                other.operationName,
                other.authorizer,
                location,
                other.apiKeyRequired,
                other.authorizationScopes));
  }

  public List<String> methods() {
    return method.equals(ANY) ? ANY_METHODS : List.of(method);
  }

  /**
   * The path as routing sees it, parameter names left out ({@code /items/{}}, {@code /{+}}): two
   * routes with the same shape take the same requests, whatever their parameters are called.
   */
  public String pathShape() {
    return path.equals(DEFAULT_ROUTE)
        ? DEFAULT_ROUTE
        : path.replaceAll("\\{[^/]*\\+}", "{+}").replaceAll("\\{[^/+]*}", "{}");
  }
}
