package io.localsam.gateway;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import java.util.function.Consumer;

/**
 * API Gateway's quota on the request line and header values together, 10240 bytes for REST and HTTP
 * APIs: a request over it is refused before routing, and the connection closed, whatever its number
 * of headers or query parameters.
 *
 * <p>AWS documents the quota but not the status it answers with; this answers 431 (RFC 6585,
 * Request Header Fields Too Large), the standard status for exactly this refusal.
 */
final class RequestHeadLimit implements HttpHandler {
  /**
   * "Total combined size of request line and header values" in API Gateway's REST and HTTP API
   * quotas.
   */
  static final int MAX_BYTES = 10_240;

  private final HttpHandler next;
  private final Consumer<String> log;

  RequestHeadLimit(HttpHandler next, Consumer<String> log) {
    this.next = next;
    this.log = log;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    long size = size(exchange);
    if (size <= MAX_BYTES) {
      next.handleRequest(exchange);
      return;
    }
    log.accept(
        exchange.getRequestMethod()
            + " "
            + RouteMatchHandler.rawPath(exchange)
            + ": the request line and header values are "
            + size
            + " bytes, over API Gateway's "
            + MAX_BYTES
            + ": 431");
    exchange.setPersistent(false);
    ResponseWriter.send(
        exchange,
        GatewayResponse.json(431, "{\"message\":\"Request Header Fields Too Large\"}"),
        ResponseWriter.kind(exchange),
        null);
  }

  /**
   * The request line as sent (method, target with its query, version, and the two spaces) plus
   * every header value. Undertow keeps each byte of the head as one character, so characters are
   * bytes.
   */
  static long size(HttpServerExchange exchange) {
    String query = exchange.getQueryString();
    long size =
        exchange.getRequestMethod().length()
            + 1
            + exchange.getRequestURI().length()
            + (query.isEmpty() ? 0 : 1 + query.length())
            + 1
            + exchange.getProtocol().length();
    for (HeaderValues values : exchange.getRequestHeaders()) {
      for (String value : values) {
        size += value.length();
      }
    }
    return size;
  }

  @Override
  public String toString() {
    return "request-head-limit(" + MAX_BYTES + ")";
  }
}
