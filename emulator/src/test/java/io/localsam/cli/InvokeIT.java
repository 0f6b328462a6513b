package io.localsam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.localsam.testsupport.TestApi;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar emulator.jar invoke} and {@code generate-event} in a child process, piped as a shell would pipe them. */
class InvokeIT {
  @TempDir
  Path folder;

  @BeforeEach
  void writeTemplate() {
    TestApi.writeTemplate(folder, """
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function: {Runtime: java17, CodeUri: ${CODE}, Timeout: 10}
        Resources:
          Chatty:
            Type: AWS::Serverless::Function
            Properties: {Handler: fixtures.Chatty}
          Hello:
            Type: AWS::Serverless::Function
            Properties: {Handler: fixtures.Hello}
          Failing:
            Type: AWS::Serverless::Function
            Properties: {Handler: fixtures.Failing}
          Swallows:
            Type: AWS::Serverless::Function
            Properties: {Handler: fixtures.SwallowsTimeout, Timeout: 1}
        """);
  }

  @Test
  void a_timeout_whose_handler_swallows_the_interrupt_prints_the_timeout_and_nothing_of_the_discarded_environment()
      throws Exception {
    try (JarProcess jar = JarProcess.start(folder, "invoke", "Swallows")) {
      assertEquals(0, jar.exitCode(), jar.stderr());
      assertTrue(jar.stdout().matches("(?s).*Task timed out after 1\\.\\d\\d seconds.*"), jar.stdout());
      assertFalse(jar.stderr().contains("NoClassDefFoundError"), jar.stderr());
      assertFalse(jar.stderr().contains("Exception in thread"), jar.stderr());
    }
  }

  @Test
  void the_event_comes_from_stdin_and_stdout_is_the_result_alone() throws Exception {
    byte[] event = "{\"x\": 1}".getBytes(StandardCharsets.UTF_8);

    try (JarProcess jar = JarProcess.start(folder, event, "invoke", "Chatty", "-e", "-")) {
      assertEquals(0, jar.exitCode(), jar.stderr());
      assertEquals("{\"function\": \"Chatty\", \"arn\": \"arn:aws:lambda:us-east-1:123456789012:function:Chatty\", "
          + "\"event\": {\"x\": 1}, \"text\": \"h\u00e9llo w\u00f6rld\"}", jar.stdout());
      assertTrue(jar.stderr().contains("printed to stdout") && jar.stderr().contains("REPORT RequestId: "), jar.stderr());
    }
  }

  @Test
  void a_generated_event_piped_into_invoke_reaches_a_typed_handler() throws Exception {
    String event;
    try (JarProcess generate = JarProcess.start(folder, "generate-event", "apigateway", "aws-proxy",
        "--method", "GET", "--path", "hello", "--querystringparameters", "name=sam")) {
      assertEquals(0, generate.exitCode(), generate.stderr());
      event = generate.stdout();
    }

    try (JarProcess invoke = JarProcess.start(folder, event.getBytes(StandardCharsets.UTF_8), "invoke", "Hello", "-e", "-")) {
      assertEquals(0, invoke.exitCode(), invoke.stderr());
      assertTrue(invoke.stdout().startsWith("{\"statusCode\": 200,"), invoke.stdout());
      assertTrue(invoke.stdout().contains("hello sam"), invoke.stdout());
    }
  }

  @Test
  void a_function_error_exits_0_and_an_unknown_function_exits_1() throws Exception {
    try (JarProcess failing = JarProcess.start(folder, "invoke", "Failing");
        JarProcess unknown = JarProcess.start(folder, "invoke", "Nope")) {
      assertEquals(0, failing.exitCode(), failing.stderr());
      assertTrue(failing.stdout().startsWith("{\"errorMessage\": \"outer boom\""), failing.stdout());

      assertEquals(1, unknown.exitCode());
      assertEquals("", unknown.stdout());
      assertTrue(unknown.stderr().startsWith("Error: Function Nope not found in template."), unknown.stderr());
      assertFalse(unknown.stderr().contains("\tat "), "no stack trace: " + unknown.stderr());
    }
  }

  @Test
  void version_prints_and_exits_0() throws Exception {
    try (JarProcess jar = JarProcess.start(folder, "--version")) {
      assertEquals(0, jar.exitCode());
      assertTrue(jar.stdout().startsWith("LocalSAM "), jar.stdout());
    }
  }
}
