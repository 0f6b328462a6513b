package io.localsam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fixtures.Gate;
import io.localsam.error.LocalSamException;
import io.localsam.runtime.TemplateWatcher;
import io.localsam.testsupport.HttpTestClient.Response;
import io.localsam.testsupport.TestApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The template is watched while the server runs, as SAM CLI watches it: the file is edited on disk
 * and the change shows in real requests, with the port kept, unchanged functions kept warm, a
 * broken edit ignored with its line named, and requests in flight finishing on the version they
 * arrived under.
 */
class TemplateReloadTest {
  private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(30);

  @TempDir Path folder;

  private static final String TWO_FUNCTIONS =
      """
      Resources:
        Steady:
          Type: AWS::Serverless::Function
          Properties:
            CodeUri: ${CODE}
            Handler: fixtures.EnvReader
            Runtime: java17
            Environment: {Variables: {TABLE: steady}}
        Edited:
          Type: AWS::Serverless::Function
          Properties:
            CodeUri: ${CODE}
            Handler: fixtures.EnvReader
            Runtime: java17
            Environment: {Variables: {TABLE: before}}
      """;

  /** Waits, up to a bound, until {@code condition} holds. */
  private static boolean eventually(BooleanSupplier condition) {
    long deadline = System.nanoTime() + WAIT_NANOS;
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
    }
    return condition.getAsBoolean();
  }

  private static boolean logged(TestApi api, String text) {
    return eventually(() -> api.logs().stream().anyMatch(line -> line.contains(text)));
  }

  private static boolean watching(TestApi api) {
    String name = TemplateWatcher.threadName(api.emulator().template().file());
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(thread -> thread.getName().equals(name) && thread.isAlive());
  }

  private static void edit(Path folder, String template) {
    TestApi.writeTemplate(folder, template);
  }

  @Test
  void an_added_route_is_served_on_the_same_port_without_a_restart() {
    try (TestApi api = TestApi.start(folder, TestApi.HELLO_TEMPLATE)) {
      URI base = api.emulator().baseUri();
      assertTrue(watching(api), "a thread watches the template");
      assertEquals(403, api.http().get("/new").status());

      edit(
          folder,
          TestApi.HELLO_TEMPLATE
              + """
            New:
              Type: AWS::Serverless::Function
              Properties:
                CodeUri: ${CODE}
                Handler: fixtures.EnvDump
                Runtime: java17
                Events:
                  Get: {Type: Api, Properties: {Path: /new, Method: get}}
          """);

      assertTrue(
          eventually(() -> api.http().get("/new").status() == 200),
          "GET /new is served after the edit");
      assertEquals(base, api.emulator().baseUri());
      assertEquals(200, api.http().get("/hello").status());
      assertTrue(
          logged(api, "Template reloaded: 1 route added (GET /new), 1 function added (New)"),
          api.logs().toString());
      assertTrue(api.emulator().template().function("New").isPresent());
    }
  }

  @Test
  void an_edit_to_one_function_keeps_the_others_warm_and_gives_it_a_fresh_environment() {
    try (TestApi api = TestApi.start(folder, TWO_FUNCTIONS)) {
      String steady = api.emulator().invoke("Steady", "{}").response();
      String edited = api.emulator().invoke("Edited", "{}").response();

      edit(folder, TWO_FUNCTIONS.replace("TABLE: before", "TABLE: after"));

      assertTrue(
          logged(api, "Template reloaded: 1 function changed (Edited)"), api.logs().toString());
      String editedAfter = api.emulator().invoke("Edited", "{}").response();
      assertTrue(editedAfter.contains("\"TABLE\":\"after\""), editedAfter);
      assertNotEquals(
          environment(edited),
          environment(editedAfter),
          "the changed function starts a fresh environment");
      assertEquals(
          environment(steady),
          environment(api.emulator().invoke("Steady", "{}").response()),
          "the unchanged function keeps its warm environment");

      edit(folder, TWO_FUNCTIONS.substring(0, TWO_FUNCTIONS.indexOf("  Edited:")));
      assertTrue(
          logged(api, "Template reloaded: 1 function removed (Edited)"), api.logs().toString());
      LocalSamException gone =
          Assertions.assertThrows(
              LocalSamException.class, () -> api.emulator().invoke("Edited", "{}"));
      assertEquals("Function Edited not found in template", gone.getMessage());
    }
  }

  @Test
  void requests_under_load_are_all_answered_while_the_template_is_reloaded_again_and_again()
      throws Exception {
    String counted =
        TestApi.HELLO_TEMPLATE.replace(
            "Runtime: java17", "Runtime: java17\n      Environment: {Variables: {EDIT: \"0\"}}");
    try (TestApi api = TestApi.start(folder, counted)) {
      AtomicBoolean editing = new AtomicBoolean(true);
      ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
      ExecutorService clients = Executors.newFixedThreadPool(4);
      long deadline = System.nanoTime() + WAIT_NANOS;
      for (int client = 0; client < 4; client++) {
        clients.execute(
            () -> {
              while (editing.get() && System.nanoTime() < deadline) {
                statuses.add(api.http().get("/hello").status());
              }
            });
      }
      for (int edit = 1; edit <= 5; edit++) {
        edit(folder, counted.replace("EDIT: \"0\"", "EDIT: \"" + edit + "\""));
        int reloads = edit;
        assertTrue(
            eventually(
                () ->
                    api.logs().stream()
                            .filter(
                                line ->
                                    line.equals("Template reloaded: 1 function changed (Hello)"))
                            .count()
                        >= reloads),
            api.logs().toString());
      }
      editing.set(false);
      clients.shutdown();
      assertTrue(clients.awaitTermination(60, TimeUnit.SECONDS));

      assertFalse(statuses.isEmpty());
      assertTrue(
          statuses.stream().allMatch(status -> status == 200),
          "every request answered 200: " + statuses);
    }
  }

  /**
   * EnvReader's "environment": the identity of the class loader it runs in, one per execution
   * environment.
   */
  private static String environment(String envReaderOutput) {
    Matcher found = Pattern.compile("\"environment\":(\\d+)").matcher(envReaderOutput);
    assertTrue(found.find(), envReaderOutput);
    return found.group(1);
  }

  @Test
  void a_broken_edit_keeps_the_last_good_version_serving_and_names_file_line_and_column() {
    try (TestApi api = TestApi.start(folder, TestApi.HELLO_TEMPLATE)) {
      edit(
          folder,
          TestApi.HELLO_TEMPLATE.replace("Handler: fixtures.Hello", "Handler: [fixtures.Hello"));

      Path file = folder.resolve("template.yaml");
      assertTrue(
          logged(
              api,
              "Template not reloaded (the last good version keeps serving): "
                  + file
                  + ":8:14: invalid YAML: "),
          api.logs().toString());
      assertEquals(200, api.http().get("/hello").status());

      edit(folder, TestApi.HELLO_TEMPLATE.replace("Path: /hello", "Path: /fixed"));
      assertTrue(
          eventually(() -> api.http().get("/fixed").status() == 200),
          "the next good edit is picked up");
      assertEquals(403, api.http().get("/hello").status());
      assertTrue(
          logged(
              api, "Template reloaded: 1 route added (GET /fixed), 1 route removed (GET /hello)"),
          api.logs().toString());
    }
  }

  @Test
  void a_reference_to_nothing_is_refused_as_at_start_up_and_nothing_changes() {
    try (TestApi api = TestApi.start(folder, TestApi.HELLO_TEMPLATE)) {
      edit(folder, TestApi.HELLO_TEMPLATE.replace("Runtime: java17", "Runtime: !Ref Missing"));

      assertTrue(
          logged(
              api,
              "Template not reloaded (the last good version keeps serving): "
                  + folder.resolve("template.yaml")
                  + ":8:16: Ref to 'Missing', which is neither a parameter, a pseudo parameter nor a resource"),
          api.logs().toString());
      assertEquals(200, api.http().get("/hello").status());
    }
  }

  @Test
  void a_request_in_flight_during_a_reload_finishes_on_the_function_it_was_routed_to()
      throws Exception {
    String gated =
        """
        Resources:
          Gated:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: ${CODE}
              Handler: fixtures.Gate
              Runtime: java17
              Timeout: 20
              Events:
                Get: {Type: Api, Properties: {Path: /gate, Method: get}}
        """;
    try (TestApi api = TestApi.start(folder, gated)) {
      String gate = "reload-" + UUID.randomUUID();
      CompletableFuture<HttpResponse<String>> inFlight =
          HttpClient.newHttpClient()
              .sendAsync(
                  HttpRequest.newBuilder(api.emulator().uri("/gate?gate=" + gate)).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertTrue(
          Gate.latch(gate + ".entered").await(10, TimeUnit.SECONDS),
          "the request is inside the handler");

      edit(folder, gated.replace("fixtures.Gate", "fixtures.Hello"));
      assertTrue(
          logged(api, "Template reloaded: 1 function changed (Gated)"), api.logs().toString());
      Response routedAfter = api.http().get("/gate");
      Gate.latch(gate).countDown();
      HttpResponse<String> routedBefore = inFlight.get(10, TimeUnit.SECONDS);

      assertEquals(200, routedBefore.statusCode());
      assertEquals(
          "passed " + gate,
          routedBefore.body(),
          "the request in flight finished on the old definition");
      assertEquals(200, routedAfter.status());
      assertTrue(
          routedAfter.body().contains("hello world"),
          "a new request runs the new one: " + routedAfter.body());
    }
  }

  @Test
  void an_edited_parameter_default_and_the_env_vars_file_are_reloaded_too() throws Exception {
    Path envVars = folder.resolve("env.json");
    Files.writeString(envVars, "{\"Edited\": {\"OVERRIDDEN\": \"first\"}}", StandardCharsets.UTF_8);
    String template =
        """
        Parameters:
          Table: {Type: String, Default: from-default}
        Resources:
          Edited:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: ${CODE}
              Handler: fixtures.EnvReader
              Runtime: java17
              Environment: {Variables: {TABLE: !Ref Table, OVERRIDDEN: ""}}
        """;
    try (TestApi api = TestApi.start(folder, template, options -> options.envVars(envVars))) {
      assertTrue(
          api.emulator().invoke("Edited", "{}").response().contains("\"TABLE\":\"from-default\""));

      edit(folder, template.replace("Default: from-default", "Default: from-edit"));
      assertTrue(
          eventually(
              () ->
                  api.emulator()
                      .invoke("Edited", "{}")
                      .response()
                      .contains("\"TABLE\":\"from-edit\"")),
          api.logs().toString());

      Files.writeString(
          envVars, "{\"Edited\": {\"OVERRIDDEN\": \"second\"}}", StandardCharsets.UTF_8);
      assertTrue(
          eventually(
              () ->
                  api.emulator()
                      .invoke("Edited", "{}")
                      .response()
                      .contains("\"override\":\"second\"")),
          api.logs().toString());
    }
  }

  @Test
  void with_watching_off_nothing_watches_the_template_and_a_reload_is_only_on_request() {
    try (TestApi api =
        TestApi.start(folder, TestApi.HELLO_TEMPLATE, options -> options.watchTemplate(false))) {
      assertFalse(watching(api), "no thread watches the template");
      edit(folder, TestApi.HELLO_TEMPLATE.replace("Path: /hello", "Path: /asked"));

      assertTrue(api.emulator().reloadTemplate());
      assertEquals(200, api.http().get("/asked").status());
    }
  }
}
