package io.localsam.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import fixtures.Gate;
import io.localsam.template.TemplateLoader;
import io.localsam.testsupport.HttpTestClient.Response;
import io.localsam.testsupport.TestApi;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ReservedConcurrentExecutions caps a function's environments; a local layer's java/lib joins its
 * class path.
 */
class ConcurrencyAndLayersTest {
  @TempDir Path folder;

  @Test
  void requests_beyond_reserved_concurrency_are_refused_as_api_gateway_answers_a_throttled_lambda()
      throws Exception {
    try (TestApi api =
        TestApi.start(
            folder,
            """
        Resources:
          OneAtATime:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: ${CODE}
              Handler: fixtures.Gate
              Runtime: java17
              ReservedConcurrentExecutions: 1
              Events:
                Get: {Type: Api, Properties: {Path: /gate, Method: get}}
        """)) {
      String gate = UUID.randomUUID().toString();
      CompletableFuture<Response> first =
          CompletableFuture.supplyAsync(() -> api.http().get("/gate?gate=" + gate));
      assertTrue(
          Gate.latch(gate + ".entered").await(20, TimeUnit.SECONDS),
          "the first request is running");

      Response throttled = api.http().get("/gate?gate=" + gate);
      Gate.latch(gate).countDown();

      assertEquals(
          500,
          throttled
              .status()); // "If the Lambda API rejects the invocation request, API Gateway returns
      // a 500"
      assertEquals("{\"message\": \"Internal server error\"}", throttled.body());
      assertEquals(200, first.get(20, TimeUnit.SECONDS).status());
      assertEquals(
          200,
          api.http().get("/gate?gate=" + gate).status(),
          "free again once the first has finished");
    }
  }

  @Test
  void a_caller_that_invokes_again_as_soon_as_it_has_the_result_is_not_throttled()
      throws Exception {
    Path file =
        TestApi.writeTemplate(
            folder,
            """
        Resources:
          OneAtATime:
            Type: AWS::Serverless::Function
            Properties: {CodeUri: ${CODE}, Handler: fixtures.Gate, Runtime: java17, ReservedConcurrentExecutions: 1}
        """);
    String gate = UUID.randomUUID().toString();
    Gate.latch(gate).countDown(); // open: every invocation passes at once
    byte[] event = ("{\"gate\":\"" + gate + "\"}").getBytes(StandardCharsets.UTF_8);
    try (FunctionRuntime runtime =
        new FunctionRuntime(
            TemplateLoader.load(file, Map.of(), "us-east-1"),
            "us-east-1",
            EnvVarsFile.NONE,
            line -> {},
            (id, in, out) -> {})) {
      // The second call is made inside the completion of the first, as a gateway answering at once
      // and a
      // client calling straight back can make it: the first one's slot must already be free.
      InvocationResult second =
          runtime
              .invoke("OneAtATime", event)
              .thenCompose(first -> runtime.invoke("OneAtATime", event))
              .get(20, TimeUnit.SECONDS);

      assertEquals(
          "passed " + gate,
          new ObjectMapper().readTree(second.payload()).path("body").asText(),
          new String(second.payload(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void beyond_its_environment_limit_a_function_queues_requests_instead_of_starting_more()
      throws Exception {
    try (TestApi api =
        TestApi.start(
            folder,
            """
        Resources:
          Busy:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: ${CODE}
              Handler: fixtures.Busy
              Runtime: java17
              Events:
                Get: {Type: Api, Properties: {Path: /busy, Method: get}}
        """)) {
      int requests =
          Math.min(3 * FunctionRuntime.DEFAULT_ENVIRONMENTS, FunctionRuntime.DEFAULT_CONCURRENCY);
      List<CompletableFuture<Response>> answers = new ArrayList<>();
      for (int i = 0; i < requests; i++) {
        answers.add(
            CompletableFuture.supplyAsync(
                () -> api.http().get("/busy"), Executors.newCachedThreadPool()));
      }
      Set<String> environments = new HashSet<>();
      for (CompletableFuture<Response> answer : answers) {
        Response response = answer.get(60, TimeUnit.SECONDS);
        assertEquals(
            200,
            response.status(),
            "waits for a free environment, never refused below the concurrency limit");
        environments.add(response.body());
      }

      assertTrue(
          environments.size() <= FunctionRuntime.DEFAULT_ENVIRONMENTS,
          environments.size() + " environments for " + requests + " concurrent requests");
    }
  }

  @Test
  void a_function_that_waits_gets_more_environments_than_the_machine_has_cores_up_to_its_limit()
      throws Exception {
    try (TestApi api =
        TestApi.start(
            folder,
            """
        Resources:
          Waits:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: ${CODE}
              Handler: fixtures.Gather
              Runtime: java17
              Timeout: 30
              Events:
                Get: {Type: Api, Properties: {Path: /gather, Method: get}}
        """)) {
      // Each handler waits until all of them are inside theirs: only as many environments at once
      // as requests let them meet.
      int parties = FunctionRuntime.DEFAULT_ENVIRONMENTS;
      String path = "/gather?name=" + UUID.randomUUID() + "&parties=" + parties;
      var clients = Executors.newCachedThreadPool();
      List<CompletableFuture<Response>> answers = new ArrayList<>();
      for (int i = 0; i < parties; i++) {
        answers.add(CompletableFuture.supplyAsync(() -> api.http().get(path), clients));
      }
      Set<String> environments = new HashSet<>();
      for (CompletableFuture<Response> answer : answers) {
        Response response = answer.get(60, TimeUnit.SECONDS);
        assertEquals(200, response.status(), "all " + parties + " were inside at once");
        environments.add(response.body());
      }
      clients.shutdown();

      assertEquals(parties, environments.size());
      assertTrue(parties > FunctionPool.EAGER_ENVIRONMENTS, "more than start without waiting");
    }
  }

  @Test
  void a_local_layer_provides_libraries_as_opt_java_lib_does() throws Exception {
    Path code = Files.createDirectories(folder.resolve("code/fixtures"));
    Files.copy(TestApi.codeFolder().resolve("fixtures/Hello.class"), code.resolve("Hello.class"));
    Files.copy(TestApi.codeFolder().resolve("fixtures/Json.class"), code.resolve("Json.class"));
    Path layerLib = Files.createDirectories(folder.resolve("layer/java/lib"));
    try (Stream<Path> jars = Files.list(TestApi.codeFolder().resolve("lib"))) {
      for (Path jar : jars.toList()) {
        Files.copy(jar, layerLib.resolve(jar.getFileName()));
      }
    }
    try (TestApi api =
        TestApi.start(
            folder,
            """
        Resources:
          Libraries:
            Type: AWS::Serverless::LayerVersion
            Properties: {ContentUri: layer}
          Hello:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: code
              Handler: fixtures.Hello
              Runtime: java17
              Layers: [!Ref Libraries]
              Events:
                Get: {Type: Api, Properties: {Path: /hello, Method: get}}
        """)) {
      Response response = api.http().get("/hello");

      assertEquals(200, response.status(), "the event types come from the layer: " + api.logs());
      assertTrue(api.logged("1 layer(s) with"));
    }
  }
}
