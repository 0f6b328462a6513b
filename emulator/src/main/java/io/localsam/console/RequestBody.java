package io.localsam.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The body of the HTTP request behind an invocation, read back from its event ({@code body}, base64
 * when {@code isBase64Encoded}, in both payload versions): the journal keeps it once, in the event.
 *
 * @param text the body as the event has it: text, or base64 when {@code base64}
 * @param base64 true when the gateway passed it base64-encoded (a binary media type)
 */
record RequestBody(String text, boolean base64) {
  static final RequestBody NONE = new RequestBody("", false);

  static RequestBody of(ConsoleInvocation invocation) {
    JsonNode event = AdminJson.jsonOrText(invocation.event());
    JsonNode body = event.path("body");
    if (!body.isTextual()) {
      return NONE;
    }
    return new RequestBody(body.asText(), event.path("isBase64Encoded").asBoolean(false));
  }

  /** The bytes the client sent, as far as the event tells them. */
  byte[] bytes() {
    return base64 ? Base64.getDecoder().decode(text) : text.getBytes(StandardCharsets.UTF_8);
  }
}
