package io.localsam.template;

import java.util.List;

/**
 * A route as one source declares it, before the run decides which routes win and which function
 * each one calls.
 *
 * @param api the API it belongs to
 * @param method the method, upper case, or {@code ANY}
 * @param path the checked path, or {@code $default}
 * @param function the function as the source names it: a logical id or a {@code FunctionName}
 * @param payloadFormat the event version
 * @param operationName OpenAPI {@code operationId} / {@code OperationName}, REST only; or {@code
 *     null}
 * @param authorizer an authorizer name, {@link #NO_AUTHORIZER} to switch the API's default off, or
 *     {@code null} for the API's default
 * @param source who declared it, for messages ({@code HelloFunction event Hello}, {@code MyApi
 *     DefinitionBody})
 * @param location where it was declared
 * @param apiKeyRequired the method needs an API key
 * @param scopes the OAuth scopes the route asks of its authorizer (empty for none)
 */
record RouteDraft(
    ApiBuilder api,
    String method,
    String path,
    String function,
    PayloadFormat payloadFormat,
    String operationName,
    String authorizer,
    String source,
    SourceLocation location,
    boolean apiKeyRequired,
    List<String> scopes) {

  static final String NO_AUTHORIZER = "NONE";

  RouteDraft {
    scopes = scopes == null ? List.of() : List.copyOf(scopes);
  }

  /** A route without API key or scope requirements. */
  RouteDraft(
      ApiBuilder api,
      String method,
      String path,
      String function,
      PayloadFormat payloadFormat,
      String operationName,
      String authorizer,
      String source,
      SourceLocation location) {
    this(
        api,
        method,
        path,
        function,
        payloadFormat,
        operationName,
        authorizer,
        source,
        location,
        false,
        List.of());
  }

  String key() {
    return path.equals(RouteDef.DEFAULT_ROUTE) ? RouteDef.DEFAULT_ROUTE : method + " " + path;
  }
}
