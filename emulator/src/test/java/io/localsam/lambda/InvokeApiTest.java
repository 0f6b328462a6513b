package io.localsam.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.localsam.testsupport.HttpTestClient;
import io.localsam.testsupport.HttpTestClient.Response;
import io.localsam.testsupport.TestLambda;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lambda's Invoke API as start-lambda serves it: real HTTP to real functions, answered as deployed
 * Lambda answers.
 */
class InvokeApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String INVOKE = "/2015-03-31/functions/%s/invocations";

  @TempDir static Path folder;

  static final List<String> invoked = Collections.synchronizedList(new ArrayList<>());
  static TestLambda lambda;
  static HttpTestClient http;

  @BeforeAll
  static void start() {
    lambda =
        TestLambda.start(
            folder,
            """
        Globals:
          Function: {Runtime: java17, CodeUri: ${CODE}, Timeout: 5}
        Resources:
          Chatty:
            Type: AWS::Serverless::Function
            Properties: {Handler: fixtures.Chatty, FunctionName: chatty-fn}
          Failing:
            Type: AWS::Serverless::Function
            Properties: {Handler: fixtures.Failing}
          Slow:
            Type: AWS::Serverless::Function
            Properties: {Handler: fixtures.Sleepy, Timeout: 1}
          Sleepy:
            Type: AWS::Serverless::Function
            Properties: {Handler: fixtures.Sleepy}
          Inline:
            Type: AWS::Serverless::Function
            Properties: {Handler: index.handler, InlineCode: "exports.handler = () => 1"}
          Gated:
            Type: AWS::Serverless::Function
            Properties: {Handler: fixtures.Gate, ReservedConcurrentExecutions: 1}
        """,
            (id, event, result) -> invoked.add(id));
    http = lambda.http();
  }

  @AfterAll
  static void stop() {
    lambda.close();
  }

  private static Response invoke(String function, String body, String... headers) {
    return http.post(INVOKE.formatted(function), body, headers);
  }

  private static boolean eventually(Predicate<List<String>> condition, List<String> lines) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      synchronized (lines) {
        if (condition.test(lines)) {
          return true;
        }
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
    }
    return false;
  }

  @Test
  void request_response_answers_200_with_the_functions_output() throws Exception {
    Response response = invoke("Chatty", "{\"a\":1}");

    assertEquals(200, response.status());
    assertEquals("$LATEST", response.header("X-Amz-Executed-Version"));
    assertEquals("application/json", response.header("Content-Type"));
    assertNull(response.header("X-Amz-Function-Error"));
    assertEquals(1, JSON.readTree(response.body()).get("event").get("a").asInt());
  }

  @Test
  void an_empty_body_is_an_empty_event() throws Exception {
    assertEquals("{}", JSON.readTree(invoke("Chatty", "").body()).get("event").toString());
  }

  @Test
  void a_function_error_is_200_with_the_error_document_and_x_amz_function_error() throws Exception {
    Response response = invoke("Failing", "{}");

    assertEquals(200, response.status());
    assertEquals("Unhandled", response.header("X-Amz-Function-Error"));
    assertEquals(
        "java.lang.IllegalStateException",
        JSON.readTree(response.body()).get("errorType").asText());
  }

  @Test
  void a_timeout_is_an_unhandled_function_error_as_in_lambda() throws Exception {
    Response response = invoke("Slow", "{}");

    JsonNode error = JSON.readTree(response.body());
    assertEquals(200, response.status());
    assertEquals("Unhandled", response.header("X-Amz-Function-Error"));
    assertEquals("Sandbox.Timedout", error.get("errorType").asText());
    assertTrue(
        error
            .get("errorMessage")
            .asText()
            .matches("RequestId: [0-9a-f-]+ Error: Task timed out after 1\\.\\d\\d seconds"),
        error.toString());
  }

  @Test
  void log_type_tail_returns_the_invocations_log_lines_base64() {
    Response response = invoke("Chatty", "{}", "X-Amz-Log-Type", "Tail");

    String requestId = response.header("x-amzn-RequestId");
    String tail =
        new String(
            Base64.getDecoder().decode(response.header("X-Amz-Log-Result")),
            StandardCharsets.UTF_8);
    assertTrue(tail.startsWith("START RequestId: " + requestId + " Version: $LATEST\n"), tail);
    assertTrue(tail.contains("logged through LambdaLogger"), tail);
    assertTrue(tail.contains("END RequestId: " + requestId + "\n"), tail);
    assertTrue(tail.contains("REPORT RequestId: " + requestId + "\tDuration: "), tail);
    assertNull(invoke("Chatty", "{}").header("X-Amz-Log-Result"), "no tail unless asked");
  }

  @Test
  void an_event_invocation_answers_202_at_once_and_runs_in_the_background() {
    int before = Collections.frequency(List.copyOf(invoked), "Sleepy");

    Response response =
        invoke(
            "Sleepy",
            "{\"queryStringParameters\":{\"ms\":\"300\"}}",
            "X-Amz-Invocation-Type",
            "Event");

    assertEquals(202, response.status());
    assertEquals("", response.body());
    assertTrue(
        eventually(lines -> Collections.frequency(lines, "Sleepy") > before, invoked),
        "the function ran: " + invoked);
  }

  @Test
  void a_dry_run_answers_204_as_deployed_lambda_does() {
    assertEquals(204, invoke("Chatty", "{}", "X-Amz-Invocation-Type", "DryRun").status());
    assertEquals(404, invoke("Nope", "{}", "X-Amz-Invocation-Type", "DryRun").status());
  }

  @Test
  void functions_are_found_by_logical_id_function_name_or_arn() {
    for (String name :
        List.of(
            "Chatty",
            "chatty-fn",
            "chatty-fn:$LATEST",
            "arn:aws:lambda:us-east-1:123456789012:function:chatty-fn",
            "123456789012:function:Chatty")) {
      assertEquals(200, invoke(name, "{}").status(), name);
    }
  }

  @Test
  void an_unknown_function_is_404_resource_not_found() throws Exception {
    Response response = invoke("Nope", "{}");

    assertEquals(404, response.status());
    assertEquals("ResourceNotFoundException", response.header("x-amzn-ErrorType"));
    assertEquals(
        "Function not found: arn:aws:lambda:us-east-1:123456789012:function:Nope",
        JSON.readTree(response.body()).get("Message").asText());
  }

  @Test
  void a_throttled_function_is_429_too_many_requests() throws Exception {
    String gate = UUID.randomUUID().toString();
    CompletableFuture<Response> first =
        CompletableFuture.supplyAsync(() -> invoke("Gated", "{\"gate\":\"" + gate + "\"}"));
    assertTrue(fixtures.Gate.latch(gate + ".entered").await(20, TimeUnit.SECONDS));

    Response throttled = invoke("Gated", "{\"gate\":\"" + gate + "\"}");
    fixtures.Gate.latch(gate).countDown();

    assertEquals(429, throttled.status());
    assertEquals("TooManyRequestsException", throttled.header("x-amzn-ErrorType"));
    assertEquals(200, first.get(20, TimeUnit.SECONDS).status());
  }

  @Test
  void a_payload_up_to_six_megabytes_is_invoked_and_a_longer_one_is_413_request_entity_too_large()
      throws Exception {
    String pad = "p".repeat(5 * 1024 * 1024);
    Response fits = invoke("Chatty", "{\"pad\":\"" + pad + "\"}");
    Response tooLarge = invoke("Chatty", "\"" + "x".repeat(7 * 1024 * 1024) + "\"");

    assertEquals(200, fits.status());
    assertEquals(
        pad.length(), JSON.readTree(fits.body()).path("event").path("pad").asText().length());
    assertEquals(413, tooLarge.status());
    assertEquals("RequestEntityTooLargeException", tooLarge.header("x-amzn-ErrorType"));
    assertEquals(
        "Request must be smaller than 6291456 bytes for the InvokeFunction operation",
        JSON.readTree(tooLarge.body()).get("Message").asText());
    assertEquals(
        200, invoke("Chatty", "{}").status(), "the connection and the function are still fine");
  }

  @Test
  void a_body_that_is_not_json_is_400_invalid_request_content() throws Exception {
    Response response = invoke("Chatty", "not json");

    assertEquals(400, response.status());
    assertEquals("InvalidRequestContentException", response.header("x-amzn-ErrorType"));
    assertTrue(
        JSON.readTree(response.body())
            .get("Message")
            .asText()
            .startsWith("Could not parse request body into json: "),
        response.body());
  }

  @Test
  void an_unknown_invocation_type_is_400_validation_exception() {
    Response response = invoke("Chatty", "{}", "X-Amz-Invocation-Type", "Sometimes");

    assertEquals(400, response.status());
    assertEquals("ValidationException", response.header("x-amzn-ErrorType"));
  }

  @Test
  void inline_code_is_501_as_in_sam() {
    assertEquals(501, invoke("Inline", "{}").status());
  }

  @Test
  void other_paths_and_methods_are_answered_as_sam_answers_them() {
    assertEquals(404, http.get("/2015-03-31/functions").status());
    assertEquals(
        "PathNotFoundLocally", http.get("/2015-03-31/functions").header("x-amzn-ErrorType"));
    assertEquals(405, http.get(INVOKE.formatted("Chatty")).status());
  }

  @Test
  void drain_lets_an_invocation_in_flight_finish() throws Exception {
    try (TestLambda draining =
        TestLambda.start(
            folder,
            """
        Resources:
          Sleepy:
            Type: AWS::Serverless::Function
            Properties: {Runtime: java17, CodeUri: ${CODE}, Handler: fixtures.Sleepy, Timeout: 10}
        """,
            (id, event, result) -> {})) {
      CompletableFuture<Response> inFlight =
          CompletableFuture.supplyAsync(
              () ->
                  draining
                      .http()
                      .post(
                          INVOKE.formatted("Sleepy"),
                          "{\"queryStringParameters\":{\"ms\":\"1000\"}}"));
      assertTrue(draining.logged("START RequestId"), "started: " + draining.logs());

      boolean drained = draining.server().drain(Duration.ofSeconds(20));

      assertTrue(drained);
      assertEquals(200, inFlight.get(20, TimeUnit.SECONDS).status());
      assertTrue(inFlight.get().body().contains("slept 1000"), inFlight.get().body());
    }
  }
}
