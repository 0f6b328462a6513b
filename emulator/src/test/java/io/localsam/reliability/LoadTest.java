package io.localsam.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fixtures.Gate;
import io.localsam.reliability.LoadMix.Result;
import io.localsam.reliability.LoadMix.Target;
import io.localsam.testsupport.HttpTestClient.Response;
import io.localsam.testsupport.TestApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 64 concurrent clients against good, slow and failing functions: every answer is the function's
 * own (or its throttle), nothing waits in an unbounded queue, and the heap stays flat. A short run
 * here; {@link SoakTest} runs the same mix for as long as asked.
 */
class LoadTest {
  static final int CLIENTS = 64;

  /**
   * The template of the load runs: each function's concurrency is capped, so overflow is refused
   * (API Gateway's 500).
   */
  static final String TEMPLATE =
      """
      Globals:
        Function: {Runtime: java17, CodeUri: ${CODE}, Timeout: 10}
      Resources:
        Good:
          Type: AWS::Serverless::Function
          Properties:
            Handler: fixtures.Hello
            ReservedConcurrentExecutions: 8
            Events:
              Api: {Type: Api, Properties: {Path: /good, Method: post}}
        Slow:
          Type: AWS::Serverless::Function
          Properties:
            Handler: fixtures.Sleepy
            ReservedConcurrentExecutions: 4
            Events:
              Api: {Type: Api, Properties: {Path: /slow, Method: post}}
        Failing:
          Type: AWS::Serverless::Function
          Properties:
            Handler: fixtures.Failing
            ReservedConcurrentExecutions: 4
            Events:
              Api: {Type: Api, Properties: {Path: /failing, Method: post}}
              Http: {Type: HttpApi, Properties: {Path: /http/failing, Method: post}}
        Held:
          Type: AWS::Serverless::Function
          Properties:
            Handler: fixtures.Gate
            ReservedConcurrentExecutions: 2
            Events:
              Api: {Type: Api, Properties: {Path: /held, Method: get}}
      """;

  /**
   * What each kind of request may get: its function's answer, or 500 (Lambda refused it) once its
   * environments are all busy.
   */
  static final List<Target> MIX =
      List.of(
          new Target("good", "POST", "/good", Set.of(200, 500)),
          new Target("slow", "POST", "/slow?ms=50", Set.of(200, 500)),
          new Target("failing", "POST", "/failing", Set.of(502, 500)),
          new Target("failing-http", "POST", "/http/failing", Set.of(500)));

  @RegisterExtension static final TestApi api = TestApi.forClass(TEMPLATE);

  @Test
  void sixty_four_clients_get_only_their_functions_answers_and_the_heap_stays_flat() {
    LoadMix.run(
        api.emulator().baseUri(), CLIENTS, Duration.ofSeconds(1), MIX); // every environment warm
    long heapBefore = JvmGauges.usedHeapAfterGc();

    Result result = LoadMix.run(api.emulator().baseUri(), CLIENTS, Duration.ofSeconds(3), MIX);

    assertEquals(0, result.unexpected(), result.toString());
    assertTrue(
        result.count("good 200") > 0
            && result.count("slow 200") > 0
            && result.count("failing 502") > 0,
        result.toString());
    assertTrue(
        JvmGauges.await(30, () -> JvmGauges.threadsRunningFunctionCode() == 0),
        "every invocation finished");
    long heapAfter = JvmGauges.usedHeapAfterGc();
    assertTrue(
        heapAfter < heapBefore + 64L * 1024 * 1024,
        "used heap after GC within 64 MB of "
            + JvmGauges.megabytes(heapBefore)
            + ": "
            + JvmGauges.megabytes(heapAfter)
            + "; "
            + result);
  }

  @Test
  void requests_beyond_reserved_concurrency_are_refused_at_once_not_queued() throws Exception {
    String gate = UUID.randomUUID().toString();
    List<CompletableFuture<Response>> holders = new ArrayList<>();
    for (int i = 0; i < 2; i++) { // ReservedConcurrentExecutions: 2
      String name = gate + "-" + i;
      holders.add(CompletableFuture.supplyAsync(() -> api.http().get("/held?gate=" + name)));
      assertTrue(
          Gate.latch(name + ".entered").await(20, TimeUnit.SECONDS), "holder " + i + " is running");
    }

    List<CompletableFuture<Response>> overflow = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      overflow.add(
          CompletableFuture.supplyAsync(
              () -> api.http().get("/held?gate=" + gate + "-overflow"), LoadTestPool.POOL));
    }
    List<Integer> statuses = new ArrayList<>();
    for (CompletableFuture<Response> request : overflow) {
      statuses.add(
          request.get(60, TimeUnit.SECONDS).status()); // all answered while both holders still run
    }
    for (int i = 0; i < 2; i++) {
      Gate.latch(gate + "-" + i).countDown();
    }

    assertEquals(
        Collections.nCopies(CLIENTS, 500), statuses); // Lambda's refusal, as API Gateway answers it
    for (CompletableFuture<Response> holder : holders) {
      assertEquals(200, holder.get(20, TimeUnit.SECONDS).status());
    }
    assertTrue(api.logged("Held: all 2 execution environments it may have are busy; throttled"));
  }

  /** Enough threads that the 64 overflow requests are in flight together. */
  private static final class LoadTestPool {
    static final ExecutorService POOL =
        Executors.newFixedThreadPool(
            CLIENTS,
            runnable -> {
              Thread thread = new Thread(runnable, "overflow-client");
              thread.setDaemon(true);
              return thread;
            });
  }
}
