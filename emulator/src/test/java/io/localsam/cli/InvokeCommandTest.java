package io.localsam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.localsam.testsupport.TestApi;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code invoke} as a user runs it: what goes to stdout and stderr, and the exit codes (README,
 * `invoke`).
 */
class InvokeCommandTest {
  @TempDir Path folder;

  Path template;

  @BeforeEach
  void writeTemplate() {
    template =
        TestApi.writeTemplate(
            folder,
            """
        Transform: AWS::Serverless-2016-10-31
        Parameters:
          ChattyName: {Type: String, Default: chatty-function}
        Globals:
          Function: {Runtime: java17, CodeUri: ${CODE}, Timeout: 5}
        Resources:
          Chatty:
            Type: AWS::Serverless::Function
            Properties: {Handler: fixtures.Chatty, FunctionName: !Ref ChattyName}
          Failing:
            Type: AWS::Serverless::Function
            Properties: {Handler: fixtures.Failing}
          Slow:
            Type: AWS::Serverless::Function
            Properties: {Handler: fixtures.Sleepy, Timeout: 1}
          Reply:
            Type: AWS::Serverless::Function
            Properties: {Handler: "fixtures.Reply::handle"}
          Inline:
            Type: AWS::Serverless::Function
            Properties: {Handler: index.handler, InlineCode: "exports.handler = () => 1"}
        """);
  }

  @Test
  void prints_only_the_result_on_stdout_as_sam_prints_it() {
    CliRun run = CliRun.of("invoke", "Chatty", "-t", template.toString());

    assertEquals(0, run.exitCode(), run.printed());
    assertEquals(
        "{\"function\": \"chatty-function\", \"arn\": \"arn:aws:lambda:us-east-1:123456789012:function:chatty-function\", "
            + "\"event\": {}, \"text\": \"h\u00e9llo w\u00f6rld\"}",
        run.out());
  }

  @Test
  void platform_lines_and_everything_the_function_prints_go_to_stderr() {
    CliRun run = CliRun.of("invoke", "Chatty", "-t", template.toString());

    for (String line :
        new String[] {
          "Invoking fixtures.Chatty (java17)",
          "START RequestId: ",
          "END RequestId: ",
          "REPORT RequestId: ",
          "printed to stdout",
          "printed to stderr",
          "logged through LambdaLogger"
        }) {
      assertTrue(run.err().contains(line), line + " missing: " + run.printed());
    }
    assertFalse(run.out().contains("printed"), run.printed());
  }

  @Test
  void a_function_error_exits_0_with_the_error_document_on_stdout_and_the_trace_on_stderr() {
    CliRun run = CliRun.of("invoke", "Failing", "-t", template.toString());

    assertEquals(0, run.exitCode(), run.printed());
    assertTrue(
        run.out()
            .startsWith(
                "{\"errorMessage\": \"outer boom\", \"errorType\": \"java.lang.IllegalStateException\", \"stackTrace\": ["),
        run.printed());
    assertTrue(run.err().contains("Caused by: java.io.IOException: inner cause"), run.printed());
  }

  @Test
  void a_timeout_exits_0_with_lambdas_timeout_error() {
    CliRun run = CliRun.of("invoke", "Slow", "-t", template.toString());

    assertEquals(0, run.exitCode(), run.printed());
    assertTrue(
        run.out()
            .matches(
                "\\{\"errorType\": \"Sandbox.Timedout\", \"errorMessage\": \"RequestId: [0-9a-f-]+ Error: "
                    + "Task timed out after 1\\.\\d\\d seconds\"}"),
        run.printed());
  }

  @Test
  void the_function_may_be_named_by_function_name_or_arn_with_a_qualifier() {
    CliRun byName = CliRun.of("invoke", "chatty-function", "-t", template.toString());
    CliRun byArn =
        CliRun.of(
            "invoke",
            "arn:aws:lambda:us-east-1:123456789012:function:chatty-function:$LATEST",
            "-t",
            template.toString());

    assertTrue(byName.out().startsWith("{\"function\": \"chatty-function\""), byName.printed());
    assertTrue(byArn.out().startsWith("{\"function\": \"chatty-function\""), byArn.printed());
  }

