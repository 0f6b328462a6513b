package io.localsam.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.localsam.Invocation;
import io.localsam.testsupport.HttpTestClient.Response;
import io.localsam.testsupport.TestApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After a run of every kind of function fault, the emulator is back where it started: the same live
 * threads, no thread still in a function's code, heap within a generous bound, and good requests
 * served. Also: a class missing at run time (NoClassDefFoundError) fails only the invocations that
 * need it.
 */
class FaultRecoveryTest {
  private static final String REST_ERROR = "{\"message\": \"Internal server error\"}";

  @TempDir static Path folder;

  static TestApi api;

  @BeforeAll
  static void start() throws Exception {
    // The deployment package without the helper class it was compiled against.
    Path incomplete = Files.createDirectories(folder.resolve("incomplete/fixtures"));
    for (String name : new String[] {"MissingDependency.class", "MissingDependency$AtInit.class"}) {
      Files.copy(TestApi.codeFolder().resolve("fixtures").resolve(name), incomplete.resolve(name));
    }
    api =
        TestApi.start(
            folder,
            """
        Globals:
          Function: {Runtime: java17, CodeUri: ${CODE}, Timeout: 10}
        Resources:
          Bad:
            Type: AWS::Serverless::Function
            Properties:
              Handler: fixtures.Misbehaving
              Timeout: 1
              Events:
                Api: {Type: Api, Properties: {Path: /bad, Method: post}}
          Failing:
            Type: AWS::Serverless::Function
            Properties:
              Handler: fixtures.Failing
              Events:
                Api: {Type: Api, Properties: {Path: /fail, Method: get}}
          Exiter:
            Type: AWS::Serverless::Function
            Properties: {Handler: fixtures.Exiter}
          Missing:
            Type: AWS::Serverless::Function
            Properties:
              Handler: fixtures.MissingDependency
              CodeUri: INCOMPLETE
              Events:
                Api: {Type: Api, Properties: {Path: /missing, Method: get}}
          MissingAtInit:
            Type: AWS::Serverless::Function
            Properties:
              Handler: fixtures.MissingDependency$AtInit
              CodeUri: INCOMPLETE
              Events:
                Api: {Type: Api, Properties: {Path: /missing-at-init, Method: get}}
          Hello:
            Type: AWS::Serverless::Function
            Properties:
              Handler: fixtures.Hello
              Events:
                Api: {Type: Api, Properties: {Path: /hello, Method: get}}
        """
                .replace("INCOMPLETE", folder.resolve("incomplete").toString()));
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  private static Response bad(String what) {
    return api.http().post("/bad?do=" + what, "{}", "Content-Type", "application/json");
  }

  private static long logLines(String text) {
    return api.logs().stream().filter(line -> line.contains(text)).count();
  }

  @Test
  void a_class_missing_at_run_time_fails_only_the_invocation_that_needs_it_and_is_logged_once() {
    Response missing = api.http().get("/missing?do=helper");

    assertEquals(502, missing.status());
    assertEquals(REST_ERROR, missing.body());
    assertTrue(
        api.logged("Missing failed: java.lang.NoClassDefFoundError: fixtures/CompileOnlyHelper"),
        api.logs().toString());
    assertEquals(1, logLines("Missing failed:"), "one gateway line per failed invocation");
    assertEquals(200, api.http().get("/missing").status(), "the rest of the function still works");
    Invocation direct = api.emulator().invoke("Missing", "{\"do\":\"helper\"}");
    assertEquals("java.lang.NoClassDefFoundError", direct.error());
    assertTrue(direct.response().contains("fixtures/CompileOnlyHelper"), direct.response());
  }

  @Test
  void a_class_missing_at_init_fails_every_invocation_with_the_cloud_answer() {
    Response first = api.http().get("/missing-at-init");
    Response second = api.http().get("/missing-at-init");

    assertEquals(502, first.status());
    assertEquals(REST_ERROR, first.body());
    assertEquals(502, second.status());
    assertTrue(
        api.logged("MissingAtInit failed: java.lang.NoClassDefFoundError"), api.logs().toString());
    assertEquals(200, api.http().get("/hello").status());
  }

  @Test
  void
      after_every_kind_of_fault_threads_and_heap_return_to_their_baseline_and_good_requests_succeed() {
    warmUp();
    JvmGauges.await(
        15, () -> JvmGauges.threadsRunningFunctionCode() == 0); // from other tests of this class
    int baseline = JvmGauges.threads().size();
    Map<String, Long> baselineNames = JvmGauges.threadNames();
    long heapBefore = JvmGauges.usedHeapAfterGc();

    assertEquals(502, bad("spin").status(), "CPU loop past its timeout");
    assertEquals(502, bad("block").status(), "blocked, ignoring interrupts, past its timeout");
    assertEquals(200, bad("thread").status(), "starts a thread that never stops");
    assertEquals(
        502, bad("spin").status(), "times out in the environment holding that thread: both go");
    assertEquals(502, bad("recurse").status(), "StackOverflowError");
    assertEquals(502, bad("oom").status(), "OutOfMemoryError from its own allocation");
    assertEquals(200, bad("print").status(), "megabytes to stdout");
    assertEquals(502, bad("huge").status(), "a response over 6 MB");
    assertEquals(502, api.http().get("/fail").status(), "an exception with a cause");
    assertEquals(502, api.http().get("/missing?do=helper").status(), "NoClassDefFoundError");
    assertEquals(
        "Runtime.ExitError", api.emulator().invoke("Exiter", "{\"how\":\"exit\"}").error());
    assertEquals(
        "Runtime.ExitError", api.emulator().invoke("Exiter", "{\"how\":\"halt\"}").error());

    warmUp();
    assertTrue(
        JvmGauges.await(30, () -> JvmGauges.threadsRunningFunctionCode() == 0),
        "no thread is still running a function's code: " + JvmGauges.threadNames());
    assertTrue(
        JvmGauges.await(30, () -> JvmGauges.threads().size() <= baseline + 2),
        "live threads back to the baseline of "
            + baseline
            + ": before "
            + baselineNames
            + ", after "
            + JvmGauges.threadNames());
    long heapAfter = JvmGauges.usedHeapAfterGc();
    assertTrue(
        heapAfter < heapBefore + 64L * 1024 * 1024,
        "used heap after GC within 64 MB of "
            + JvmGauges.megabytes(heapBefore)
            + ": "
            + JvmGauges.megabytes(heapAfter));
  }

  /** One good request to every function, so each has its warm environment. */
  private static void warmUp() {
    assertEquals(200, api.http().get("/hello").status());
    assertEquals(200, bad("fine").status());
    assertEquals(200, api.http().get("/missing").status());
    assertEquals(502, api.http().get("/fail").status());
    assertEquals(
        "\"alive after 1\"",
        api.emulator().invoke("Exiter", "{}").response().replaceAll("after \\d+", "after 1"));
  }
}
