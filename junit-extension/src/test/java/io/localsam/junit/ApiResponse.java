package io.localsam.junit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A status and a body; {@link #field} reads one text field of a JSON body (EchoFunction's answers).
 */
record ApiResponse(int status, String body) {

  private static final ObjectMapper JSON = new ObjectMapper();

  String field(String name) {
    try {
      JsonNode value = JSON.readTree(body).get(name);
      return value == null || value.isNull() ? null : value.asText();
    } catch (JsonProcessingException e) {
      throw new AssertionError("not JSON (status " + status + "): " + body, e);
    }
  }
}
