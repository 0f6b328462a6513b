package io.localsam.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.localsam.Invocation;
import io.localsam.testsupport.HttpTestClient.Response;
import io.localsam.testsupport.TestApi;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A function that spins, blocks, recurses, runs out of memory, floods stdout or leaves threads
 * behind fails only its own invocation with the cloud's answer; the emulator keeps serving and its
 * threads go back to what they were.
 */
class FunctionFaultsTest {
  @RegisterExtension
  static final TestApi api =
      TestApi.forClass(
          """
      Resources:
        Bad:
          Type: AWS::Serverless::Function
          Properties:
            CodeUri: ${CODE}
            Handler: fixtures.Misbehaving
            Runtime: java17
            Timeout: 1
            Events:
              Api: {Type: Api, Properties: {Path: /bad, Method: post}}
        # The same code with time to run out of stack or heap on a loaded machine: a 1 s Timeout can end first.
        Greedy:
          Type: AWS::Serverless::Function
          Properties:
            CodeUri: ${CODE}
            Handler: fixtures.Misbehaving
            Runtime: java17
            Timeout: 60
      """);

  private static Response call(String what) {
    return api.http().post("/bad?do=" + what, "{}", "Content-Type", "application/json");
  }

  private static long localsamThreads(String name) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals(name) && t.isAlive())
        .count();
  }

  @Test
  void a_busy_loop_or_a_thread_ignoring_interrupts_times_out_and_is_stopped() {
    assertEquals(502, call("spin").status());
    assertEquals(502, call("block").status());
    assertEquals(200, call("fine").status(), "the next request gets a fresh environment");

    long spinning =
        Thread.getAllStackTraces().entrySet().stream()
            .filter(
                e ->
                    Arrays.stream(e.getValue())
                        .anyMatch(f -> f.getClassName().equals("fixtures.Misbehaving")))
            .count();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (spinning > 0 && System.nanoTime() < deadline) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
      spinning =
          Thread.getAllStackTraces().entrySet().stream()
              .filter(
                  e ->
                      Arrays.stream(e.getValue())
                          .anyMatch(f -> f.getClassName().equals("fixtures.Misbehaving")))
              .count();
    }
    assertEquals(0, spinning, "no thread is still running the runaway handlers");
  }

  @Test
  void threads_a_function_leaves_behind_end_with_its_environment() {
    assertEquals(200, call("thread").status());
    assertEquals(
        1,
        localsamThreads("left-behind"),
        "Lambda freezes it between invocations; here it keeps running");
    // the next request reuses the warm environment whose thread it is

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    assertEquals(
        502,
        call("spin").status(),
        "a timeout discards that environment, and the threads it started");
    while (localsamThreads("left-behind") > 0 && System.nanoTime() < deadline) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
    }
    assertEquals(0, localsamThreads("left-behind"));
    assertEquals(200, call("fine").status());
  }

  @Test
  void stack_overflow_and_out_of_memory_fail_only_their_invocation() {
    Invocation overflow = api.emulator().invoke("Greedy", "{\"do\":\"recurse\"}");
    Invocation oom = api.emulator().invoke("Greedy", "{\"do\":\"oom\"}");

    assertEquals("java.lang.StackOverflowError", overflow.error());
    assertEquals("java.lang.OutOfMemoryError", oom.error());
    assertTrue(
        oom.response().contains("\"errorType\":\"java.lang.OutOfMemoryError\""), oom.response());
    assertEquals(200, call("fine").status());
  }

  @Test
  void megabytes_of_output_are_logged_and_the_function_still_answers() {
    Response response = call("print");

    assertEquals(200, response.status());
    assertEquals("printed 4 MB", response.body());
  }

  @Test
  void a_response_over_six_megabytes_is_a_function_error() {
    Invocation huge = api.emulator().invoke("Bad", "{\"do\":\"huge\"}");

    assertEquals("Function.ResponseSizeTooLarge", huge.error());
    assertEquals(502, call("huge").status());
  }

  @Test
  void an_event_over_six_megabytes_is_refused_and_a_body_over_ten_is_413() {
    String sevenMegabytes = "{\"do\":\"fine\",\"pad\":\"" + "p".repeat(7 * 1024 * 1024) + "\"}";
    String elevenMegabytes = "p".repeat(11 * 1024 * 1024);

    assertEquals(
        502,
        api.http()
            .post("/bad?do=fine", sevenMegabytes, "Content-Type", "application/json")
            .status());
    Response tooLong =
        api.http().post("/bad?do=fine", elevenMegabytes, "Content-Type", "application/json");
    assertEquals(413, tooLong.status());
    assertEquals("{\"message\":\"Request Too Long\"}", tooLong.body());
    assertEquals(200, call("fine").status());
  }
}
