package io.localsam.gateway;

import io.localsam.runtime.FunctionSet;
import io.localsam.template.ApiAuth;
import io.localsam.template.ApiDef;
import io.localsam.template.ApiKind;
import io.localsam.template.PayloadFormat;
import io.localsam.template.RouteDef;
import io.localsam.template.WebSocketApiDef;
import io.localsam.template.WebSocketRouteDef;
import java.util.List;
import java.util.Map;

/**
 * A WebSocket API as one version of the template serves it: at {@code /{stage}} on the gateway's
 * port, its functions from that version's set. {@code api} is the API as the authorizer code knows
 * APIs; {@code authorizerCache} holds its {@code $connect} authorizer's results.
 */
record WebSocketMount(
    WebSocketApiDef definition,
    ApiDef api,
    FunctionSet functions,
    LambdaAuthorizer authorizers,
    AuthorizerCache authorizerCache) {

  static WebSocketMount of(WebSocketApiDef definition, FunctionSet functions, String region) {
    ApiDef api =
        new ApiDef(
            definition.logicalId(),
            ApiKind.WEBSOCKET,
            definition.stageName(),
            Map.of(),
            List.of(),
            null,
            List.of(),
            new ApiAuth(null, definition.authorizers(), Map.of()),
            definition.location());
    AuthorizerCache cache = new AuthorizerCache();
    return new WebSocketMount(
        definition, api, functions, new LambdaAuthorizer(functions, region, cache), cache);
  }

  /** {@code /production}: where clients connect, and where {@code /@connections} is. */
  String path() {
    return "/" + definition.stageName();
  }

  /**
   * The route as the authorizer code sees one: its key is the path, so its method ARN ends in
   * {@code /$connect}.
   */
  RouteMatch match(WebSocketRouteDef route) {
    RouteDef definition =
        new RouteDef(
            api.logicalId(),
            "GET",
            route.routeKey(),
            route.functionId(),
            PayloadFormat.V1,
            null,
            route.authorizer(),
            route.location());
    return new RouteMatch(new Route(definition, api, List.of(), null), Map.of(), null);
  }
}
