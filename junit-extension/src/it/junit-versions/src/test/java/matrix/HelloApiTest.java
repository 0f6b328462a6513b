package matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import io.localsam.Emulator;
import io.localsam.junit.LocalApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import org.junit.jupiter.api.Test;

@LocalApi
class HelloApiTest {

  @Test
  void says_hello(URI api) throws Exception {
    ServedPorts.add(api.getPort());

    var response = HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(api.resolve("hello")).build(), BodyHandlers.ofString());

    assertEquals(200, response.statusCode());
    assertEquals("hello", response.body());
  }

  @Test
  void leaves_the_tests_lambda_runtime_alone(Emulator emulator) throws Exception {
    HttpClient.newHttpClient().send(HttpRequest.newBuilder(emulator.uri("/hello")).build(), BodyHandlers.ofString());

    assertEquals(1, emulator.invocations().size());
    // While the emulator runs, this class's LambdaRuntime keeps its own logger: the function's is another copy.
    assertSame(RunProbe.beforeTheRun().get("LambdaRuntime.getLogger()"), LambdaRuntime.getLogger());
  }
}
