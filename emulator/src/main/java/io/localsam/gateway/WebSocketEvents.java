package io.localsam.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.localsam.template.WebSocketRouteDef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The events a WebSocket API's functions receive, as API Gateway sends them (README, WebSocket
 * APIs; the shapes of aws-lambda-java-events' {@code APIGatewayV2WebSocketEvent} and AWS's sample
 * events): CONNECT with the handshake's headers and query string, MESSAGE with the body, DISCONNECT
 * with the close code and reason; each with {@code requestContext} (route key, event type,
 * connection and request ids, times, stage, domain name).
 */
final class WebSocketEvents {
  private static final ObjectMapper JSON = new ObjectMapper();

  private WebSocketEvents() {}

  static byte[] connect(WebSocketConnection connection, String requestId) {
    ObjectNode event = JSON.createObjectNode();
    headers(event, connection.handshake);
    Map<String, List<String>> query = QueryString.parse(connection.handshake.rawQuery());
    if (!query.isEmpty()) {
      ObjectNode single = event.putObject("queryStringParameters");
      ObjectNode multi = event.putObject("multiValueQueryStringParameters");
      query.forEach(
          (name, values) -> {
            single.put(name, values.get(values.size() - 1));
            values.forEach(multi.putArray(name)::add);
          });
    }
    ObjectNode context =
        context(
            event,
            connection,
            WebSocketRouteDef.CONNECT,
            "CONNECT",
            requestId,
            connection.connectedAt);
    identity(context, connection, true);
    event.put("isBase64Encoded", false);
    return bytes(event);
  }

  /**
   * A REQUEST authorizer's event on {@code $connect}: the CONNECT event with {@code type} and
   * {@code methodArn}.
   */
  static byte[] authorizer(WebSocketConnection connection, String requestId, String methodArn) {
    try {
      ObjectNode connect = (ObjectNode) JSON.readTree(connect(connection, requestId));
      ObjectNode event = JSON.createObjectNode();
      event.put("type", "REQUEST");
      event.put("methodArn", methodArn);
      connect.remove("isBase64Encoded");
      event.setAll(connect);
      event.putObject("stageVariables");
      return bytes(event);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] message(
      WebSocketConnection connection,
      String routeKey,
      String messageId,
      String requestId,
      long epochMillis,
      String body,
      boolean base64) {
    ObjectNode event = JSON.createObjectNode();
    ObjectNode context = context(event, connection, routeKey, "MESSAGE", requestId, epochMillis);
    context.put("messageId", messageId);
    identity(context, connection, false);
    event.put("body", body);
    event.put("isBase64Encoded", base64);
    return bytes(event);
  }

  /**
   * {@code $disconnect}: deployed, its headers are the few API Gateway adds itself, not the
   * handshake's.
   */
  static byte[] disconnect(
      WebSocketConnection connection, String requestId, int code, String reason) {
    ObjectNode event = JSON.createObjectNode();
    ObjectNode headers = event.putObject("headers");
    ObjectNode multi = event.putObject("multiValueHeaders");
    Map<String, String> added = new java.util.LinkedHashMap<>();
    added.put("Host", connection.domainName);
    added.put("x-api-key", "");
    added.put("X-Forwarded-For", "");
    added.put("x-restapi", "");
    added.forEach(
        (name, value) -> {
          headers.put(name, value);
          multi.putArray(name).add(value);
        });
    ObjectNode context =
        context(
            event,
            connection,
            WebSocketRouteDef.DISCONNECT,
            "DISCONNECT",
            requestId,
            System.currentTimeMillis());
    context.put("disconnectStatusCode", code);
    context.put("disconnectReason", reason);
    identity(context, connection, true);
    event.put("isBase64Encoded", false);
    return bytes(event);
  }

  private static void headers(ObjectNode event, GatewayRequest request) {
    ObjectNode single = event.putObject("headers");
    ObjectNode multi = event.putObject("multiValueHeaders");
    for (GatewayRequest.Header header : request.headers()) {
      single.put(header.name(), header.values().get(header.values().size() - 1));
      header.values().forEach(multi.withArray(header.name())::add);
    }
  }

  private static ObjectNode context(
      ObjectNode event,
      WebSocketConnection connection,
      String routeKey,
      String type,
      String requestId,
      long epochMillis) {
    ObjectNode context = event.putObject("requestContext");
    context.put("routeKey", routeKey);
    if (connection.authorizer != null) {
      context.set("authorizer", JSON.valueToTree(connection.authorizer));
    }
    context.put("eventType", type);
    context.put("extendedRequestId", requestId);
    context.put("requestTime", GatewayIds.requestTime(epochMillis));
    context.put("messageDirection", "IN");
    context.put("stage", connection.mount.definition().stageName());
    context.put("connectedAt", connection.connectedAt);
    context.put("requestTimeEpoch", epochMillis);
    context.put("requestId", requestId);
    context.put("domainName", connection.domainName);
    context.put("connectionId", connection.id);
    context.put("apiId", GatewayIds.apiId(connection.mount.definition().logicalId()));
    return context;
  }

  private static void identity(
      ObjectNode context, WebSocketConnection connection, boolean userAgent) {
    ObjectNode identity = context.putObject("identity");
    String agent = connection.handshake.header("User-Agent");
    if (userAgent && agent != null) {
      identity.put("userAgent", agent);
    }
    identity.put("sourceIp", connection.handshake.sourceIp());
  }

  private static byte[] bytes(ObjectNode event) {
    try {
      return JSON.writeValueAsBytes(event);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
