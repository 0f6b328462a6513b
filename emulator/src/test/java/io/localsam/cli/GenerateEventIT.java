package io.localsam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.localsam.testsupport.TestApi;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar emulator.jar generate-event ... | java -jar emulator.jar invoke FN -e -}, as a shell pipes them. */
class GenerateEventIT {
  @TempDir
  Path folder;

  @BeforeEach
  void writeTemplate() {
    TestApi.writeTemplate(folder, """
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function: {Runtime: java17, CodeUri: ${CODE}, Timeout: 10}
        Resources:
          Records:
            Type: AWS::Serverless::Function
            Properties: {Handler: "fixtures.EventDigests::kinesis"}
          Hello:
            Type: AWS::Serverless::Function
            Properties: {Handler: fixtures.Hello}
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

  private String invoke(String function, String event) throws Exception {
    try (JarProcess invoke = JarProcess.start(folder, event.getBytes(StandardCharsets.UTF_8), "invoke", function, "-e", "-")) {
      assertEquals(0, invoke.exitCode(), invoke.stderr());
      return invoke.stdout();
    }
  }

  @Test
  void a_kinesis_batch_piped_into_invoke_reaches_a_handler_typed_KinesisEvent() throws Exception {
    String event = generate("kinesis", "get-records", "--data", "order 42 shipped", "--partition-key", "orders");

    assertEquals("\"order 42 shipped|orders|1428537600000\"", invoke("Records", event));
  }

  @Test
  void a_proxy_event_with_sams_json_query_parameters_reaches_the_handler() throws Exception {
    String event = generate("apigateway", "aws-proxy", "--method", "GET", "--path", "hello",
        "--querystringparameters", "{\"name\": \"sam\"}");

    String result = invoke("Hello", event);
    assertTrue(result.startsWith("{\"statusCode\": 200,"), result);
    assertTrue(result.contains("hello sam"), result);
  }

  @Test
  void a_query_that_is_neither_form_exits_1_with_one_line_and_prints_no_event() throws Exception {
    try (JarProcess generate = JarProcess.start(folder, "generate-event", "apigateway", "aws-proxy",
        "--querystringparameters", "{name: sam}")) {
      assertEquals(1, generate.exitCode());
      assertEquals("", generate.stdout());
      assertEquals("Error: --querystringparameters takes a JSON object of names to values, like {\"foo\": \"bar\"},"
          + " or a query string, like foo=bar&x=1; not: {name: sam}", generate.stderr().strip());
    }
  }
}
