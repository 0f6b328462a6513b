package io.localsam.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.localsam.AsyncInvocation;
import io.localsam.Emulator;
import io.localsam.Invocation;
import io.localsam.runtime.AsyncOutcome;
import io.localsam.runtime.FunctionRuntime;
import io.localsam.runtime.InvocationListener;
import io.localsam.runtime.InvocationRejected;
import io.localsam.runtime.InvocationResult;
import io.localsam.template.Template;
import io.localsam.template.TemplateLoader;
import io.localsam.testsupport.HttpTestClient.Response;
import io.localsam.testsupport.TestApi;
import io.localsam.testsupport.TestLambda;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Asynchronous ({@code Event}) invocations as Lambda runs them: every accepted event runs exactly
 * once unless it fails, failures are retried with the same request id, outcomes reach destinations
 * and the journal, and nothing accepted is lost in silence. Real HTTP to start-lambda's Invoke API,
 * real functions.
 */
class AsyncInvocationTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String INVOKE = "/2015-03-31/functions/%s/invocations";
  private static final Duration BOUND = Duration.ofSeconds(30);

  @TempDir Path folder;

  /**
   * start-lambda over a runtime whose retries wait 50 ms, recording every attempt and every
   * outcome.
   */
  private final class LambdaService implements AutoCloseable, InvocationListener {
    final List<InvocationResult> attempts = Collections.synchronizedList(new ArrayList<>());
    final List<AsyncOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    final TestLambda lambda;
    final FunctionRuntime runtime;

    LambdaService(String template) {
      lambda = TestLambda.start(folder, template, this, Duration.ofMillis(50));
      runtime = lambda.runtime();
    }

    @Override
    public void invoked(String functionId, byte[] event, InvocationResult result) {
      attempts.add(result);
    }

    @Override
    public void asyncFinished(AsyncOutcome outcome) {
      outcomes.add(outcome);
    }

    Response event(String function, String body) {
      return lambda.http().post(INVOKE.formatted(function), body, "X-Amz-Invocation-Type", "Event");
    }

    String logs() {
      return lambda.logs();
    }

    @Override
    public void close() {
      lambda.close();
    }
  }

  @Test
  void events_over_reserved_concurrency_wait_their_turn_and_each_runs_exactly_once() {
    try (LambdaService lambda =
        new LambdaService(
            """
        Resources:
          OneAtATime:
            Type: AWS::Serverless::Function
            Properties: {Runtime: java17, CodeUri: ${CODE}, Handler: fixtures.Sleepy, ReservedConcurrentExecutions: 1}
        """)) {
      List<String> accepted = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        Response response =
            lambda.event("OneAtATime", "{\"queryStringParameters\":{\"ms\":\"100\"}}");
        assertEquals(202, response.status(), response.body());
        accepted.add(response.header("x-amzn-RequestId"));
      }

      assertTrue(lambda.runtime.awaitAsync(BOUND), "all five finished: " + lambda.logs());
      assertEquals(
          Set.copyOf(accepted), ranOnce(lambda.attempts), "each accepted request id ran once");
      assertEquals(5, lambda.outcomes.stream().filter(AsyncOutcome::succeeded).count());
      assertFalse(lambda.logs().contains("throttled"), lambda.logs());
    }
  }

  @Test
  void forty_concurrent_events_past_the_in_flight_limit_all_run() throws Exception {
    try (LambdaService lambda =
        new LambdaService(
            """
        Resources:
          Slow:
            Type: AWS::Serverless::Function
            Properties: {Runtime: java17, CodeUri: ${CODE}, Handler: fixtures.Sleepy}
        """)) {
      List<CompletableFuture<Response>> sent =
          IntStream.range(0, 40)
              .mapToObj(
                  i ->
                      CompletableFuture.supplyAsync(
                          () ->
                              lambda.event("Slow", "{\"queryStringParameters\":{\"ms\":\"300\"}}")))
              .toList();
      Set<String> accepted = new HashSet<>();
      for (CompletableFuture<Response> response : sent) {
        Response answer = response.get(30, TimeUnit.SECONDS);
        assertEquals(202, answer.status(), answer.body());
        accepted.add(answer.header("x-amzn-RequestId"));
      }

      assertTrue(lambda.runtime.awaitAsync(BOUND), "all forty finished");
      assertEquals(40, accepted.size());
      assertEquals(accepted, ranOnce(lambda.attempts));
    }
  }

  @Test
  void a_failed_event_is_retried_with_the_same_request_id_and_its_success_recorded() {
    try (LambdaService lambda =
        new LambdaService(
            """
        Resources:
          Flaky:
            Type: AWS::Serverless::Function
            Properties: {Runtime: java17, CodeUri: ${CODE}, Handler: fixtures.FailsOnce}
        """)) {
      String requestId = lambda.event("Flaky", "{}").header("x-amzn-RequestId");

      assertTrue(lambda.runtime.awaitAsync(BOUND));
      assertEquals(
          List.of(requestId, requestId),
          lambda.attempts.stream().map(InvocationResult::requestId).toList());
      assertEquals("java.lang.IllegalStateException", lambda.attempts.get(0).errorType());
      assertNull(lambda.attempts.get(1).errorType());
      AsyncOutcome outcome = lambda.outcomes.get(0);
      assertEquals(AsyncOutcome.SUCCESS, outcome.condition());
      assertEquals(2, outcome.attempts());
      assertTrue(
          lambda
              .logs()
              .contains(
                  "asynchronous invocation "
                      + requestId
                      + " failed (java.lang.IllegalStateException); retry 1 of 2"),
          lambda.logs());
    }
  }

  @Test
  void retries_stop_at_maximum_retry_attempts_and_the_record_goes_to_the_on_failure_function()
      throws Exception {
    try (TestApi api =
        TestApi.start(
            folder,
            """
        Resources:
          Broken:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: java17
              CodeUri: ${CODE}
              Handler: fixtures.FailsOnce
              EventInvokeConfig:
                MaximumRetryAttempts: 1
                DestinationConfig:
                  OnFailure: {Type: Lambda, Destination: !GetAtt Failures.Arn}
          Failures:
            Type: AWS::Serverless::Function
            Properties: {Runtime: java17, CodeUri: ${CODE}, Handler: fixtures.EchoEvent}
        """,
            options -> options.asyncRetryDelay(Duration.ofMillis(20)))) {
      Emulator emulator = api.emulator();

      String requestId = emulator.invokeAsync("Broken", "{\"always\":true,\"order\":42}");

      assertTrue(emulator.awaitAsyncInvocations(BOUND), text(api));
      assertEquals(
          2,
          emulator.invocations().stream().filter(i -> i.functionId().equals("Broken")).count(),
          "the first attempt and one retry");
      AsyncInvocation broken = outcome(emulator, "Broken");
      assertEquals("RetriesExhausted", broken.outcome());
      assertEquals(2, broken.attempts());
      assertEquals("java.lang.IllegalStateException", broken.error());
      Invocation delivered =
          emulator.invocations().stream()
              .filter(i -> i.functionId().equals("Failures"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("the destination ran: " + text(api)));
      JsonNode record = JSON.readTree(delivered.event());
      assertEquals("1.0", record.get("version").asText());
      assertEquals(requestId, record.at("/requestContext/requestId").asText());
      assertEquals(
          "arn:aws:lambda:us-east-1:123456789012:function:Broken:$LATEST",
          record.at("/requestContext/functionArn").asText());
      assertEquals("RetriesExhausted", record.at("/requestContext/condition").asText());
      assertEquals(2, record.at("/requestContext/approximateInvokeCount").asInt());
      assertEquals(42, record.at("/requestPayload/order").asInt());
      assertEquals("Unhandled", record.at("/responseContext/functionError").asText());
      assertEquals("attempt 2 fails", record.at("/responsePayload/errorMessage").asText());
      assertTrue(
          outcome(emulator, "Failures").succeeded(),
          "the destination's own outcome is journaled too");
    }
  }

  @Test
  void a_destination_that_is_not_a_function_is_warned_about_and_its_record_logged() {
    try (TestApi api =
        TestApi.start(
            folder,
            """
        Resources:
          Worker:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: java17
              CodeUri: ${CODE}
              Handler: fixtures.FailsOnce
              EventInvokeConfig:
                MaximumRetryAttempts: 0
                DestinationConfig:
                  OnFailure: {Type: SQS, Destination: arn:aws:sqs:us-east-1:123456789012:dead-letters}
        """)) {
      Emulator emulator = api.emulator();
      assertTrue(
          text(api)
              .contains(
                  "Worker.EventInvokeConfig.DestinationConfig.OnFailure: the SQS destination"
                      + " arn:aws:sqs:us-east-1:123456789012:dead-letters is not emulated"),
          text(api));

      String requestId =
          emulator.invokeAsync(
              "Worker", "{}"); // the first attempt fails, and no retries are allowed

      assertTrue(emulator.awaitAsyncInvocations(BOUND), text(api));
      assertEquals("RetriesExhausted", outcome(emulator, "Worker").outcome());
      assertEquals(1, emulator.invocations().size(), "no retry");
      assertTrue(
          text(api)
              .contains(
                  "[Worker] OnFailure destination SQS arn:aws:sqs:us-east-1:123456789012:dead-letters is"
                      + " not emulated; its record: {\"version\":\"1.0\""),
          text(api));
      assertTrue(text(api).contains("\"requestId\":\"" + requestId + "\""), text(api));
    }
  }

  @Test
  void an_on_success_record_carries_the_response() throws Exception {
    try (TestApi api =
        TestApi.start(
            folder,
            """
        Resources:
          Worker:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: java17
              CodeUri: ${CODE}
              Handler: fixtures.FailsOnce
              EventInvokeConfig:
                DestinationConfig:
                  OnSuccess: {Type: Lambda, Destination: !GetAtt Done.Arn}
          Done:
            Type: AWS::Serverless::Function
            Properties: {Runtime: java17, CodeUri: ${CODE}, Handler: fixtures.EchoEvent}
        """,
            options -> options.asyncRetryDelay(Duration.ZERO))) {
      Emulator emulator = api.emulator();

      String requestId = emulator.invokeAsync("Worker", "{}");

      assertTrue(emulator.awaitAsyncInvocations(BOUND), text(api));
      JsonNode record =
          JSON.readTree(
              emulator.invocations().stream()
                  .filter(i -> i.functionId().equals("Done"))
                  .findFirst()
                  .orElseThrow()
                  .event());
      assertEquals("Success", record.at("/requestContext/condition").asText());
      assertEquals(2, record.at("/requestContext/approximateInvokeCount").asInt());
      assertEquals(requestId, record.at("/responsePayload/requestId").asText());
      assertTrue(record.at("/responseContext/functionError").isMissingNode());
    }
  }

  @Test
  void an_event_over_one_megabyte_is_refused_413_and_never_runs() throws Exception {
    try (LambdaService lambda =
        new LambdaService(
            """
        Resources:
          Echo:
            Type: AWS::Serverless::Function
            Properties: {Runtime: java17, CodeUri: ${CODE}, Handler: fixtures.EchoEvent}
        """)) {
      Response response = lambda.event("Echo", "{\"pad\":\"" + "x".repeat(1024 * 1024) + "\"}");

      assertEquals(413, response.status());
      assertEquals("RequestEntityTooLargeException", response.header("x-amzn-ErrorType"));
      assertEquals(
          "Request must be smaller than 1048576 bytes for the InvokeFunction operation",
          JSON.readTree(response.body()).get("Message").asText());
      assertTrue(lambda.runtime.awaitAsync(BOUND));
      assertTrue(lambda.attempts.isEmpty());
      assertEquals(
          200,
          lambda
              .lambda
              .http()
              .post(INVOKE.formatted("Echo"), "{\"pad\":\"" + "x".repeat(1024 * 1024) + "\"}")
              .status(),
          "a synchronous invocation may be up to 6 MB");
    }
  }

  @Test
  void a_full_queue_refuses_with_429_and_events_never_run_are_counted_at_close() {
    String gate = UUID.randomUUID().toString();
    LambdaService lambda =
        new LambdaService(
            """
        Resources:
          Held:
            Type: AWS::Serverless::Function
            Properties: {Runtime: java17, CodeUri: ${CODE}, Handler: fixtures.Gate, ReservedConcurrentExecutions: 1}
        """);
    try {
      String event = "{\"gate\":\"" + gate + "\"}";
      byte[] bytes = event.getBytes(StandardCharsets.UTF_8);
      lambda.runtime.invokeAsync("Held", bytes);
      for (int i = 1; i < 10_000; i++) {
        lambda.runtime.invokeAsync("Held", bytes);
      }

      InvocationRejected refused =
          assertThrows(InvocationRejected.class, () -> lambda.runtime.invokeAsync("Held", bytes));
      assertEquals(InvocationRejected.Reason.THROTTLED, refused.reason());
      Response overHttp = lambda.event("Held", event);
      assertEquals(429, overHttp.status());
      assertEquals("TooManyRequestsException", overHttp.header("x-amzn-ErrorType"));
    } finally {
      fixtures.Gate.latch(gate).countDown();
      lambda.close();
    }
    String logs = lambda.logs();
    assertTrue(
        logs.matches(
            "(?s).*Stopped with 99\\d\\d accepted asynchronous invocation\\(s\\) not run: Held \\(99\\d\\d\\).*"),
        logs);
    long notRun =
        lambda.outcomes.stream().filter(o -> o.condition().equals(AsyncOutcome.NOT_RUN)).count();
    assertTrue(notRun >= 9_990, "journaled as not run: " + notRun);
  }

  @Test
  void an_attempt_that_fails_after_the_queues_closed_is_journaled_as_not_run_not_retried()
      throws Exception {
    String gate = UUID.randomUUID().toString();
    LambdaService lambda =
        new LambdaService(
            """
        Resources:
          Late:
            Type: AWS::Serverless::Function
            Properties: {Runtime: java17, CodeUri: ${CODE}, Handler: fixtures.GateThenFail}
        """);
    String requestId;
    try {
      requestId =
          lambda.runtime.invokeAsync(
              "Late", ("{\"gate\":\"" + gate + "\"}").getBytes(StandardCharsets.UTF_8));
      assertTrue(
          fixtures.Gate.latch(gate + ".entered").await(20, TimeUnit.SECONDS),
          "the first attempt is running");
    } finally {
      lambda.close(); // while the attempt runs
    }
    fixtures.Gate.latch(gate).countDown(); // now it fails, after close

    long deadline = System.nanoTime() + BOUND.toNanos();
    while (lambda.outcomes.isEmpty()
        && System.nanoTime() < deadline) { // bounded poll for the late outcome
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
    }
    AsyncOutcome outcome = lambda.outcomes.get(0);
    assertEquals(requestId, outcome.requestId());
    assertEquals(AsyncOutcome.NOT_RUN, outcome.condition());
    assertEquals(1, outcome.attempts());
    assertEquals(1, lambda.attempts.size(), "no retry after close");
  }

  @Test
  void shutdown_runs_waiting_events_within_the_grace_period() {
    TestApi api =
        TestApi.start(
            folder,
            """
        Resources:
          OneAtATime:
            Type: AWS::Serverless::Function
            Properties: {Runtime: java17, CodeUri: ${CODE}, Handler: fixtures.Sleepy, ReservedConcurrentExecutions: 1}
        """);
    Emulator emulator = api.emulator();
    for (int i = 0; i < 4; i++) {
      emulator.invokeAsync("OneAtATime", "{\"queryStringParameters\":{\"ms\":\"50\"}}");
    }

    emulator.shutdown(BOUND);

    assertEquals(
        4,
        emulator.asyncInvocations().stream().filter(AsyncInvocation::succeeded).count(),
        text(api));
    assertFalse(text(api).contains("not run"), text(api));
  }

  @Test
  void out_of_range_event_invoke_settings_are_template_errors() {
    Exception error =
        assertThrows(
            RuntimeException.class,
            () ->
                TemplateLoader.load(
                    TestApi.writeTemplate(
                        folder,
                        """
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: java17
              CodeUri: ${CODE}
              Handler: fixtures.Hello
              EventInvokeConfig: {MaximumRetryAttempts: 3}
        """),
                    Map.of(),
                    "us-east-1"));

    assertTrue(
        error
            .getMessage()
            .contains(
                "Fn.EventInvokeConfig: MaximumRetryAttempts must be a number from 0 to 2, not '3'"),
        error.getMessage());
  }

  @Test
  void an_event_invoke_config_resource_applies_to_its_function() {
    Template template =
        TemplateLoader.load(
            TestApi.writeTemplate(
                folder,
                """
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties: {Runtime: java17, CodeUri: ${CODE}, Handler: fixtures.Hello}
          FnAsync:
            Type: AWS::Lambda::EventInvokeConfig
            Properties:
              FunctionName: !Ref Fn
              Qualifier: $LATEST
              MaximumRetryAttempts: 0
              MaximumEventAgeInSeconds: 120
        """),
            Map.of(),
            "us-east-1");

    assertEquals(0, template.functions().get("Fn").eventInvokeConfig().maximumRetryAttempts());
    assertEquals(120, template.functions().get("Fn").eventInvokeConfig().maximumEventAgeSeconds());
    assertTrue(
        template.warnings().stream().noneMatch(w -> w.contains("FnAsync")),
        template.warnings().toString());
  }

  private static String text(TestApi api) {
    return String.join("\n", api.logs());
  }

  private static AsyncInvocation outcome(Emulator emulator, String function) {
    return emulator.asyncInvocations().stream()
        .filter(a -> a.functionId().equals(function))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no outcome for " + function + ": " + emulator.asyncInvocations()));
  }

  /** The request ids that ran, checking that none ran twice. */
  private static Set<String> ranOnce(List<InvocationResult> attempts) {
    List<String> ids = List.copyOf(attempts).stream().map(InvocationResult::requestId).toList();
    Set<String> unique = new HashSet<>(ids);
    assertEquals(ids.size(), unique.size(), "no request id ran twice: " + ids);
    return unique;
  }
}
