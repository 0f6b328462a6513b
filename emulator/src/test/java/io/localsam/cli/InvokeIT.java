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

/**
 * {@code java -jar emulator.jar invoke} and {@code generate-event} in a child process, piped as a
 * shell would pipe them.
 */
class InvokeIT {
  @TempDir Path folder;

  @BeforeEach
  void writeTemplate() {
    TestApi.writeTemplate(
        folder,
        """
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
          Records:
            Type: AWS::Serverless::Function
            Properties: {Handler: "fixtures.EventDigests::kinesis"}
        """);
  }

  private String generate(String... args) throws Exception {
    String[] command = new String[args.length + 1];
    command[0] = "generate-event";
    System.arraycopy(args, 0, command, 1, args.length);
    try (JarProcess generate = JarProcess.start(folder, command)) {
      assertEquals(0, generate.exitCode(), generate.stderr());
      return generate.stdout();
    }
  }

  /** {@code invoke FUNCTION -e -} with {@code event} on stdin; its stdout. */
  private String invoke(String function, String event) throws Exception {
    try (JarProcess invoke =
        JarProcess.start(
            folder, event.getBytes(StandardCharsets.UTF_8), "invoke", function, "-e", "-")) {
      assertEquals(0, invoke.exitCode(), invoke.stderr());
      return invoke.stdout();
    }
  }

  @Test
  void
      a_timeout_whose_handler_swallows_the_interrupt_prints_the_timeout_and_nothing_of_the_discarded_environment()
          throws Exception {
    try (JarProcess jar = JarProcess.start(folder, "invoke", "Swallows")) {
      assertEquals(0, jar.exitCode(), jar.stderr());
      assertTrue(
          jar.stdout().matches("(?s).*Task timed out after 1\\.\\d\\d seconds.*"), jar.stdout());
      assertFalse(jar.stderr().contains("NoClassDefFoundError"), jar.stderr());
      assertFalse(jar.stderr().contains("Exception in thread"), jar.stderr());
    }
  }

  @Test
  void the_event_comes_from_stdin_and_stdout_is_the_result_alone() throws Exception {
    byte[] event = "{\"x\": 1}".getBytes(StandardCharsets.UTF_8);

    try (JarProcess jar = JarProcess.start(folder, event, "invoke", "Chatty", "-e", "-")) {
      assertEquals(0, jar.exitCode(), jar.stderr());
      assertEquals(
          "{\"function\": \"Chatty\", \"arn\": \"arn:aws:lambda:us-east-1:123456789012:function:Chatty\", "
              + "\"event\": {\"x\": 1}, \"text\": \"h\u00e9llo w\u00f6rld\"}",
          jar.stdout());
      assertTrue(
          jar.stderr().contains("printed to stdout") && jar.stderr().contains("REPORT RequestId: "),
          jar.stderr());
    }
  }

  @Test
  void a_generated_event_piped_into_invoke_reaches_a_typed_handler_with_either_query_form()
      throws Exception {
    for (String query : new String[] {"name=sam", "{\"name\": \"sam\"}"}) {
      String event =
          generate(
              "apigateway",
              "aws-proxy",
              "--method",
              "GET",
              "--path",
              "hello",
              "--querystringparameters",
              query);

      String result = invoke("Hello", event);
      assertTrue(result.startsWith("{\"statusCode\": 200,"), result);
      assertTrue(result.contains("hello sam"), query + ": " + result);
    }
  }

  @Test
  void a_kinesis_batch_piped_into_invoke_reaches_a_handler_typed_KinesisEvent() throws Exception {
    String event =
        generate(
            "kinesis", "get-records", "--data", "order 42 shipped", "--partition-key", "orders");

    assertEquals("\"order 42 shipped|orders|1428537600000\"", invoke("Records", event));
  }

  @Test
  void a_query_in_neither_form_exits_1_with_one_line_and_prints_no_event() throws Exception {
    try (JarProcess generate =
        JarProcess.start(
            folder,
            "generate-event",
            "apigateway",
            "aws-proxy",
            "--querystringparameters",
            "{name: sam}")) {
      assertEquals(1, generate.exitCode());
      assertEquals("", generate.stdout());
      assertEquals(
          "Error: --querystringparameters takes a JSON object of names to values, like {\"foo\": \"bar\"},"
              + " or a query string, like foo=bar&x=1; not: {name: sam}",
          generate.stderr().strip());
    }
  }

  @Test
  void a_function_error_exits_0_and_an_unknown_function_exits_1() throws Exception {
    try (JarProcess failing = JarProcess.start(folder, "invoke", "Failing");
        JarProcess unknown = JarProcess.start(folder, "invoke", "Nope")) {
      assertEquals(0, failing.exitCode(), failing.stderr());
      assertTrue(
          failing.stdout().startsWith("{\"errorMessage\": \"outer boom\""), failing.stdout());

      assertEquals(1, unknown.exitCode());
      assertEquals("", unknown.stdout());
      assertTrue(
          unknown.stderr().startsWith("Error: Function Nope not found in template."),
          unknown.stderr());
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
