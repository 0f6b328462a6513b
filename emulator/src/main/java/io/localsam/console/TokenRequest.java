package io.localsam.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /__localsam/api/tokens}: a signed test token with the claims and scopes asked for, as
 * the JUnit extension's {@code Tokens} mints them ({@code iss}, {@code sub}, {@code aud}, {@code
 * iat}, {@code exp}, {@code scope} space-separated, any other claim as given).
 */
final class TokenRequest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TokenRequest() {}

  /**
   * The token for a request body like {@code {"issuer":"...","audience":["..."],"subject":"alice",
   * "scopes":["orders/read"],"claims":{"email":"a@b"},"expiresInSeconds":3600}}; every field may be
   * left out.
   *
   * @throws IllegalArgumentException with a sentence when a field has the wrong type
   */
  static String sign(JsonNode body) {
    if (body == null || body.isNull() || body.isMissingNode()) {
      body = JSON.createObjectNode();
    }
    if (!body.isObject()) {
      throw new IllegalArgumentException("the body must be a JSON object");
    }
    long now = Instant.now().getEpochSecond();
    ObjectNode payload = JSON.createObjectNode();
    String issuer = text(body, "issuer");
    if (issuer != null && !issuer.isBlank()) {
      payload.put("iss", issuer);
    }
    String subject = text(body, "subject");
    payload.put("sub", subject == null || subject.isBlank() ? "test-user" : subject);
    List<String> audience = texts(body, "audience");
    if (audience.size() == 1) {
      payload.put("aud", audience.get(0));
    } else if (!audience.isEmpty()) {
      audience.forEach(payload.putArray("aud")::add);
    }
    JsonNode lifetime = body.path("expiresInSeconds");
    if (!lifetime.isMissingNode() && !lifetime.isNull() && !lifetime.canConvertToLong()) {
      throw new IllegalArgumentException("expiresInSeconds must be a number of seconds");
    }
    payload.put("iat", now);
    payload.put("exp", now + (lifetime.isNumber() ? lifetime.asLong() : 3600));
    List<String> scopes = texts(body, "scopes");
    if (!scopes.isEmpty()) {
      payload.put("scope", String.join(" ", scopes));
    }
    JsonNode claims = body.path("claims");
    if (!claims.isMissingNode() && !claims.isNull()) {
      if (!claims.isObject()) {
        throw new IllegalArgumentException(
            "claims must be a JSON object of claim names and values");
      }
      for (Iterator<Map.Entry<String, JsonNode>> fields = claims.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> claim = fields.next();
        payload.set(claim.getKey(), claim.getValue());
      }
    }
    String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + ConsoleKey.KEY_ID + "\"}";
    String input =
        ConsoleKey.base64(header.getBytes(StandardCharsets.UTF_8))
            + "."
            + ConsoleKey.base64(payload.toString().getBytes(StandardCharsets.UTF_8));
    return input + "." + ConsoleKey.sign(input);
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new IllegalArgumentException(field + " must be a string");
    }
    return value.asText();
  }

  /** A list of strings, or one string (scopes may also be one space-separated string). */
  private static List<String> texts(JsonNode body, String field) {
    JsonNode value = body.path(field);
    List<String> texts = new ArrayList<>();
    if (value.isTextual()) {
      for (String part : value.asText().trim().split("\\s+")) {
        if (!part.isEmpty()) {
          texts.add(part);
        }
      }
    } else if (value.isArray()) {
      for (JsonNode item : value) {
        if (!item.isTextual()) {
          throw new IllegalArgumentException(field + " must be a list of strings");
        }
        texts.add(item.asText());
      }
    } else if (!value.isMissingNode() && !value.isNull()) {
      throw new IllegalArgumentException(field + " must be a list of strings");
    }
    return texts;
  }
}
