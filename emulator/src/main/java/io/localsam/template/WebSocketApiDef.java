package io.localsam.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One WebSocket API ({@code AWS::ApiGatewayV2::Api} with {@code ProtocolType: WEBSOCKET}).
 *
 * @param logicalId the API's logical id ({@code Stack/Id} in a nested stack)
 * @param stageName its stage ({@code AWS::ApiGatewayV2::Stage}); the first declared when there are
 *     several
 * @param routeSelectionExpression {@code $request.body.action} and the like, or {@code $default}
 * @param routes its routes that call a function of the template, in template order
 * @param authorizers its authorizers by logical id
 * @param location where the API was declared
 */
public record WebSocketApiDef(
    String logicalId,
    String stageName,
    String routeSelectionExpression,
    List<WebSocketRouteDef> routes,
    Map<String, AuthorizerDef> authorizers,
    SourceLocation location) {

  public WebSocketApiDef {
    Objects.requireNonNull(logicalId, "logicalId");
    Objects.requireNonNull(stageName, "stageName");
    Objects.requireNonNull(routeSelectionExpression, "routeSelectionExpression");
    routes = List.copyOf(routes);
    authorizers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(authorizers));
  }

  /** The route with this key, or {@code null}. */
  public WebSocketRouteDef route(String routeKey) {
    for (WebSocketRouteDef route : routes) {
      if (route.routeKey().equals(routeKey)) {
        return route;
      }
    }
    return null;
  }
}
