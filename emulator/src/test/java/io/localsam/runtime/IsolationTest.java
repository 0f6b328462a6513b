package io.localsam.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.PackageVersion;
import io.localsam.Invocation;
import io.localsam.testsupport.TestApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each function runs as if in its own Lambda execution environment: its own environment variables
 * (also when two run at the same moment), its own libraries, its own static state; System.exit
 * fails only its own invocation.
 */
class IsolationTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path folder;

  static TestApi api;

  @BeforeAll
  static void start() throws Exception {
    Path jacksonFunction = folder.resolve("jackson-function");
    Files.createDirectories(jacksonFunction.resolve("fixtures"));
    Files.copy(
        TestApi.codeFolder().resolve("fixtures/JacksonVersion.class"),
        jacksonFunction.resolve("fixtures/JacksonVersion.class"));
    Files.createDirectories(jacksonFunction.resolve("lib"));
    try (Stream<Path> jars = Files.list(TestApi.codeFolder().getParent().resolve("old-jackson"))) {
      for (Path jar : jars.toList()) {
        Files.copy(jar, jacksonFunction.resolve("lib").resolve(jar.getFileName()));
      }
    }
    Path envVars = folder.resolve("env.json");
    Files.writeString(
        envVars, "{\"Parameters\": {\"OVERRIDDEN\": \"from-file\", \"UNDECLARED\": \"x\"}}");
    api =
        TestApi.start(
            folder,
            """
        Globals:
          Function: {Runtime: java17, CodeUri: ${CODE}, Timeout: 20}
        Resources:
          Orders:
            Type: AWS::Serverless::Function
            Properties:
              Handler: fixtures.EnvReader$Together
              Environment: {Variables: {TABLE: orders, OVERRIDDEN: template}}
          Users:
            Type: AWS::Serverless::Function
            Properties:
              Handler: fixtures.EnvReader$Together
              FunctionName: users-fn
              Environment: {Variables: {TABLE: users}}
          Exiter:
            Type: AWS::Serverless::Function
            Properties: {Handler: fixtures.Exiter}
          OwnJackson:
            Type: AWS::Serverless::Function
            Properties: {Handler: fixtures.JacksonVersion, CodeUri: jackson-function}
        """
                .replace("jackson-function", jacksonFunction.toString()),
            options -> options.envVars(envVars));
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  private static CompletableFuture<JsonNode> invokeAsync(String function, String rendezvous) {
    return CompletableFuture.supplyAsync(
        () -> {
          Invocation invocation =
              api.emulator().invoke(function, "{\"rendezvous\":\"" + rendezvous + "\"}");
          try {
            return JSON.readTree(invocation.response());
          } catch (Exception e) {
            throw new AssertionError(invocation.response(), e);
          }
        });
  }

  @Test
  void two_functions_reading_the_same_variable_at_the_same_moment_each_see_their_own() {
    String rendezvous = UUID.randomUUID().toString();
    CompletableFuture<JsonNode> orders = invokeAsync("Orders", rendezvous);
    CompletableFuture<JsonNode> users = invokeAsync("Users", rendezvous);

    assertEquals("orders", orders.join().get("TABLE").asText());
    assertEquals(
        "orders", orders.join().get("all").asText(), "System.getenv() is the function's map too");
    assertEquals(
        "orders",
        orders.join().get("viaMethodReference").asText(),
        "System::getenv is rewritten as well");
    assertEquals("users", users.join().get("TABLE").asText());
    assertEquals("Orders", orders.join().get("function").asText());
    assertEquals(
        "users-fn", users.join().get("function").asText(), "FunctionName names the function");
  }

  @Test
  void functions_see_lambda_variables_and_not_the_developer_shell() throws Exception {
    JsonNode env = JSON.readTree(api.emulator().invoke("Orders", "{}").response());

    assertEquals("fixtures.EnvReader$Together", env.get("handler").asText());
    assertEquals("us-east-1", env.get("region").asText());
    assertEquals(
        "defaultkey", env.get("key").asText(), "fake credentials unless the user passes some");
    assertEquals("true", env.get("samLocal").asText());
    assertEquals(
        "from-file", env.get("override").asText(), "--env-vars overrides a declared variable");
    assertFalse(
        env.has("home"),
        "HOME is only in the developer's shell (null map values are not serialized)");
    assertEquals(
        "/usr/local/bin:/usr/bin/:/bin:/opt/bin",
        env.get("path").asText(),
        "Lambda's PATH, not the shell's");
    assertFalse(
        env.get("undeclaredSeen").asBoolean(),
        "variables the template does not declare never reach a function");
    assertTrue(api.logged("[Orders] printed by Orders"), "System.out is the invocation's log");
  }

  @Test
  void concurrent_requests_to_one_function_get_separate_environments() {
    String rendezvous = UUID.randomUUID().toString();
    CompletableFuture<JsonNode> first = invokeAsync("Users", rendezvous);
    CompletableFuture<JsonNode> second = invokeAsync("Users", rendezvous);

    assertNotEquals(
        first.join().get("environment").asInt(),
        second.join().get("environment").asInt(),
        "two cold starts, each with its own class loader and statics");
  }

  @Test
  void system_exit_fails_only_that_invocation_and_resets_the_environment() throws Exception {
    assertEquals("\"alive after 1\"", api.emulator().invoke("Exiter", "{}").response());
    assertEquals("\"alive after 2\"", api.emulator().invoke("Exiter", "{}").response());

    for (String how : new String[] {"exit", "runtime", "halt"}) {
      Invocation exited = api.emulator().invoke("Exiter", "{\"how\":\"" + how + "\"}");
      assertTrue(exited.failed());
      assertEquals("Runtime.ExitError", exited.error());
      JsonNode document = JSON.readTree(exited.response());
      assertEquals("Runtime.ExitError", document.get("errorType").asText());
      assertTrue(
          document
              .get("errorMessage")
              .asText()
              .matches("RequestId: [0-9a-f-]+ Error: Runtime exited with error: exit status \\d"));
    }

    assertEquals(
        "\"alive after 1\"",
        api.emulator().invoke("Exiter", "{}").response(),
        "a fresh environment after the exit");
  }

  @Test
  void a_function_uses_its_own_jackson_not_the_emulators() throws Exception {
    JsonNode answer = JSON.readTree(api.emulator().invoke("OwnJackson", "{}").response());

    assertEquals("2.15.4", answer.get("jackson").asText());
    assertNotEquals(PackageVersion.VERSION.toString(), answer.get("jackson").asText());
  }
}
