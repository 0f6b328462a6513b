package io.localsam.lambda;

import io.localsam.server.JsonValues;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the Invoke API answers: a status, headers in order, and the body. */
record LambdaResponse(int status, Map<String, String> headers, byte[] body) {

  LambdaResponse {
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  /**
   * An AWS JSON error: {@code {"Type":…,"Message":…}} with its code in {@code x-amzn-ErrorType}, as
   * Lambda sends it.
   */
  static LambdaResponse error(int status, String code, String type, String message) {
    String body = "{\"Type\":\"" + type + "\",\"Message\":" + JsonValues.quote(message) + "}";
    return new LambdaResponse(
        status,
        Map.of("Content-Type", "application/json", "x-amzn-ErrorType", code),
        body.getBytes(StandardCharsets.UTF_8));
  }
}
