package io.localsam.gateway;

import io.localsam.runtime.RequestIds;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.HeaderValues;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes the {@link GatewayRequest} off an exchange once, so the authorizer and the function see the
 * same request id and time, as they do in API Gateway.
 */
final class ExchangeRequests {
  private static final AttachmentKey<GatewayRequest> REQUEST =
      AttachmentKey.create(GatewayRequest.class);

  private ExchangeRequests() {}

  static GatewayRequest of(HttpServerExchange exchange) {
    GatewayRequest request = exchange.getAttachment(REQUEST);
    if (request == null) {
      request = read(exchange);
      exchange.putAttachment(REQUEST, request);
    }
    return request;
  }

  private static GatewayRequest read(HttpServerExchange exchange) {
    List<GatewayRequest.Header> headers = new ArrayList<>();
    for (HeaderValues values : exchange.getRequestHeaders()) {
      headers.add(
          new GatewayRequest.Header(values.getHeaderName().toString(), List.copyOf(values)));
    }
    InetSocketAddress source = exchange.getSourceAddress();
    String sourceIp =
        source == null || source.getAddress() == null
            ? "127.0.0.1"
            : source.getAddress().getHostAddress();
    InetSocketAddress destination = exchange.getDestinationAddress();
    byte[] body = exchange.getAttachment(RequestBodyHandler.BODY);
    return new GatewayRequest(
        exchange.getRequestMethod().toString(),
        RouteMatchHandler.rawPath(exchange),
        exchange.getQueryString(),
        headers,
        body == null ? new byte[0] : body,
        sourceIp,
        exchange.getProtocol().toString(),
        exchange.getRequestScheme(),
        destination == null ? 0 : destination.getPort(),
        System.currentTimeMillis(),
        RequestIds.next());
  }
}
