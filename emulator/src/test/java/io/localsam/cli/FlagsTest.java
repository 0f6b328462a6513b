package io.localsam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.localsam.template.ParameterOverrides;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParseResult;

/** One test per flag: each SAM CLI flag lands where the command reads it (STYLE item 7). */
class FlagsTest {
  private static final PrintWriter SILENT = new PrintWriter(Writer.nullWriter());

  private static <T> T parse(Class<T> command, String... args) {
    ParseResult parsed = LocalSamCommand.commandLine(SILENT, SILENT).parseArgs(args);
    return command.cast(parsed.subcommand().commandSpec().userObject());
  }

  @Test
  void invoke_takes_the_function_as_its_argument_and_the_template_only_as_an_option() {
    InvokeCommand invoke = parse(InvokeCommand.class, "invoke", "HelloFunction", "-t", "app/template.yaml");

    assertEquals("HelloFunction", invoke.function);
    assertEquals(Path.of("app/template.yaml"), invoke.template.template);
  }

  @Test
  void template_has_sams_three_names() {
    for (String flag : List.of("-t", "--template", "--template-file")) {
      assertEquals(Path.of("x.yaml"), parse(InvokeCommand.class, "invoke", flag, "x.yaml").template.template, flag);
    }
  }

  @Test
  void event_is_a_file_or_stdin() {
    assertEquals("event.json", parse(InvokeCommand.class, "invoke", "-e", "event.json").event);
    assertEquals("-", parse(InvokeCommand.class, "invoke", "--event", "-").event);
    assertNull(parse(InvokeCommand.class, "invoke").event);
    assertTrue(parse(InvokeCommand.class, "invoke", "--no-event").noEvent);
  }

  @Test
  void env_vars_has_the_short_form_n() {
    assertEquals(Path.of("env.json"), parse(InvokeCommand.class, "invoke", "-n", "env.json").template.envVars);
    assertEquals(Path.of("env.json"), parse(StartLambdaCommand.class, "start-lambda", "--env-vars", "env.json").template.envVars);
  }

  @Test
  void parameter_overrides_take_both_of_sams_forms() {
    TemplateFileOptions options = parse(InvokeCommand.class, "invoke",
        "--parameter-overrides", "Stage=dev", "ParameterKey=Table,ParameterValue=orders").template;

    assertEquals(Map.of("Stage", "dev", "Table", "orders"), ParameterOverrides.parse(options.parameterOverrides));
  }

  @Test
  void region_defaults_to_sams_local_region() {
    assertEquals("us-east-1", parse(InvokeCommand.class, "invoke").template.region);
    assertEquals("eu-west-1", parse(StartLambdaCommand.class, "start-lambda", "--region", "eu-west-1").template.region);
  }

  @Test
  void log_file_has_the_short_form_l() {
    assertEquals(Path.of("out.log"), parse(InvokeCommand.class, "invoke", "-l", "out.log").output.logFile);
    assertEquals(Path.of("out.log"), parse(StartApiCommand.class, "start-api", "--log-file", "out.log").output.logFile);
  }

  @Test
  void static_dir_has_the_short_form_s() {
    assertEquals(Path.of("web"), parse(StartApiCommand.class, "start-api", "-s", "web").staticDir);
    assertNull(parse(StartApiCommand.class, "start-api").staticDir, "default: public beside the template, when it exists");
  }

  @Test
  void debug_is_a_switch() {
    assertTrue(parse(StartLambdaCommand.class, "start-lambda", "--debug").output.debug);
  }

  @Test
  void config_file_and_env_are_accepted() {
    InvokeCommand invoke = parse(InvokeCommand.class, "invoke", "--config-file", "other.toml", "--config-env", "dev");

    assertEquals("other.toml", invoke.template.configFile);
    assertEquals("dev", invoke.template.configEnv);
  }

  @Test
  void start_lambda_listens_on_3001_and_start_api_on_3000_both_on_localhost() {
    StartLambdaCommand lambda = parse(StartLambdaCommand.class, "start-lambda");
    StartApiCommand api = parse(StartApiCommand.class, "start-api");

    assertEquals(3001, lambda.port);
    assertEquals(3000, api.port);
    assertEquals("127.0.0.1", lambda.server.host);
    assertEquals("127.0.0.1", api.server.host);
  }

  @Test
  void port_and_host_are_options() {
    StartLambdaCommand lambda = parse(StartLambdaCommand.class, "start-lambda", "-p", "4001", "--host", "0.0.0.0");

    assertEquals(4001, lambda.port);
    assertEquals("0.0.0.0", lambda.server.host);
  }

  @Test
  void warm_containers_takes_eager_or_lazy_in_any_case() {
    assertEquals(WarmContainers.EAGER, parse(StartLambdaCommand.class, "start-lambda", "--warm-containers", "eager").server.warmContainers);
    assertEquals(WarmContainers.LAZY, parse(StartApiCommand.class, "start-api", "--warm-containers", "LAZY").server.warmContainers);
  }

  @Test
  void start_api_takes_the_template_as_its_argument() {
    assertEquals(Path.of("template.yml"), parse(StartApiCommand.class, "start-api", "template.yml").template.positionalTemplate);
  }

  @Test
  void version_is_printed_at_every_level() {
    CliRun top = CliRun.of("--version");
    CliRun invoke = CliRun.of("invoke", "--version");

    assertEquals(0, top.exitCode());
    assertTrue(top.out().matches("LocalSAM \\d+\\.\\d+\\.\\d+.*\\R"), top.printed());
    assertEquals(top.out(), invoke.out());
  }

  @Test
  void an_unknown_flag_is_a_usage_error() {
    CliRun run = CliRun.of("invoke", "--no-such-flag");

    assertEquals(2, run.exitCode(), run.printed());
    assertTrue(run.err().startsWith("Unknown option: '--no-such-flag'"), run.printed());
  }
}
