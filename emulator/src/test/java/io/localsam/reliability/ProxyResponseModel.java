package io.localsam.reliability;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What API Gateway answers for a function's output (REST and HTTP API), written from the README's
 * Gateway section with deployed API Gateway's rules where SAM CLI differs (the cloud wins): the
 * test oracle for {@link ResponseProperties}, kept independent of the gateway's own mapper. Empty
 * means API Gateway rejects the output (REST 502, HTTP 500). Only for APIs without binary media
 * types and requests without an Accept header, as the property sends them.
 */
final class ProxyResponseModel {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> V1_KEYS =
      Set.of("statusCode", "headers", "multiValueHeaders", "body", "isBase64Encoded", "cookies");

  /** A mapped response: status, headers in order (name as given), body bytes. */
  record Mapped(int status, List<Map.Entry<String, String>> headers, byte[] body) {}

  private ProxyResponseModel() {}

  /** Payload 1.0 on a REST API. */
  static Optional<Mapped> rest(String output) {
    JsonNode root = parse(output);
    if (root == null || !root.isObject()) {
      return Optional.empty(); // REST: not JSON, or not an object
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!V1_KEYS.contains(name) && !name.equals("base64Encoded")) {
        return Optional
            .empty(); // REST rejects any other key (Jackson's base64Encoded is read: README,
        // fidelity)
      }
    }
    JsonNode statusCode = root.get("statusCode");
    Integer status =
        statusCode == null || statusCode.isNull() ? Integer.valueOf(200) : status(statusCode);
    JsonNode body = root.get("body");
    JsonNode jackson = root.get("base64Encoded");
    Boolean base64 =
        flag(jackson != null && !jackson.isNull() ? jackson : root.get("isBase64Encoded"));
    if (status == null || base64 == null || (body != null && !body.isNull() && !body.isTextual())) {
      return Optional
          .empty(); // deployed: a valid statusCode if any (200 without), body a string, the flag a
      // boolean or its text
    }
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    JsonNode multi = root.get("multiValueHeaders");
    if (multi != null && !multi.isNull()) {
      if (!multi.isObject()) {
        return Optional.empty();
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = multi.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        if (entry.getValue().isNull()) {
          continue;
        }
        if (!entry.getValue().isArray()) {
          return Optional.empty();
        }
        for (JsonNode value : entry.getValue()) {
          headers.add(Map.entry(entry.getKey(), text(value)));
        }
      }
    }
    JsonNode single = root.get("headers");
    if (single != null && !single.isNull()) {
      if (!single.isObject()) {
        return Optional.empty();
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = single.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        Map.Entry<String, String> header =
            entry.getValue().isNull() ? null : Map.entry(entry.getKey(), text(entry.getValue()));
        if (header != null && !headers.contains(header)) {
          headers.add(header); // REST: multiValueHeaders first, a headers pair already there is not
          // repeated
        }
      }
    }
    if (!headers.stream().allMatch(ProxyResponseModel::sendable)) {
      return Optional.empty();
    }
    defaultContentType(headers);
    // no binary media types and no Accept header: a base64 body is sent as the text it is (REST)
    String text = body == null || body.isNull() ? "" : body.textValue();
    return Optional.of(new Mapped(status, headers, text.getBytes(StandardCharsets.UTF_8)));
  }

  /** Payload 2.0 on an HTTP API. */
  static Optional<Mapped> http(String output) {
    JsonNode root = parse(output);
    if (root == null) {
      return Optional.empty(); // HTTP API: not JSON
    }
    if (!root.isObject() || !root.has("statusCode")) {
      // HTTP API, deployed: the output itself is the body (a JSON string as its text), 200,
      // application/json
      String text = root.isTextual() ? root.textValue() : output;
      return Optional.of(
          new Mapped(
              200,
              new ArrayList<>(List.of(Map.entry("Content-Type", "application/json"))),
              text.getBytes(StandardCharsets.UTF_8)));
    }
    Integer status = status(root.get("statusCode"));
    Boolean base64 = flag(root.get("isBase64Encoded"));
    if (status == null || base64 == null) {
      return Optional.empty();
    }
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    JsonNode single = root.get("headers");
    if (single != null && single.isObject()) { // anything else is ignored (HTTP API)
      for (Iterator<Map.Entry<String, JsonNode>> it = single.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        if (!entry.getValue().isNull()) {
          headers.add(Map.entry(entry.getKey(), text(entry.getValue())));
        }
      }
    }
    JsonNode cookies = root.get("cookies");
    if (cookies != null
        && cookies.isArray()) { // each its own Set-Cookie; a non-list is ignored (HTTP API)
      for (JsonNode cookie : cookies) {
        headers.add(Map.entry("Set-Cookie", text(cookie)));
      }
    }
    if (!headers.stream().allMatch(ProxyResponseModel::sendable)) {
      return Optional.empty();
    }
    defaultContentType(headers);
    JsonNode body = root.get("body");
    String text =
        body == null || body.isNull() ? "" : body.isTextual() ? body.textValue() : body.toString();
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (base64) {
      try {
        bytes = Base64.getMimeDecoder().decode(text);
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
    return Optional.of(new Mapped(status, headers, bytes));
  }

  private static JsonNode parse(String output) {
    try {
      JsonNode node = JSON.readTree(output);
      return node == null || node.isMissingNode() ? null : node;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /** An integer 100-599, or its decimal text (REST); anything else is null. */
  private static Integer status(JsonNode node) {
    int status;
    if (node == null || node.isNull()) {
      return null;
    } else if (node.isIntegralNumber() && node.canConvertToInt()) {
      status = node.intValue();
    } else if (node.isTextual() && node.textValue().strip().matches("\\d{1,3}")) {
      status = Integer.parseInt(node.textValue().strip());
    } else {
      return null;
    }
    return status >= 100 && status <= 599 ? status : null;
  }

  /** A boolean, or "true"/"True"/"false"/"False" (REST); absent is false; anything else null. */
  private static Boolean flag(JsonNode node) {
    if (node == null || node.isNull()) {
      return false;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isTextual() && Set.of("true", "True", "false", "False").contains(node.textValue())) {
      return Boolean.parseBoolean(node.textValue());
    }
    return null;
  }

  private static String text(JsonNode value) {
    return value.isTextual()
        ? value.textValue()
        : value.isValueNode() ? value.asText() : value.toString();
  }

  /** A header HTTP can carry: a non-empty name, and no line break anywhere. */
  private static boolean sendable(Map.Entry<String, String> header) {
    return !header.getKey().isEmpty()
        && header.getKey().chars().noneMatch(c -> c == '\r' || c == '\n')
        && header.getValue().chars().noneMatch(c -> c == '\r' || c == '\n');
  }

  private static void defaultContentType(List<Map.Entry<String, String>> headers) {
    if (headers.stream().noneMatch(h -> h.getKey().equalsIgnoreCase("Content-Type"))) {
      headers.add(Map.entry("Content-Type", "application/json")); // REST and HTTP API
    }
  }
}