  @Test
  void an_unknown_function_is_one_error_line_and_exit_code_1() {
    CliRun run = CliRun.of("invoke", "Nope", "-t", template.toString());

    assertEquals(1, run.exitCode(), run.printed());
    assertEquals("", run.out());
    assertTrue(
        run.err()
            .startsWith(
                "Error: Function Nope not found in template. Possible options in your template: ['Chatty', "),
        run.printed());
    assertFalse(run.err().strip().contains("\n"), "one line: " + run.printed());
  }

  @Test
  void the_function_must_be_named_when_the_template_has_several() {
    CliRun run = CliRun.of("invoke", "-t", template.toString());

    assertEquals(1, run.exitCode(), run.printed());
    assertTrue(
        run.err()
            .startsWith(
                "Error: You must provide a function logical ID when there are more than one functions in your "
                    + "template. Possible options in your template: ['Chatty', 'Failing', 'Slow', 'Reply', 'Inline']"),
        run.printed());
  }

  @Test
  void the_only_function_runs_when_none_is_named() throws Exception {
    Path single =
        TestApi.writeTemplate(
            Files.createDirectories(folder.resolve("single")),
            """
        Resources:
          Only:
            Type: AWS::Serverless::Function
            Properties: {Runtime: java17, CodeUri: ${CODE}, Handler: fixtures.Chatty}
        """);

    CliRun run = CliRun.of("invoke", "-t", single.toString());

    assertEquals(0, run.exitCode(), run.printed());
    assertTrue(run.out().startsWith("{\"function\": \"Only\""), run.printed());
  }

  @Test
  void the_event_comes_from_the_file_given_with_e() throws Exception {
    Path event =
        Files.writeString(folder.resolve("event.json"), "{\"name\":\"from a file\",\"n\":[1,2.5]}");

    CliRun run = CliRun.of("invoke", "Chatty", "-e", event.toString(), "-t", template.toString());

    assertTrue(
        run.out().contains("\"event\": {\"name\": \"from a file\", \"n\": [1, 2.5]}"),
        run.printed());
  }

  @Test
  void numbers_print_as_pythons_json_dumps_prints_them() throws Exception {
    // Chatty hands the event back through Jackson, which writes doubles as Java does: 1.0E20,
    // 1.0E-5
    Path event =
        Files.writeString(
            folder.resolve("numbers.json"),
            "{\"big\":1e20,\"price\":100.50,\"negativeZero\":-0.0,\"small\":0.00001,\"tiny\":0.0001,\"wide\":1e15,"
                + "\"wider\":1e16,\"exact\":12345678901234567890,\"pi\":-3.14159}");

    CliRun run = CliRun.of("invoke", "Chatty", "-e", event.toString(), "-t", template.toString());

    assertTrue(
        run.out()
            .contains(
                "\"event\": {\"big\": 1e+20, \"price\": 100.5, \"negativeZero\": -0.0, \"small\": 1e-05, "
                    + "\"tiny\": 0.0001, \"wide\": 1000000000000000.0, \"wider\": 1e+16, \"exact\": 12345678901234567890, \"pi\": -3.14159}"),
        run.printed());
  }

  @Test
  void a_missing_event_file_is_a_user_error() {
    CliRun run =
        CliRun.of(
            "invoke",
            "Chatty",
            "-e",
            folder.resolve("missing.json").toString(),
            "-t",
            template.toString());

    assertEquals(1, run.exitCode(), run.printed());
    assertTrue(run.err().startsWith("Error: Invalid value for '--event' / '-e': "), run.printed());
    assertTrue(run.err().contains("No such file or directory"), run.printed());
  }

  @Test
  void a_string_result_prints_quoted_and_a_non_json_result_prints_as_it_is() throws Exception {
    Path string =
        Files.writeString(folder.resolve("string.json"), "{\"body\":\"\\\"Hello world\\\"\"}");
    Path raw = Files.writeString(folder.resolve("raw.json"), "{\"body\":\"not json\"}");

    assertEquals(
        "\"Hello world\"",
        CliRun.of("invoke", "Reply", "-e", string.toString(), "-t", template.toString()).out());
    assertEquals(
        "not json",
        CliRun.of("invoke", "Reply", "-e", raw.toString(), "-t", template.toString()).out());
  }

