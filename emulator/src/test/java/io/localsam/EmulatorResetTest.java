package io.localsam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fixtures.Gate;
import io.localsam.testsupport.HttpTestClient.Response;
import io.localsam.testsupport.TestApi;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Emulator#reset()}: what a test run sharing one emulator relies on to start each class
 * afresh.
 */
class EmulatorResetTest {
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
          Function: {Runtime: java17, CodeUri: ${CODE}, Timeout: 10}
        Resources:
          Api:
            Type: AWS::Serverless::Api
            Properties:
              StageName: dev
              Auth:
                Authorizers:
                  Cached:
                    FunctionArn: !GetAtt PolicyAuthorizer.Arn
                    Identity: {Header: X-Token, ReauthorizeEvery: 300}
          PolicyAuthorizer:
            Type: AWS::Serverless::Function
            Properties:
              Handler: fixtures.Authorizers::policy
          Counter:
            Type: AWS::Serverless::Function
            Properties:
              Handler: fixtures.Counter
              Events:
                Count: {Type: Api, Properties: {RestApiId: !Ref Api, Path: /count, Method: get}}
                Guarded: {Type: Api, Properties: {RestApiId: !Ref Api, Path: /guarded, Method: get, Auth: {Authorizer: Cached}}}
          Gate:
            Type: AWS::Serverless::Function
            Properties:
              Handler: fixtures.Gate
              Events:
                Gate: {Type: Api, Properties: {RestApiId: !Ref Api, Path: /gate, Method: get}}
        """);
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void a_function_with_static_state_starts_cold_after_reset() {
    api.emulator().reset();
    String[] first = api.http().get("/count").body().split(" ");
    String[] second = api.http().get("/count").body().split(" ");
    assertEquals("1", first[0]);
    assertEquals("2", second[0]);
    assertEquals(first[1], second[1], "a warm environment serves the second request");

    api.emulator().reset();
    String[] afterReset = api.http().get("/count").body().split(" ");

    assertEquals("1", afterReset[0], "the static counter starts again");
    assertNotEquals(first[1], afterReset[1], "the handler class was loaded anew");
  }

  @Test
  void a_cached_authorizer_result_is_forgotten_by_reset() {
    api.emulator().reset();
    assertEquals(200, api.http().get("/guarded", "X-Token", "allow").status());
    assertEquals(200, api.http().get("/guarded", "X-Token", "allow").status());
    assertEquals(
        1,
        api.emulator().invocations("PolicyAuthorizer").size(),
        "the second request used the cached policy");

    api.emulator().reset();
    Response afterReset = api.http().get("/guarded", "X-Token", "allow");

    assertEquals(200, afterReset.status());
    assertEquals(
        1,
        api.emulator().invocations("PolicyAuthorizer").size(),
        "the authorizer was called again");
  }

  @Test
  void the_journal_is_empty_after_reset() {
    api.http().get("/count");
    api.emulator().invokeAsync("Counter", "{}");
    assertTrue(api.emulator().awaitAsyncInvocations(Duration.ofSeconds(10)));
    assertTrue(
        !api.emulator().invocations().isEmpty() && !api.emulator().asyncInvocations().isEmpty());

    api.emulator().reset();

    assertEquals(List.of(), api.emulator().invocations());
    assertEquals(List.of(), api.emulator().asyncInvocations());
  }

  @Test
  void a_busy_environment_finishes_its_invocation_and_is_then_discarded() throws Exception {
    api.emulator().reset();
    CompletableFuture<Response> held =
        CompletableFuture.supplyAsync(() -> api.http().get("/gate?gate=reset-busy"));
    assertTrue(Gate.latch("reset-busy.entered").await(10, TimeUnit.SECONDS));

    api.emulator().reset();
    Gate.latch("reset-busy").countDown();
    Response finished = held.get(10, TimeUnit.SECONDS);
    api.http().get("/gate?gate=reset-busy");

    assertEquals("passed reset-busy", finished.body(), "the invocation in flight was answered");
    List<Invocation> gate = api.emulator().invocations("Gate");
    String next = gate.get(gate.size() - 1).requestId();
    assertTrue(api.logged("REPORT RequestId: " + next), "the next invocation was reported");
    assertTrue(
        api.logs().stream()
            .anyMatch(
                line ->
                    line.contains("REPORT RequestId: " + next) && line.contains("Init Duration")),
        "the next invocation started a new environment: " + api.logs());
  }
}
