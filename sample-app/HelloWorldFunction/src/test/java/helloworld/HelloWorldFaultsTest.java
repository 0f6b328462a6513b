package helloworld;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.localsam.Emulator;
import io.localsam.Invocation;
import io.localsam.junit.LocalApi;
import io.localsam.junit.LocalApiInfo;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the app's clients see when things go wrong, with faults injected into the running API:
 * throttling, failures, slowness and flaky routes, each answered as API Gateway and Lambda answer
 * them when deployed. Faults are cleared before each test; failures they cause on purpose do not
 * trip {@code failOnFunctionError}.
 */
@LocalApi(template = "../template.yaml", failOnFunctionError = true)
class HelloWorldFaultsTest {

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void a_throttled_function_reaches_the_client_as_api_gateways_500(LocalApiInfo api)
      throws Exception {
    api.emulator().faults().forFunction("HelloWorldFunction").throttle();

    HttpResponse<String> response = get(api.uri("/hello"));

    assertEquals(500, response.statusCode());
    assertEquals("{\"message\": \"Internal server error\"}", response.body());
    assertEquals(
        "throttle", api.emulator().invocations("HelloWorldFunction").get(0).fault().describe());
  }

  @Test
  void a_failing_function_is_a_502(LocalApiInfo api) throws Exception {
    api.emulator()
        .faults()
        .forFunction("HelloWorldFunction")
        .error("java.io.UncheckedIOException", "downstream is down");

    HttpResponse<String> response = get(api.uri("/hello"));

    assertEquals(502, response.statusCode());
    Invocation failed = api.emulator().invocations("HelloWorldFunction").get(0);
    assertEquals("java.io.UncheckedIOException", failed.error());
    assertTrue(failed.injected(), "the fault answered, not the function");
  }

  @Test
  void a_client_with_a_timeout_gives_up_on_a_slow_function(LocalApiInfo api) {
    api.emulator().faults().forFunction("HelloWorldFunction").latency(Duration.ofSeconds(2));
    HttpRequest impatient =
        HttpRequest.newBuilder(api.uri("/hello")).timeout(Duration.ofMillis(200)).build();

    assertThrows(HttpTimeoutException.class, () -> http.send(impatient, BodyHandlers.ofString()));
    // the function still runs once its latency has passed: wait for it, so it ends inside this test
    assertEquals(
        1, api.emulator().awaitInvocations("HelloWorldFunction", 1, Duration.ofSeconds(10)).size());
  }

  @Test
  void a_client_that_retries_gets_through_a_route_failing_every_other_request(LocalApiInfo api)
      throws Exception {
    api.emulator().faults().forRoute("GET /hello").oneIn(2).status(503);
    get(api.uri("/hello")); // the first request passes, so the next one fails

    HttpResponse<String> response = getRetryingOnce(api.uri("/hello"));

    assertEquals(200, response.statusCode());
    assertEquals(
        List.of("HTTP 503"),
        api.emulator().invocations("HelloWorldFunction").stream()
            .filter(Invocation::injected)
            .map(Invocation::error)
            .toList());
  }

  @Test
  void an_asynchronous_invocation_is_awaited_with_a_bound(Emulator emulator) {
    emulator.invokeAsync("HelloWorldFunction", "{\"httpMethod\":\"GET\",\"path\":\"/hello\"}");

    List<Invocation> ran =
        emulator.awaitInvocations("HelloWorldFunction", 1, Duration.ofSeconds(10));

    assertEquals(1, ran.size());
    assertTrue(ran.get(0).response().contains("hello world"), ran.get(0).response());
  }

  private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri).build(), BodyHandlers.ofString());
  }

  /** What a client's retry policy does, at its simplest: a 5xx is tried once more. */
  private HttpResponse<String> getRetryingOnce(URI uri) throws IOException, InterruptedException {
    HttpResponse<String> first = get(uri);
    return first.statusCode() >= 500 ? get(uri) : first;
  }
}
