package helloworld;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Runs with {@code mvn verify -Plocalsam-it}: {@code localsam:start} serves the template before the
 * integration tests and passes its base URL as the {@code localsam.baseUri} system property; {@code
 * localsam:stop} stops it after.
 */
class HelloWorldIT {

  @Test
  void hello_answers_from_the_running_api() throws Exception {
    URI hello = URI.create(System.getProperty("localsam.baseUri")).resolve("hello");

    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(hello).build(), HttpResponse.BodyHandlers.ofString());

    assertEquals(200, response.statusCode());
    assertEquals("{\"message\": \"hello world\"}", response.body());
  }
}
