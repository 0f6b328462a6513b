package helloworld;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.localsam.junit.LocalApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import org.junit.jupiter.api.Test;

/**
 * The whole app over real HTTP, as API Gateway would serve it: LocalSAM reads ../template.yaml and
 * runs both functions in this JVM on a free port. No Docker, no deployment.
 */
@LocalApi(template = "../template.yaml")
class HelloWorldApiTest {

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void says_hello_world(URI api) throws Exception {
    HttpResponse<String> response =
        http.send(HttpRequest.newBuilder(api.resolve("hello")).build(), BodyHandlers.ofString());

    assertEquals(200, response.statusCode());
    assertEquals("{\"message\": \"hello world\"}", response.body());
    assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(null));
    assertEquals("application/json", response.headers().firstValue("X-Custom-Header").orElse(null));
  }

  @Test
  void greets_by_name_with_the_greeting_posted(URI api) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(api.resolve("greetings/alice"))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"greeting\":\"Hi\"}"))
                .build(),
            BodyHandlers.ofString());

    assertEquals(200, response.statusCode());
    assertEquals("{\"message\":\"Hi, alice\"}", response.body());
  }

  @Test
  void rejects_a_greeting_that_is_not_json(URI api) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(api.resolve("greetings/alice"))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("Hi"))
                .build(),
            BodyHandlers.ofString());

    assertEquals(400, response.statusCode());
  }

  @Test
  void answers_an_unknown_path_like_api_gateway(URI api) throws Exception {
    HttpResponse<String> response =
        http.send(HttpRequest.newBuilder(api.resolve("nowhere")).build(), BodyHandlers.ofString());

    assertEquals(403, response.statusCode());
    assertEquals("{\"message\":\"Missing Authentication Token\"}", response.body());
  }
}
