package io.localsam.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.localsam.gateway.GatewayExchange;
import io.localsam.runtime.FunctionStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The admin API's JSON for functions and invocations; the README's "Web console and admin API"
 * shows each shape.
 */
final class AdminJson {
  static final ObjectMapper JSON = new ObjectMapper();

  private AdminJson() {}

  static ObjectNode function(FunctionStatus status) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", status.id());
    node.put("runtime", status.runtime());
    node.put("handler", status.handler());
    node.put("mode", status.mode());
    ObjectNode environments = node.putObject("environments");
    environments.put("warm", status.warm());
    environments.put("busy", status.busy());
    ArrayNode inits = node.putArray("initTimesMs");
    status.initTimes().forEach(init -> inits.add(millis(init)));
    node.put("invocations", status.invocations());
    node.put("errors", status.errors());
    node.put("reloads", status.reloads());
    ObjectNode environment = node.putObject("environment");
    Secrets.masked(status.environment()).forEach(environment::put);
    return node;
  }

  /**
   * An invocation without its event, response and logs: what the live list shows and the event
   * stream sends.
   */
  static ObjectNode summary(ConsoleInvocation invocation) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", invocation.id());
    node.put("function", invocation.functionId());
    node.put("requestId", invocation.requestId());
    node.put("startedAt", invocation.startedAt().toString());
    node.put("durationMs", millis(invocation.duration()));
    node.put("cold", invocation.initDuration() != null);
    if (invocation.initDuration() == null) {
      node.putNull("initDurationMs");
    } else {
      node.put("initDurationMs", millis(invocation.initDuration()));
    }
    GatewayExchange request = invocation.request();
    if (request == null) {
      node.putNull("method");
      node.putNull("path");
      node.putNull("status");
      node.putNull("latencyMs");
    } else {
      node.put("method", request.method());
      node.put("path", request.path() + (request.query().isEmpty() ? "" : "?" + request.query()));
      node.put("status", request.status());
      node.put("latencyMs", millis(request.latency()));
    }
    node.put("error", invocation.error());
    return node;
  }

  /**
   * Everything about an invocation: the summary, the request and answer, event, response, logs,
   * error.
   */
  static ObjectNode detail(ConsoleInvocation invocation) {
    ObjectNode node = summary(invocation);
    GatewayExchange request = invocation.request();
    if (request == null) {
      node.putNull("request");
      node.putNull("answer");
    } else {
      node.set("request", request(request, RequestBody.of(invocation)));
      node.set("answer", answer(request));
    }
    node.set("event", jsonOrText(invocation.event()));
    node.set("response", jsonOrText(invocation.response()));
    ArrayNode logs = node.putArray("logs");
    invocation.logs().forEach(logs::add);
    node.set("errorDetail", errorDetail(invocation));
    return node;
  }

  private static ObjectNode request(GatewayExchange request, RequestBody body) {
    ObjectNode node = JSON.createObjectNode();
    node.put("gatewayRequestId", request.gatewayRequestId());
    node.put("arrivedAt", request.arrivedAt().toString());
    node.put("method", request.method());
    node.put("path", request.path());
    node.put("query", request.query());
    ObjectNode headers = node.putObject("headers");
    for (Map.Entry<String, List<String>> header : request.headers()) {
      ArrayNode values =
          headers.has(header.getKey())
              ? (ArrayNode) headers.get(header.getKey())
              : headers.putArray(header.getKey());
      header.getValue().forEach(values::add);
    }
    node.put("body", body.text());
    node.put("isBase64Encoded", body.base64());
    return node;
  }

  private static ObjectNode answer(GatewayExchange request) {
    ObjectNode node = JSON.createObjectNode();
    node.put("status", request.status());
    ObjectNode headers = node.putObject("headers");
    for (Map.Entry<String, String> header : request.responseHeaders()) {
      ArrayNode values =
          headers.has(header.getKey())
              ? (ArrayNode) headers.get(header.getKey())
              : headers.putArray(header.getKey());
      values.add(header.getValue());
    }
    node.put(
        "body",
        request.responseBody() == null
            ? null
            : new String(request.responseBody(), StandardCharsets.UTF_8));
    node.put("latencyMs", millis(request.latency()));
    return node;
  }

  /**
   * The runtime's error document ({@code errorType}, {@code errorMessage}, {@code stackTrace}) of a
   * failed invocation.
   */
  private static JsonNode errorDetail(ConsoleInvocation invocation) {
    if (invocation.error() == null) {
      return JSON.nullNode();
    }
    ObjectNode node = JSON.createObjectNode();
    node.put("type", invocation.error());
    JsonNode document = jsonOrText(invocation.response());
    node.put("message", document.path("errorMessage").asText(null));
    ArrayNode trace = node.putArray("stackTrace");
    document.path("stackTrace").forEach(frame -> trace.add(frame.asText()));
    JsonNode cause = document.path("cause");
    if (!cause.isMissingNode() && !cause.isNull()) {
      node.set("cause", cause);
    }
    return node;
  }

  /** The text as a JSON value when it is one, else as a string. */
  static JsonNode jsonOrText(String text) {
    if (text == null) {
      return JSON.nullNode();
    }
    try {
      JsonNode parsed = JSON.readTree(text);
      return parsed == null || parsed.isMissingNode()
          ? JSON.getNodeFactory().textNode(text)
          : parsed;
    } catch (java.io.IOException e) {
      return JSON.getNodeFactory().textNode(text);
    }
  }

  static double millis(Duration duration) {
    return Math.round(duration.toNanos() / 10_000.0) / 100.0;
  }
}
