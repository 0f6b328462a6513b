package io.localsam.gateway;

import io.localsam.gateway.auth.SigV4;
import io.localsam.runtime.RequestIds;
import io.localsam.server.JsonValues;
import io.localsam.template.ApiKind;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The {@code @connections} management API at {@code /{stage}/@connections/{id}} (README, WebSocket
 * APIs), as {@code ApiGatewayManagementApiClient} calls it: POST sends the body to the client (a
 * text frame when it is UTF-8, else binary), GET describes the connection, DELETE closes it.
 * Requests must be SigV4-signed (the header's shape is checked, as for AWS_IAM routes); a
 * connection that is closed or unknown is 410 {@code GoneException}.
 */
final class ConnectionsApi {
  static final String PATH = "/@connections/";

  private final WebSocketGateway gateway;
  private final WebSocketLimits limits;

  ConnectionsApi(WebSocketGateway gateway, WebSocketLimits limits) {
    this.gateway = gateway;
    this.limits = limits;
  }

  void handle(HttpServerExchange exchange, WebSocketMount mount, String rawId) {
    String requestId = RequestIds.next();
    String authorization = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
    if (authorization == null) {
      send(exchange, GatewayErrors.missingSignature(ApiKind.REST), requestId);
      return;
    }
    boolean dated =
        exchange.getRequestHeaders().contains("X-Amz-Date")
            || exchange.getRequestHeaders().contains(Headers.DATE);
    SigV4.Check check = SigV4.check(authorization, dated);
    if (!check.wellFormed()) {
      send(exchange, GatewayErrors.badSignature(ApiKind.REST, check.problem()), requestId);
      return;
    }
    String id = RouteTable.decode(rawId);
    WebSocketConnection connection = gateway.connection(id);
    if (connection == null || connection.mount.path().equals(mount.path()) == false) {
      send(exchange, gone(), requestId);
      return;
    }
    switch (exchange.getRequestMethod().toString()) {
      case "POST" ->
          exchange
              .getRequestReceiver()
              .receiveFullBytes(
                  (done, body) -> post(done, connection, body, requestId),
                  (failed, error) -> failed.endExchange());
      case "GET" -> send(exchange, GatewayResponse.json(200, description(connection)), requestId);
      case "DELETE" -> {
        gateway.close(connection, 1000, "", "Connection Closed Normally");
        send(exchange, new GatewayResponse(204, java.util.List.of(), new byte[0]), requestId);
      }
      default -> send(exchange, GatewayErrors.noRoute(ApiKind.REST), requestId);
    }
  }

  private void post(
      HttpServerExchange exchange, WebSocketConnection connection, byte[] body, String requestId) {
    if (body.length > limits.messageBytes()) {
      send(
          exchange,
          GatewayResponse.json(
              413,
              "{\"message\":\"Message too long\"}",
              "x-amzn-ErrorType",
              "PayloadTooLargeException"),
          requestId);
      return;
    }
    if (connection.isGone() || connection.channel() == null || !connection.channel().isOpen()) {
      send(exchange, gone(), requestId);
      return;
    }
    String text = utf8(body);
    WebSocketChannel channel = connection.channel();
    channel
        .getIoThread()
        .execute(
            () -> { // frames go out on the connection's own I/O thread
              if (text != null) {
                WebSockets.sendText(text, channel, null);
              } else {
                WebSockets.sendBinary(ByteBuffer.wrap(body), channel, null);
              }
            });
    connection.active();
    send(exchange, new GatewayResponse(200, java.util.List.of(), new byte[0]), requestId);
  }

  /** GetConnection's answer: times in ISO 8601, as the SDK reads them. */
  private static String description(WebSocketConnection connection) {
    String agent = connection.handshake.header("User-Agent");
    return "{\"connectedAt\":\""
        + Instant.ofEpochMilli(connection.connectedAt)
        + "\",\"identity\":{\"sourceIp\":"
        + JsonValues.quote(connection.handshake.sourceIp())
        + ",\"userAgent\":"
        + (agent == null ? "null" : JsonValues.quote(agent))
        + "},\"lastActiveAt\":\""
        + Instant.ofEpochMilli(connection.lastActiveAt())
        + "\"}";
  }

  /** The SDK throws {@code GoneException} for this status and error type. */
  private static GatewayResponse gone() {
    return GatewayResponse.json(410, "{\"message\":null}", "x-amzn-ErrorType", "GoneException");
  }

  private static String utf8(byte[] body) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static void send(
      HttpServerExchange exchange, GatewayResponse response, String requestId) {
    ResponseWriter.send(exchange, response, ApiKind.REST, requestId);
  }
}
