package io.localsam.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.localsam.runtime.InvocationResult;
import io.localsam.template.ApiKind;
import io.localsam.template.PayloadFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a function's output into the HTTP response API Gateway would send (README, Gateway, with
 * deployed API Gateway's rules where SAM CLI differs). An output API Gateway would reject is a
 * {@link Malformed} with the reason, which the gateway logs and answers as API Gateway does.
 */
final class ResponseMapper {
  private static final ObjectReader JSON =
      new ObjectMapper()
          .readerFor(JsonNode.class)
          .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
  // Framing is the gateway's business: a function's own Content-Length or Transfer-Encoding never
  // goes through.
  private static final Set<String> HOP_BY_HOP =
      Set.of("content-length", "transfer-encoding", "connection");
  private static final Set<String> V1_KEYS =
      Set.of("statusCode", "headers", "multiValueHeaders", "body", "isBase64Encoded", "cookies");
  // What Jackson writes for a boolean isBase64Encoded() getter; REST APIs read it, first (README,
  // fidelity)
  private static final String JACKSON_BASE64 = "base64Encoded";

  private ResponseMapper() {}

  /** A function output that API Gateway cannot use as a response. */
  static final class Malformed extends Exception {
    Malformed(String reason) {
      super(reason, null, false, false);
    }
  }

  static GatewayResponse map(Route route, InvocationResult result, GatewayRequest request)
      throws Malformed {
    return route.definition().payloadFormat() == PayloadFormat.V2
        ? v2(result.payload())
        : v1(
            result.payload(),
            route.api().kind(),
            route.api().binaryMediaTypes(),
            request.header("Accept"));
  }

  // ---- payload 1.0: REST, and HTTP APIs at 1.0

  static GatewayResponse v1(
      byte[] payload, ApiKind kind, List<String> binaryMediaTypes, String accept) throws Malformed {
    JsonNode output = parse(payload);
    if (!output.isObject()) {
      throw new Malformed(
          "the output is a JSON "
              + output.getNodeType().toString().toLowerCase()
              + ", not an object with statusCode");
    }
    if (kind == ApiKind.REST) {
      for (Iterator<String> names = output.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!V1_KEYS.contains(name) && !name.equals(JACKSON_BASE64)) {
          throw new Malformed(
              "unknown key '"
                  + name
                  + "' (a proxy response has statusCode, headers, multiValueHeaders, body, isBase64Encoded)");
        }
      }
    }
    // REST answers 200 when statusCode is missing; HTTP APIs at 1.0 reject the output (README,
    // fidelity)
    JsonNode statusNode = output.get("statusCode");
    int status =
        kind == ApiKind.REST && (statusNode == null || statusNode.isNull())
            ? 200
            : statusCode(statusNode);
    JsonNode bodyNode = output.get("body");
    if (bodyNode != null && !bodyNode.isNull() && !bodyNode.isTextual()) {
      throw new Malformed(
          "body must be a string, not a JSON " + bodyNode.getNodeType().toString().toLowerCase());
    }
    String body = bodyNode == null || bodyNode.isNull() ? "" : bodyNode.textValue();
    JsonNode jackson = kind == ApiKind.REST ? output.get(JACKSON_BASE64) : null;
    boolean base64 =
        jackson != null && !jackson.isNull()
            ? flag(jackson, JACKSON_BASE64)
            : flag(output.get("isBase64Encoded"), "isBase64Encoded");

