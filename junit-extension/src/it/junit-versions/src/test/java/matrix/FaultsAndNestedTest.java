package matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.localsam.junit.LocalApi;
import io.localsam.junit.LocalApiInfo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Fault injection through the published artifact, and a nested class finding its outer emulator on every JUnit. */
@LocalApi
class FaultsAndNestedTest {

  @Test
  void a_route_fault_answers_instead_of_the_function(LocalApiInfo api) throws Exception {
    api.emulator().faults().forRoute("GET /hello").status(503);

    var response = HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(api.uri("/hello")).build(), BodyHandlers.ofString());

    assertEquals(503, response.statusCode());
  }

  @Nested
  class WithoutItsOwnAnnotation {
    @Test
    void uses_the_outer_emulator_with_faults_cleared(URI api) throws Exception {
      var response = HttpClient.newHttpClient()
          .send(HttpRequest.newBuilder(api.resolve("hello")).build(), BodyHandlers.ofString());

      assertEquals(200, response.statusCode());
    }
  }
}
