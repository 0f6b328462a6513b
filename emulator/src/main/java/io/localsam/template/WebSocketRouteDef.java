package io.localsam.template;

import java.util.Objects;

/**
 * One route of a WebSocket API.
 *
 * @param routeKey {@code $connect}, {@code $disconnect}, {@code $default} or a custom key ({@code
 *     sendmessage})
 * @param functionId the model id of the function its AWS_PROXY integration calls
 * @param twoWay the route has a route response ({@code AWS::ApiGatewayV2::RouteResponse}), so the
 *     function's answer is sent back to the client
 * @param authorizer the name of its authorizer ({@code $connect} only, as in API Gateway), or
 *     {@code null}
 * @param location where the route was declared
 */
public record WebSocketRouteDef(
    String routeKey,
    String functionId,
    boolean twoWay,
    String authorizer,
    SourceLocation location) {
  public static final String CONNECT = "$connect";
  public static final String DISCONNECT = "$disconnect";
  public static final String DEFAULT = "$default";

  public WebSocketRouteDef {
    Objects.requireNonNull(routeKey, "routeKey");
    Objects.requireNonNull(functionId, "functionId");
  }
}
