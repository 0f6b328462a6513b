package io.localsam.gateway;

import io.localsam.template.ApiKind;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import org.xnio.IoUtils;
import org.xnio.channels.StreamSinkChannel;

/** Writes a {@link GatewayResponse} with the request-id header API Gateway adds to every answer. */
final class ResponseWriter {
  private static final HttpString REST_REQUEST_ID = HttpString.tryFromString("x-amzn-RequestId");
  private static final HttpString HTTP_REQUEST_ID = HttpString.tryFromString("apigw-requestid");

  private ResponseWriter() {}

  static void send(
      HttpServerExchange exchange, GatewayResponse response, ApiKind kind, String requestId) {
    statusAndHeaders(exchange, response);
    if (requestId != null) {
      exchange
          .getResponseHeaders()
          .put(kind == ApiKind.HTTP ? HTTP_REQUEST_ID : REST_REQUEST_ID, requestId);
    }
    exchange.getResponseSender().send(ByteBuffer.wrap(response.body()));
  }

  private static void statusAndHeaders(HttpServerExchange exchange, GatewayResponse response) {
    exchange.setStatusCode(response.status());
    var headers = exchange.getResponseHeaders();
    for (Map.Entry<String, String> header : response.headers()) {
      headers.add(HttpString.tryFromString(header.getKey()), header.getValue());
    }
  }

  /**
   * Answers and closes the connection without reading the request body, for requests whose body
   * cannot be read (an unknown Transfer-Encoding): ending the exchange normally would try to read
   * it first.
   */
  static void sendAndClose(HttpServerExchange exchange, GatewayResponse response) {
    statusAndHeaders(exchange, response);
    exchange.setPersistent(false);
    exchange
        .getResponseHeaders()
        .put(io.undertow.util.Headers.CONTENT_LENGTH, response.body().length);
    exchange.getResponseHeaders().put(io.undertow.util.Headers.CONNECTION, "close");
    try {
      StreamSinkChannel channel = exchange.getResponseChannel();
      ByteBuffer body = ByteBuffer.wrap(response.body());
      while (body.hasRemaining() && channel.write(body) > 0) {
        // a few bytes: the socket takes them at once
      }
      channel.shutdownWrites();
      channel.flush();
    } catch (IOException ignored) {
      // the client is gone; closing below is all there is to do
    }
    IoUtils.safeClose(exchange.getConnection());
  }

  /** The kind of API the request reached, REST when it reached none. */
  static ApiKind kind(HttpServerExchange exchange) {
    RouteMatch match = exchange.getAttachment(RouteMatchHandler.MATCH);
    return match != null && match.found() ? match.route().api().kind() : ApiKind.REST;
  }
}
