package matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.localsam.junit.LocalApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import org.junit.jupiter.api.Test;

/** Same template as HelloApiTest: shares its emulator, which must still be closed once, at the end. */
@LocalApi
class SecondHelloApiTest {

  @Test
  void says_hello_too(URI api) throws Exception {
    ServedPorts.add(api.getPort());

    var response = HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(api.resolve("hello")).build(), BodyHandlers.ofString());

    assertEquals(200, response.statusCode());
  }
}
