package greeting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The handler called directly; HelloWorldFunction's HelloWorldApiTest calls it over HTTP. */
class AppTest {

  private final App app = new App();

  @Test
  void greets_with_the_greeting_from_the_body() {
    APIGatewayV2HTTPResponse response =
        app.handleRequest(post("alice", "{\"greeting\":\"Hi\"}"), null);

    assertEquals(200, response.getStatusCode());
    assertEquals("{\"message\":\"Hi, alice\"}", response.getBody());
    assertEquals("application/json", response.getHeaders().get("Content-Type"));
  }

  @Test
  void greets_with_the_default_without_a_body() {
    APIGatewayV2HTTPResponse response = app.handleRequest(post("bob", null), null);

    assertEquals(200, response.getStatusCode());
    assertEquals("{\"message\":\"Hello, bob\"}", response.getBody());
  }

  @Test
  void reads_a_base64_encoded_body() {
    String encoded =
        Base64.getEncoder()
            .encodeToString("{\"greeting\":\"Hey\"}".getBytes(StandardCharsets.UTF_8));
    APIGatewayV2HTTPEvent event = post("carol", encoded);
    event.setIsBase64Encoded(true);

    APIGatewayV2HTTPResponse response = app.handleRequest(event, null);

    assertEquals("{\"message\":\"Hey, carol\"}", response.getBody());
  }

  @Test
  void rejects_a_body_that_is_not_a_json_object() {
    assertEquals(400, app.handleRequest(post("alice", "not json"), null).getStatusCode());
    assertEquals(400, app.handleRequest(post("alice", "[1, 2]"), null).getStatusCode());
    assertEquals(400, app.handleRequest(post("alice", "{\"greeting\": 42}"), null).getStatusCode());
  }

  private static APIGatewayV2HTTPEvent post(String name, String body) {
    APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
    event.setRawPath("/greetings/" + name);
    event.setPathParameters(Map.of("name", name));
    event.setBody(body);
    return event;
  }
}
