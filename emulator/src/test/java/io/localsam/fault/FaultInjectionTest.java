package io.localsam.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.localsam.Invocation;
import io.localsam.error.LocalSamException;
import io.localsam.runtime.InvocationRejected;
import io.localsam.testsupport.HttpTestClient.Response;
import io.localsam.testsupport.TestApi;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults injected from a test, over real HTTP: each surface answers as deployed (AWS Lambda
 * Developer Guide, "Handling Lambda errors with an API Gateway API": a refused invocation is 500, a
 * function error 502, body {"message": "Internal server error"}), and the journal says which fault
 * applied.
 */
class FaultInjectionTest {
  @TempDir static Path folder;

  static TestApi api;

  @BeforeAll
  static void start() {
    api =
        TestApi.start(
            folder,
            """
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function: {Runtime: java17, CodeUri: ${CODE}, Timeout: 1}
        Resources:
          Counter:
            Type: AWS::Serverless::Function
            Properties:
              Handler: fixtures.Counter
              Events:
                Rest: {Type: Api, Properties: {Path: /count, Method: get}}
                Http: {Type: HttpApi, Properties: {Path: /http/count, Method: get}}
        """);
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @BeforeEach
  void fresh() {
    api.emulator().reset();
  }

  @Test
  void a_throttled_function_is_a_500_through_api_gateway_and_refused_when_invoked_directly() {
    Fault fault = api.emulator().faults().forFunction("Counter").throttle();

    Response rest = api.http().get("/count");
    Response http = api.http().get("/http/count");

    assertEquals(500, rest.status());
    assertEquals("{\"message\": \"Internal server error\"}", rest.body());
    assertEquals(500, http.status());
    assertEquals("{\"message\":\"Internal Server Error\"}", http.body());
    assertThrows(InvocationRejected.class, () -> api.emulator().invoke("Counter", "{}"));
    List<Invocation> journal = api.emulator().invocations("Counter");
    assertEquals(3, journal.size());
    assertEquals(fault, journal.get(0).fault());
    assertEquals("TooManyRequestsException", journal.get(0).error());
    assertTrue(journal.get(0).injected());
  }

  @Test
  void an_error_fault_fails_the_function_with_its_type_and_message_without_running_it() {
    api.emulator()
        .faults()
        .forFunction("Counter")
        .error("java.io.UncheckedIOException", "DynamoDB is down");

    Response response = api.http().get("/count");
    Invocation direct = api.emulator().invoke("Counter", "{}");

    assertEquals(502, response.status());
    assertEquals("{\"message\": \"Internal server error\"}", response.body());
    assertEquals("java.io.UncheckedIOException", direct.error());
    assertTrue(
        direct.response().contains("\"errorMessage\":\"DynamoDB is down\""), direct.response());
    assertTrue(
        direct.response().contains("\"errorType\":\"java.io.UncheckedIOException\""),
        direct.response());
    assertEquals(
        "error=java.io.UncheckedIOException:DynamoDB is down",
        api.emulator().invocations("Counter").get(0).fault().describe());
  }

  @Test
  void a_timeout_fault_answers_as_the_functions_timeout_does_once_it_has_passed() {
    api.emulator().faults().forFunction("Counter").timeout();
    long start = System.nanoTime();

    Response response = api.http().get("/count");

    assertEquals(502, response.status());
    assertTrue(
        System.nanoTime() - start >= Duration.ofSeconds(1).toNanos(),
        "answered after the function's Timeout (1 s)");
    Invocation timedOut = api.emulator().invocations("Counter").get(0);
    assertEquals("Sandbox.Timedout", timedOut.error());
    assertTrue(
        timedOut.response().contains("Task timed out after 1.00 seconds"), timedOut.response());
  }

  @Test
  void latency_delays_the_invocation_which_then_runs_as_usual() {
    api.emulator().faults().forFunction("Counter").latency(Duration.ofMillis(300));
    long start = System.nanoTime();

    Response response = api.http().get("/count");

    assertEquals(200, response.status());
    assertTrue(
        System.nanoTime() - start >= Duration.ofMillis(300).toNanos(),
        "waited at least the latency");
    Invocation invocation = api.emulator().invocations("Counter").get(0);
    assertNull(invocation.error());
    assertFalse(invocation.injected(), "the function ran");
    assertEquals("latency=300ms", invocation.fault().describe());
  }

  @Test
  void one_in_n_fails_every_nth_request_only() {
    api.emulator()
        .faults()
        .forFunction("Counter")
        .oneIn(3)
        .error("java.lang.IllegalStateException");

    List<Integer> statuses =
        java.util.stream.IntStream.range(0, 6)
            .mapToObj(i -> api.http().get("/count").status())
            .toList();

    assertEquals(List.of(200, 200, 502, 200, 200, 502), statuses);
  }

  @Test
  void a_route_status_fault_answers_that_status_without_calling_the_function() {
    api.emulator().faults().forRoute("get /count").status(503);

    Response faulted = api.http().get("/count");
    Response otherRoute = api.http().get("/http/count");

    assertEquals(503, faulted.status());
    assertEquals("{\"message\":\"Service Unavailable\"}", faulted.body());
    assertEquals(200, otherRoute.status(), "a route fault is that route's only");
    List<Invocation> journal = api.emulator().invocations("Counter");
    assertEquals("HTTP 503", journal.get(0).error());
    assertTrue(journal.get(0).injected());
    assertNull(journal.get(1).fault());
  }

  @Test
  void a_route_throttle_is_api_gateways_own_429() {
    api.emulator().faults().forRoute("GET /count").throttle();

    Response response = api.http().get("/count");

    assertEquals(429, response.status());
    assertEquals("{\"message\":\"Too Many Requests\"}", response.body());
    assertEquals("TooManyRequestsException", response.header("x-amzn-ErrorType"));
  }

  @Test
  void a_route_timeout_is_the_integration_timeout_of_its_api() {
    api.emulator().faults().forRoute("GET /count").timeout();
    api.emulator().faults().forRoute("GET /http/count").timeout();

    Response rest = api.http().get("/count");
    Response http = api.http().get("/http/count");

    assertEquals(504, rest.status());
    assertEquals("{\"message\": \"Endpoint request timed out\"}", rest.body());
    assertEquals(503, http.status());
  }

  @Test
  void a_route_latency_is_recorded_with_the_invocation_it_delayed() {
    api.emulator().faults().forRoute("GET /count").latency(Duration.ofMillis(100));

    assertEquals(200, api.http().get("/count").status());

    assertEquals("latency=100ms", api.emulator().invocations("Counter").get(0).fault().describe());
  }

  @Test
  void cleared_faults_and_a_reset_stop_injecting() {
    api.emulator().faults().forFunction("Counter").throttle();
    api.emulator().faults().clear();
    assertEquals(200, api.http().get("/count").status());

    api.emulator().faults().forRoute("GET /count").status(500);
    api.emulator().reset();

    assertEquals(200, api.http().get("/count").status());
    assertTrue(
        api.emulator().faults().functionFaults().isEmpty()
            && api.emulator().faults().routeFaults().isEmpty());
  }

  @Test
  void a_target_the_template_does_not_have_is_refused_with_what_it_has() {
    LocalSamException function =
        assertThrows(LocalSamException.class, () -> api.emulator().faults().forFunction("Countr"));
    LocalSamException route =
        assertThrows(
            LocalSamException.class, () -> api.emulator().faults().forRoute("POST /count"));
    IllegalArgumentException written =
        assertThrows(
            IllegalArgumentException.class, () -> api.emulator().faults().forRoute("/count"));

    assertTrue(
        function.getMessage().contains("no such function (it has Counter)"), function.getMessage());
    assertTrue(
        route.getMessage().contains("(it has GET /count, GET /http/count)"), route.getMessage());
    assertTrue(written.getMessage().contains("METHOD /path"), written.getMessage());
  }
}