  @Test
  void log_file_is_started_anew_and_takes_the_logs_and_the_result_as_in_sam() throws Exception {
    Path log = Files.writeString(folder.resolve("function.log"), "a previous run's lines\n");

    CliRun run =
        CliRun.of("invoke", "Chatty", "--log-file", log.toString(), "-t", template.toString());

    String logged = Files.readString(log);
    assertTrue(
        logged.contains("START RequestId: ")
            && logged.contains("printed to stdout")
            && logged.contains("REPORT RequestId: "),
        logged);
    assertTrue(logged.contains("{\"function\": \"chatty-function\""), "the result too: " + logged);
    assertFalse(
        logged.contains("a previous run's lines"), "truncated, as SAM CLI opens it with \"w\"");
    assertFalse(run.err().contains("START RequestId"), run.printed());
    assertEquals("", run.out(), run.printed());
  }

  @Test
  void parameter_overrides_and_region_reach_the_template() {
    CliRun run =
        CliRun.of(
            "invoke",
            "Chatty",
            "-t",
            template.toString(),
            "--region",
            "eu-west-1",
            "--parameter-overrides",
            "ChattyName=renamed");

    assertTrue(
        run.out()
            .startsWith(
                "{\"function\": \"renamed\", \"arn\": \"arn:aws:lambda:eu-west-1:123456789012:function:renamed\""),
        run.printed());
  }

  @Test
  void a_bad_env_vars_file_is_a_user_error() throws Exception {
    Path env = Files.writeString(folder.resolve("env.json"), "{\"Parameters\": \"not an object\"}");

    CliRun run = CliRun.of("invoke", "Chatty", "-n", env.toString(), "-t", template.toString());

    assertEquals(1, run.exitCode(), run.printed());
    assertTrue(run.err().startsWith("Error: --env-vars file "), run.printed());
  }

  @Test
  void inline_code_cannot_be_invoked() {
    CliRun run = CliRun.of("invoke", "Inline", "-t", template.toString());

    assertEquals(1, run.exitCode(), run.printed());
    assertEquals(
        "Error: Inline code is not supported for sam local commands. Please write your code in a separate file.",
        run.err().lines().filter(line -> line.startsWith("Error:")).findFirst().orElse(run.err()));
  }

  @Test
  void debug_adds_a_stack_trace_to_an_error() {
    CliRun quiet = CliRun.of("invoke", "Nope", "-t", template.toString());
    CliRun debug = CliRun.of("invoke", "Nope", "--debug", "-t", template.toString());

    assertFalse(quiet.err().contains("\tat "), quiet.printed());
    assertTrue(
        debug.err().contains("io.localsam.error.LocalSamException: Function Nope not found"),
        debug.printed());
    assertTrue(debug.err().contains("| Using SAM template at "), debug.printed());
  }

  @Test
  void docker_only_flags_are_accepted_with_a_note() {
    CliRun run =
        CliRun.of(
            "invoke",
            "Chatty",
            "--skip-pull-image",
            "--docker-network",
            "host",
            "-t",
            template.toString());

    assertEquals(0, run.exitCode(), run.printed());
    assertTrue(
        run.err()
            .contains(
                "Note: --skip-pull-image has no effect: LocalSAM runs functions in-process, without Docker."),
        run.printed());
  }

  @Test
  void a_function_made_by_fn_for_each_is_invoked_and_sam_clis_language_extensions_flag_is_noted()
      throws Exception {
    Path looped =
        TestApi.writeTemplate(
            Files.createDirectories(folder.resolve("looped")),
            """
        Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]
        Resources:
          Fn::ForEach::Functions:
            - Name
            - [One, Two]
            - ${Name}Function:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: ${CODE}
                  Handler: fixtures.EnvDump
                  Runtime: java17
                  Environment: {Variables: {WHICH: !Ref Name}}
        """);

    CliRun run =
        CliRun.of("invoke", "TwoFunction", "--language-extensions", "-t", looped.toString());

    assertEquals(0, run.exitCode(), run.printed());
    assertTrue(run.out().contains("WHICH\\\":\\\"Two"), run.printed());
    assertTrue(
        run.err()
            .contains(
                "Note: --language-extensions has no effect: LocalSAM expands AWS::LanguageExtensions"),
        run.printed());
  }
}
