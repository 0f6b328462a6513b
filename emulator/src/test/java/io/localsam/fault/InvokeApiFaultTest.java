package io.localsam.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.localsam.runtime.AsyncOutcome;
import io.localsam.runtime.InvocationListener;
import io.localsam.runtime.InvocationResult;
import io.localsam.testsupport.HttpTestClient.Response;
import io.localsam.testsupport.TestLambda;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Function faults as Lambda's Invoke API ({@code start-lambda}) answers them: a throttle is
 * Lambda's own 429.
 */
class InvokeApiFaultTest {
  private static final String INVOKE = "/2015-03-31/functions/Counter/invocations";

  @TempDir static Path folder;

  static final Faults faults = Faults.none();
  static final List<InvocationResult> invoked = Collections.synchronizedList(new ArrayList<>());
  static final List<AsyncOutcome> asyncOutcomes = Collections.synchronizedList(new ArrayList<>());
  static TestLambda lambda;

  @BeforeAll
  static void start() {
    lambda =
        TestLambda.start(
            folder,
            """
        Resources:
          Counter:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: ${CODE}
              Handler: fixtures.Counter
              Runtime: java17
              EventInvokeConfig: {MaximumRetryAttempts: 1}
        """,
            new InvocationListener() {
              @Override
              public void invoked(String functionId, byte[] event, InvocationResult result) {
                invoked.add(result);
              }

              @Override
              public void asyncFinished(AsyncOutcome outcome) {
                asyncOutcomes.add(outcome);
              }
            },
            Duration.ofMillis(10),
            faults);
  }

  @AfterAll
  static void stop() {
    lambda.close();
  }

  @BeforeEach
  void fresh() {
    faults.clear();
    invoked.clear();
  }

  @Test
  void a_throttled_function_is_lambdas_429_too_many_requests() {
    faults.forFunction("Counter").throttle();

    Response response = lambda.http().post(INVOKE, "{}");

    assertEquals(429, response.status());
    assertEquals("TooManyRequestsException", response.header("X-Amzn-ErrorType"));
    assertEquals(Fault.Kind.THROTTLE, invoked.get(0).fault().kind());
  }

  @Test
  void an_error_fault_is_an_unhandled_function_error() {
    faults.forFunction("Counter").error("java.lang.IllegalStateException", "no stock");

    Response response = lambda.http().post(INVOKE, "{}");

    assertEquals(200, response.status());
    assertEquals("Unhandled", response.header("X-Amz-Function-Error"));
    assertTrue(response.body().contains("\"errorMessage\":\"no stock\""), response.body());
  }

  @Test
  void an_asynchronous_invocation_sees_an_error_fault_on_every_attempt_and_is_retried() {
    faults.forFunction("Counter").error("java.lang.IllegalStateException");

    Response accepted =
        lambda.http().send("POST", INVOKE, "{}".getBytes(), "X-Amz-Invocation-Type", "Event");

    assertEquals(202, accepted.status());
    assertTrue(lambda.runtime().awaitAsync(Duration.ofSeconds(20)));
    assertEquals(2, invoked.size(), "the first attempt and its one retry");
    assertTrue(invoked.stream().allMatch(result -> result.fault() != null && result.failed()));
  }
}
