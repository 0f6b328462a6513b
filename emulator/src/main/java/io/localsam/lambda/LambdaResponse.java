package io.localsam.lambda;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the Invoke API answers: a status, headers in order, and the body. */
record LambdaResponse(int status, Map<String, String> headers, byte[] body) {

  LambdaResponse {
    headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  /** An AWS JSON error: {@code {"Type":…,"Message":…}} with its code in {@code x-amzn-ErrorType}, as Lambda sends it. */
  static LambdaResponse error(int status, String code, String type, String message) {
    String body = "{\"Type\":\"" + type + "\",\"Message\":" + quote(message) + "}";
    return new LambdaResponse(status, Map.of("Content-Type", "application/json", "x-amzn-ErrorType", code),
        body.getBytes(StandardCharsets.UTF_8));
  }

  private static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
      }
    }
    return out.append('"').toString();
  }
}
