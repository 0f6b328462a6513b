package io.localsam.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * A WebSocket API's route selection (README, WebSocket APIs): {@code $request.body.a.b} reads the
 * field of a JSON message; a message that is not JSON, or lacks the field, or whose field is not
 * text, a number or a boolean, selects no key and goes to {@code $default}.
 */
final class RouteSelection {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BODY = "$request.body.";

  private RouteSelection() {}

  /** The route key {@code expression} selects for {@code message}, or null for none. */
  static String key(String expression, String message) {
    if (!expression.startsWith(BODY) || message == null) {
      return null;
    }
    JsonNode node;
    try {
      node = JSON.readTree(message);
    } catch (IOException e) {
      return null;
    }
    for (String field : expression.substring(BODY.length()).split("\\.")) {
      if (node == null || !node.isObject()) {
        return null;
      }
      node = node.get(field);
    }
    return node != null && node.isValueNode() && !node.isNull() ? node.asText() : null;
  }
}
