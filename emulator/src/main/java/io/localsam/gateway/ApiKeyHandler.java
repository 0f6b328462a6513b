package io.localsam.gateway;

import io.localsam.template.ApiKind;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code ApiKeyRequired} on REST methods, checked after authorization as API Gateway does: the
 * {@code x-api-key} header must hold one of the API's keys (the template's {@code
 * AWS::ApiGateway::ApiKey} values and {@code --api-key}), else 403 Forbidden. The key reaches the
 * function as {@code identity.apiKey} and {@code identity.apiKeyId}.
 */
final class ApiKeyHandler implements HttpHandler {
  private final Map<String, String> keys; // value -> key id
  private final HttpHandler next;
  private final Consumer<String> log;

  ApiKeyHandler(Map<String, String> keys, HttpHandler next, Consumer<String> log) {
    this.keys = Map.copyOf(keys);
    this.next = next;
    this.log = log;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    RouteMatch match = exchange.getAttachment(RouteMatchHandler.MATCH);
    Route route = match.route();
    if (!route.definition().apiKeyRequired() || route.api().kind() != ApiKind.REST) {
      next.handleRequest(exchange);
      return;
    }
    GatewayRequest request = ExchangeRequests.of(exchange);
    String key = request.header("x-api-key");
    String id = key == null ? null : keys.get(key);
    if (id == null) {
      log.accept(
          request.method()
              + " "
              + request.rawPath()
              + ": "
              + (key == null ? "no x-api-key header" : "x-api-key is not one of the API's keys")
              + " (the method requires an API key): 403");
      ResponseWriter.send(
          exchange, GatewayErrors.forbidden(ApiKind.REST), ApiKind.REST, request.requestId());
      return;
    }
    Authorization authorization = exchange.getAttachment(Authorization.KEY);
    exchange.putAttachment(
        Authorization.KEY,
        (authorization == null ? Authorization.NONE : authorization).withApiKey(key, id));
    next.handleRequest(exchange);
  }

  @Override
  public String toString() {
    return "api-keys(" + keys.size() + ")";
  }
}
