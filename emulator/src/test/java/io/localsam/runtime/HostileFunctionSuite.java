package io.localsam.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.localsam.Invocation;
import io.localsam.config.Isolation;
import io.localsam.testsupport.TestApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Functions that touch what a JVM holds for everyone: each sees its own environment's JVM state, as
 * in Lambda where each environment is a JVM of its own. Two functions of one template, Hostile and
 * Bystander, run the same code with different variables. The suite runs in both modes: {@link
 * HostileFunctionTest} in-process, {@link HostileFunctionProcessTest} with every environment a
 * process of its own; each adds what differs, what one JVM cannot keep to one function.
 */
abstract class HostileFunctionSuite {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path folder;

  static TestApi api;
  static long beforeStart;

  static void start(Isolation isolation) throws IOException {
    Path traced = functionFolder("xray-function", "fixtures/XRayTraced.class", "xray-function-lib");
    Path container =
        functionFolder("container-function", "fixtures/AsyncInit.class", "container-function-lib");
    beforeStart = System.currentTimeMillis();
    api =
        TestApi.start(
            folder,
            """
        Globals:
          Function: {Runtime: java17, CodeUri: ${CODE}, Timeout: 20, Tracing: Active}
        Resources:
          Hostile:
            Type: AWS::Serverless::Function
            Properties: {Handler: fixtures.Hostile, Environment: {Variables: {TABLE: hostile}}}
          Bystander:
            Type: AWS::Serverless::Function
            Properties: {Handler: fixtures.Hostile, Environment: {Variables: {TABLE: bystander}}}
          Traced:
            Type: AWS::Serverless::Function
            Properties: {Handler: fixtures.XRayTraced, CodeUri: TRACED}
          Untraced:
            Type: AWS::Serverless::Function
            Properties: {Handler: fixtures.EnvDump, Tracing: PassThrough}
          AsyncInit:
            Type: AWS::Serverless::Function
            Properties: {Handler: fixtures.AsyncInit, CodeUri: CONTAINER}
        """
                .replace("TRACED", traced.toString())
                .replace("CONTAINER", container.toString()),
            options -> options.isolation(isolation));
  }

