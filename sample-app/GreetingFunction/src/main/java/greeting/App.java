package greeting;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Greets the person named in the path: {@code POST /greetings/alice} with {@code {"greeting":"Hi"}}
 * answers {@code {"message":"Hi, alice"}}. Without a body, or without a greeting in it, the
 * greeting is {@code DEFAULT_GREETING}; a body that is not a JSON object is a 400.
 */
public class App implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    Map<String, String> pathParameters = event.getPathParameters();
    String name = pathParameters == null ? null : pathParameters.get("name");
    if (name == null || name.isBlank()) {
      return reply(400, "A name is required: POST /greetings/{name}");
    }
    String greeting = System.getenv().getOrDefault("DEFAULT_GREETING", "Hello");
    String body = body(event);
    if (body != null && !body.isBlank()) {
      try {
        JsonNode request = JSON.readTree(body);
        if (!request.isObject()
            || (request.has("greeting") && !request.get("greeting").isTextual())) {
          return reply(400, "The body must be a JSON object like {\"greeting\":\"Hi\"}");
        }
        greeting = request.path("greeting").asText(greeting);
      } catch (JsonProcessingException e) {
        return reply(400, "The body must be a JSON object like {\"greeting\":\"Hi\"}");
      }
    }
    return reply(200, greeting + ", " + name);
  }

  /** HTTP APIs base64-encode bodies they do not take for text. */
  private static String body(APIGatewayV2HTTPEvent event) {
    String body = event.getBody();
    if (body != null && event.getIsBase64Encoded()) {
      return new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
    }
    return body;
  }

  private static APIGatewayV2HTTPResponse reply(int status, String message) {
    try {
      return APIGatewayV2HTTPResponse.builder()
          .withStatusCode(status)
          .withHeaders(Map.of("Content-Type", "application/json"))
          .withBody(JSON.writeValueAsString(Map.of("message", message)))
          .build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A map of two strings always serializes", e);
    }
  }
}