    List<Map.Entry<String, String>> headers = new ArrayList<>();
    JsonNode multi = output.get("multiValueHeaders");
    if (multi != null && !multi.isNull()) {
      if (!multi.isObject()) {
        throw new Malformed("multiValueHeaders must be an object of lists");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = multi.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        if (entry.getValue().isNull()) {
          continue;
        }
        if (!entry.getValue().isArray()) {
          throw new Malformed("multiValueHeaders." + entry.getKey() + " must be a list");
        }
        for (JsonNode value : entry.getValue()) {
          headers.add(header(entry.getKey(), value));
        }
      }
    }
    JsonNode single = output.get("headers");
    if (single != null && !single.isNull()) {
      if (!single.isObject()) {
        throw new Malformed("headers must be an object");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = single.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        if (entry.getValue().isNull()) {
          continue;
        }
        Map.Entry<String, String> header = header(entry.getKey(), entry.getValue());
        if (!headers.contains(header)) {
          headers.add(header); // multiValueHeaders win where both give the same pair
        }
      }
    }
    defaultContentType(withoutFraming(headers));
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    if (base64 && (kind == ApiKind.HTTP || wantsBinary(accept, binaryMediaTypes))) {
      bytes = decode(body);
    }
    return new GatewayResponse(status, headers, bytes);
  }

  /**
   * REST returns a base64 body decoded only when the client's Accept names one of the binary media
   * types.
   */
  private static boolean wantsBinary(String accept, List<String> binaryMediaTypes) {
    if (binaryMediaTypes.stream().anyMatch(t -> MediaTypes.essence(t).equals("*/*"))) {
      return true;
    }
    if (accept == null || accept.isBlank()) {
      return false;
    }
    String first = MediaTypes.essence(accept.split(",")[0]);
    for (String binary : binaryMediaTypes) {
      if (MediaTypes.matches(binary, first)
          || MediaTypes.matches(first, MediaTypes.essence(binary))) {
        return !first.equals("*/*");
      }
    }
    return false;
  }

  // ---- payload 2.0

  static GatewayResponse v2(byte[] payload) throws Malformed {
    JsonNode output = parse(payload);
    if (!output.isObject() || !output.has("statusCode")) {
      // No statusCode: API Gateway sends the output itself as the body, with 200 and
      // application/json; a
      // JSON string is sent as its text (AWS docs' "Hello from Lambda!" example; README, fidelity).
      List<Map.Entry<String, String>> headers = new ArrayList<>();
      headers.add(Map.entry("Content-Type", "application/json"));
      return new GatewayResponse(
          200,
          headers,
          output.isTextual() ? output.textValue().getBytes(StandardCharsets.UTF_8) : payload);
    }
    int status = statusCode(output.get("statusCode"));
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    JsonNode single = output.get("headers");
    if (single != null && single.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = single.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        if (!entry.getValue().isNull()) {
          headers.add(header(entry.getKey(), entry.getValue()));
        }
      }
    }
    JsonNode cookies = output.get("cookies");
    if (cookies != null && cookies.isArray()) {
      for (JsonNode cookie : cookies) {
        headers.add(header("Set-Cookie", cookie));
      }
    }
    defaultContentType(withoutFraming(headers));
    JsonNode bodyNode = output.get("body");
    String body =
        bodyNode == null || bodyNode.isNull()
            ? ""
            : bodyNode.isTextual() ? bodyNode.textValue() : bodyNode.toString();
    byte[] bytes =
        flag(output.get("isBase64Encoded"), "isBase64Encoded")
            ? decode(body)
            : body.getBytes(StandardCharsets.UTF_8);
    return new GatewayResponse(status, headers, bytes);
  }

  // ---- shared rules

  private static JsonNode parse(byte[] payload) throws Malformed {
    try {
      JsonNode node = JSON.readTree(payload);
      if (node == null || node.isMissingNode()) {
        throw new Malformed("the output is empty");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new Malformed("the output is not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new Malformed("the output cannot be read: " + e.getMessage());
    }
  }

  private static int statusCode(JsonNode node) throws Malformed {
    if (node == null || node.isNull()) {
      throw new Malformed("statusCode is missing");
    }
    int status;
    if (node.isIntegralNumber() && node.canConvertToInt()) {
      status = node.intValue();
    } else if (node.isTextual() && node.textValue().strip().matches("\\d{1,3}")) {
      status = Integer.parseInt(node.textValue().strip());
    } else {
      throw new Malformed("statusCode must be a number, not " + node);
    }
    if (status < 200 || status > 599) { // 1xx are interim answers, never a final response
      throw new Malformed("statusCode " + status + " is not an HTTP status");
    }
    return status;
  }

  private static boolean flag(JsonNode node, String name) throws Malformed {
    if (node == null || node.isNull()) {
      return false;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isTextual()
        && (node.textValue().equalsIgnoreCase("true")
            || node.textValue().equalsIgnoreCase("false"))) {
      return Boolean.parseBoolean(node.textValue());
    }
    throw new Malformed(name + " must be true or false, not " + node);
  }

  private static Map.Entry<String, String> header(String name, JsonNode value) throws Malformed {
    String text =
        value.isTextual()
            ? value.textValue()
            : value.isValueNode() ? value.asText() : value.toString();
    if (!TOKEN.matcher(name).matches()) {
      throw new Malformed("header name '" + printable(name) + "' is not an HTTP token");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7f || c > 0xff) {
        throw new Malformed(
            "header "
                + name
                + " has a character that cannot be sent (U+"
                + String.format("%04X", (int) c)
                + ")");
      }
    }
    return Map.entry(name, text);
  }

  private static String printable(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return out.toString();
  }

  /** Drops the function's framing headers; the gateway writes its own. */
  private static List<Map.Entry<String, String>> withoutFraming(
      List<Map.Entry<String, String>> headers) {
    headers.removeIf(header -> HOP_BY_HOP.contains(header.getKey().toLowerCase(Locale.ROOT)));
    return headers;
  }

  private static void defaultContentType(List<Map.Entry<String, String>> headers) {
    for (Map.Entry<String, String> header : headers) {
      if (header.getKey().equalsIgnoreCase("Content-Type")) {
        return;
      }
    }
    headers.add(Map.entry("Content-Type", "application/json"));
  }

  private static byte[] decode(String base64) throws Malformed {
    try {
      return Base64.getMimeDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new Malformed("isBase64Encoded is true but the body is not base64");
    }
  }
}