  /** A Lambda-layout folder with one fixture class and the jars of a real library in lib/. */
  private static Path functionFolder(String name, String classFile, String libraries)
      throws IOException {
    Path function = folder.resolve(name);
    Files.createDirectories(function.resolve(classFile).getParent());
    Files.copy(TestApi.codeFolder().resolve(classFile), function.resolve(classFile));
    Files.createDirectories(function.resolve("lib"));
    try (Stream<Path> jars = Files.list(TestApi.codeFolder().getParent().resolve(libraries))) {
      for (Path jar : jars.toList()) {
        Files.copy(jar, function.resolve("lib").resolve(jar.getFileName()));
      }
    }
    return function;
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  static JsonNode invoke(String function, String event) {
    Invocation invocation = api.emulator().invoke(function, event);
    try {
      return JSON.readTree(invocation.response());
    } catch (IOException e) {
      throw new AssertionError(invocation.response(), e);
    }
  }

  private static CompletableFuture<JsonNode> invokeAsync(String function, String event) {
    return CompletableFuture.supplyAsync(() -> invoke(function, event));
  }

  @Test
  void child_processes_get_the_functions_environment_not_the_hosts() {
    JsonNode seen = invoke("Hostile", "{\"do\":\"child\"}");

    assertEquals(
        "hostile|none|defaultkey",
        seen.get("processBuilder").asText(),
        "no HOME, no real keys: the function's");
    assertFalse(seen.get("environmentHasHome").asBoolean());
    assertEquals("hostile", seen.get("environmentTable").asText());
    assertEquals(
        "hostile|none",
        seen.get("exec").asText(),
        "Runtime.exec with no envp inherits the function's");
  }

  @Test
  void getenv_through_reflection_and_method_handles_is_the_functions() {
    JsonNode seen = invoke("Hostile", "{\"do\":\"reflection\"}");

    assertEquals("hostile", seen.get("invokeTable").asText());
    assertEquals("null", seen.get("invokeHome").asText(), "the developer's HOME stays out");
    assertEquals("hostile", seen.get("handleTable").asText());
    assertEquals("null", seen.get("handleHome").asText());
  }

  @Test
  void a_class_loaded_by_the_functions_own_parentless_loader_sees_the_functions_environment_too() {
    JsonNode seen = invoke("Hostile", "{\"do\":\"own-class-loader\"}");

    assertEquals("hostile|null", seen.get("probe").asText());
  }

  @Test
  void exit_by_reflection_or_method_handle_fails_the_invocation_not_the_emulator()
      throws Exception {
    for (String how : new String[] {"exit-by-reflection", "halt-by-handle"}) {
      Invocation exited = api.emulator().invoke("Hostile", "{\"do\":\"" + how + "\"}");

      assertEquals("Runtime.ExitError", exited.error(), how + ": " + exited.response());
      assertTrue(
          JSON.readTree(exited.response())
              .get("errorMessage")
              .asText()
              .endsWith("exit status " + (how.startsWith("exit") ? 7 : 8)));
    }
    assertEquals(
        "bystander",
        invoke("Bystander", "{\"do\":\"reflection\"}").get("invokeTable").asText(),
        "LocalSAM lives on");
  }

  @Test
  void system_properties_zone_and_locale_set_by_one_function_stay_in_its_environment() {
    String rendezvous = UUID.randomUUID().toString();
    CompletableFuture<JsonNode> changer =
        invokeAsync(
            "Hostile", "{\"do\":\"change-defaults\",\"rendezvous\":\"" + rendezvous + "\"}");
    CompletableFuture<JsonNode> bystander =
        invokeAsync(
            "Bystander", "{\"do\":\"observe-defaults\",\"rendezvous\":\"" + rendezvous + "\"}");

    assertEquals("eu-west-3", changer.join().get("awsRegion").asText());
    assertEquals("Asia/Tokyo", changer.join().get("timeZone").asText());
    assertEquals("de_DE", changer.join().get("locale").asText());
    JsonNode unaffected = bystander.join();
    assertEquals(
        "null",
        unaffected.get("awsRegion").asText(),
        "the AWS SDK reads aws.region before AWS_REGION");
    assertEquals(
        "UTC", unaffected.get("timeZone").asText(), "TZ=:UTC, whatever the developer's zone");
    assertEquals("UTC", unaffected.get("zoneId").asText());
    assertEquals("en_US", unaffected.get("locale").asText());
    assertEquals("UTF-8", unaffected.get("charset").asText());
    assertEquals(
        0, unaffected.get("localDateTimeZone").asLong(), "LocalDateTime.now() is UTC's now");
    assertEquals("UTC", unaffected.get("calendarZone").asText());
    assertEquals(
        -9,
        changer.join().get("localDateTimeZone").asLong(),
        "and Tokyo's where the function chose Tokyo");
    assertEquals("Asia/Tokyo", changer.join().get("calendarZone").asText());
  }

  /**
   * Whether the runtime also puts the trace header in {@code _X_AMZN_TRACE_ID}: LocalSAM's
   * in-process runtime does, per invocation; a runtime in a process of its own, as AWS's Java
   * runtime client, only sets the system property (a running JVM's environment cannot change).
   */
  abstract boolean traceHeaderInEnvironment();

  @Test
  void an_xray_instrumented_client_finds_the_invocations_segment() {
    JsonNode seen = invoke("Traced", "{}");

    String header = seen.path("property").asText();
    assertTrue(
        header.matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=1"),
        seen.toString());
    assertEquals(
        traceHeaderInEnvironment() ? header : "null",
        seen.path("header").asText("null"),
        "_X_AMZN_TRACE_ID: " + seen);
    assertTrue(
        header.startsWith("Root=" + seen.get("traceId").asText() + ";"),
        "the subsegment is in the invocation's trace");
    assertEquals(folder.resolve("xray-function").toString(), seen.get("taskRoot").asText());
    assertFalse(
        header.equals(invoke("Traced", "{}").get("property").asText()),
        "a new trace header per invocation");
  }

  @Test
  void lambdas_defined_runtime_variables_are_set() throws Exception {
    JsonNode env = JSON.readTree(invoke("Untraced", "{}").get("body").asText());

    assertEquals(TestApi.codeFolder().toString(), env.get("LAMBDA_TASK_ROOT").asText());
    assertEquals("/var/runtime", env.get("LAMBDA_RUNTIME_DIR").asText());
    assertEquals("LOG_ERROR", env.get("AWS_XRAY_CONTEXT_MISSING").asText());
    assertEquals("/usr/local/bin:/usr/bin/:/bin:/opt/bin", env.get("PATH").asText());
    assertEquals(
        "/lib64:/usr/lib64:/var/runtime:/var/runtime/lib:"
            + TestApi.codeFolder()
            + ":"
            + TestApi.codeFolder()
            + "/lib:/opt/lib",
        env.get("LD_LIBRARY_PATH").asText());
    assertEquals(":UTC", env.get("TZ").asText());
    assertEquals("en_US.UTF-8", env.get("LANG").asText());
    assertFalse(env.has("_X_AMZN_TRACE_ID"), "no trace header without active tracing");
  }

  @Test
  void a_new_environment_starts_its_own_jvm_clock() {
    JsonNode seen = invoke("Hostile", "{\"do\":\"uptime\"}");

    assertTrue(
        seen.get("startTime").asLong() >= beforeStart,
        "the environment started after the emulator did");
    assertTrue(
        seen.get("uptime").asLong() < System.currentTimeMillis() - beforeStart + 1,
        "uptime counts from it");
  }

  @Test
  void aws_serverless_java_container_waits_for_its_application_from_the_environments_start() {
    JsonNode seen = invoke("AsyncInit", "{}");

    assertTrue(
        seen.get("startTime").asLong() >= beforeStart,
        "AsyncInitializationWrapper's JVM start time is the environment's, so its wait (start + 10 s - now) is positive");
    assertTrue(
        seen.get("readyAfterInit").asBoolean(), "the application is ready for the first request");
  }
}
