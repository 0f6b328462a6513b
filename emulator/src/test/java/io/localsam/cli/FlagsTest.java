package io.localsam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.localsam.config.ParameterOverrides;
import io.localsam.testsupport.TestApi;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
    InvokeCommand invoke =
        parse(InvokeCommand.class, "invoke", "HelloFunction", "-t", "app/template.yaml");

    assertEquals("HelloFunction", invoke.function);
    assertEquals(Path.of("app/template.yaml"), invoke.template.template);
  }

  @Test
  void template_has_sams_three_names() {
    for (String flag : List.of("-t", "--template", "--template-file")) {
      assertEquals(
          Path.of("x.yaml"),
          parse(InvokeCommand.class, "invoke", flag, "x.yaml").template.template,
          flag);
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
    assertEquals(
        Path.of("env.json"),
        parse(InvokeCommand.class, "invoke", "-n", "env.json").template.envVars);
    assertEquals(
        Path.of("env.json"),
        parse(StartLambdaCommand.class, "start-lambda", "--env-vars", "env.json").template.envVars);
  }

  @Test
  void parameter_overrides_take_both_of_sams_forms() {
    TemplateFileOptions options =
        parse(
                InvokeCommand.class,
                "invoke",
                "--parameter-overrides",
                "Stage=dev",
                "ParameterKey=Table,ParameterValue=orders")
            .template;

    assertEquals(
        Map.of("Stage", "dev", "Table", "orders"),
        ParameterOverrides.parse(options.parameterOverrides));
  }

  @Test
  void region_defaults_to_sams_local_region() {
    assertEquals("us-east-1", parse(InvokeCommand.class, "invoke").template.region);
    assertEquals(
        "eu-west-1",
        parse(StartLambdaCommand.class, "start-lambda", "--region", "eu-west-1").template.region);
  }

  @Test
  void log_file_has_the_short_form_l() {
    assertEquals(
        Path.of("out.log"), parse(InvokeCommand.class, "invoke", "-l", "out.log").output.logFile);
    assertEquals(
        Path.of("out.log"),
        parse(StartApiCommand.class, "start-api", "--log-file", "out.log").output.logFile);
  }

  @Test
  void static_dir_has_the_short_form_s() {
    assertEquals(Path.of("web"), parse(StartApiCommand.class, "start-api", "-s", "web").staticDir);
    assertNull(
        parse(StartApiCommand.class, "start-api").staticDir,
        "default: public beside the template, when it exists");
  }

  @Test
  void debug_is_a_switch() {
    assertTrue(parse(StartLambdaCommand.class, "start-lambda", "--debug").output.debug);
  }

  @Test
  void config_file_and_env_are_accepted() {
    InvokeCommand invoke =
        parse(InvokeCommand.class, "invoke", "--config-file", "other.toml", "--config-env", "dev");

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
    StartLambdaCommand lambda =
        parse(StartLambdaCommand.class, "start-lambda", "-p", "4001", "--host", "0.0.0.0");

    assertEquals(4001, lambda.port);
    assertEquals("0.0.0.0", lambda.server.host);
  }

  @Test
  void warm_containers_takes_eager_or_lazy_in_any_case() {
    assertEquals(
        WarmContainers.EAGER,
        parse(StartLambdaCommand.class, "start-lambda", "--warm-containers", "eager")
            .server
            .warmContainers);
    assertEquals(
        WarmContainers.LAZY,
        parse(StartApiCommand.class, "start-api", "--warm-containers", "LAZY")
            .server
            .warmContainers);
  }

  @Test
  void start_api_takes_the_template_as_its_argument() {
    assertEquals(
        Path.of("template.yml"),
        parse(StartApiCommand.class, "start-api", "template.yml").template.positionalTemplate);
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
  void a_repeated_option_keeps_its_last_value_as_sam_does() {
    assertEquals(
        3001, parse(StartApiCommand.class, "start-api", "-p", "3000", "--port", "3001").port);
    InvokeCommand invoke =
        parse(
            InvokeCommand.class,
            "invoke",
            "--region",
            "eu-west-1",
            "--region",
            "eu-west-2",
            "-t",
            "a.yaml",
            "-t",
            "b.yaml",
            "-e",
            "one.json",
            "-e",
            "two.json");
    assertEquals("eu-west-2", invoke.template.region);
    assertEquals(Path.of("b.yaml"), invoke.template.template);
    assertEquals("two.json", invoke.event);
  }

  private static final String CHATTY =
      """
      Resources:
        Chatty:
          Type: AWS::Serverless::Function
          Properties: {Runtime: java17, CodeUri: ${CODE}, Handler: fixtures.Chatty}
      """;

  @Test
  void sams_container_and_terraform_flags_are_accepted_each_with_a_note(@TempDir Path folder) {
    Path template = TestApi.writeTemplate(folder, CHATTY);
    List<String> flags =
        List.of(
            "--container-dns",
            "-ii",
            "--no-mount-symlinks",
            "--debugger-path",
            "--debug-args",
            "--no-memory-limit",
            "--save-params",
            "--hook-name",
            "--skip-prepare-infra",
            "--prepare-infra",
            "--terraform-plan-file",
            "--language-extensions");

    CliRun run =
        CliRun.of(
            "invoke",
            "-t",
            template.toString(),
            "--container-dns",
            "1.1.1.1",
            "-ii",
            "Chatty=img",
            "--no-mount-symlinks",
            "--debugger-path",
            "/dbg",
            "--debug-args",
            "-Xmx1g",
            "--no-memory-limit",
            "--save-params",
            "--hook-name",
            "terraform",
            "--skip-prepare-infra",
            "--prepare-infra",
            "--terraform-plan-file",
            "plan.json",
            "--language-extensions",
            "--tenant-id",
            "blue",
            "--durable-execution-name",
            "run-1");

    assertEquals(0, run.exitCode(), run.printed());
    for (String flag : flags) {
      assertTrue(
          run.err()
              .contains(
                  "Note: " + (flag.equals("-ii") ? "--invoke-image" : flag) + " has no effect: "),
          flag + "\n" + run.printed());
    }
    assertTrue(
        run.err().contains("Note: --tenant-id has no effect: TenancyConfig is not emulated"),
        run.printed());
    assertTrue(run.err().contains("Note: --durable-execution-name has no effect"), run.printed());
  }

  @Test
  void invoke_runs_the_function_on_the_runtime_given_with_r(@TempDir Path folder) {
    Path template = TestApi.writeTemplate(folder, CHATTY);

    CliRun java21 = CliRun.of("invoke", "-t", template.toString(), "-r", "java21");
    CliRun node = CliRun.of("invoke", "-t", template.toString(), "--runtime", "nodejs20.x");

    assertEquals(0, java21.exitCode(), java21.printed());
    assertTrue(java21.err().contains("Invoking fixtures.Chatty (java21)"), java21.printed());
    assertEquals(1, node.exitCode(), node.printed());
    assertTrue(node.err().contains("--runtime nodejs20.x cannot run here"), node.printed());
  }

  @Test
  void sam_template_file_and_sam_debug_come_from_the_environment_as_in_sam(@TempDir Path folder) {
    Path template = TestApi.writeTemplate(folder, CHATTY);
    Map<String, String> shell =
        Map.of("SAM_TEMPLATE_FILE", template.toString(), "SAM_DEBUG", "true");

    CliRun fromEnvironment = CliRun.withEnvironment(shell, "invoke");
    CliRun flagWins =
        CliRun.withEnvironment(
            Map.of("SAM_TEMPLATE_FILE", folder.resolve("missing.yaml").toString()),
            "invoke",
            "-t",
            template.toString());

    assertEquals(0, fromEnvironment.exitCode(), fromEnvironment.printed());
    assertTrue(
        fromEnvironment.err().contains("Using SAM template at " + template),
        "SAM_DEBUG turns on --debug: " + fromEnvironment.printed());
    assertEquals(0, flagWins.exitCode(), flagWins.printed());
  }

  @Test
  void region_comes_from_the_aws_environment_and_profile_when_not_given(@TempDir Path folder)
      throws Exception {
    Path template = TestApi.writeTemplate(folder, CHATTY);
    Path config =
        Files.writeString(
            folder.resolve("aws-config"),
            """
        [default]
        region = eu-central-1
        [profile dev]
        output = json
        region = sa-east-1
        s3 =
          region = not-this-one
        """);
    Map<String, String> shell = new HashMap<>(CliRun.hermetic());
    shell.put("AWS_CONFIG_FILE", config.toString());

    assertEquals(
        "eu-central-1",
        region(CliRun.withEnvironment(shell, "invoke", "-t", template.toString())),
        "the default profile");
    assertEquals(
        "sa-east-1",
        region(
            CliRun.withEnvironment(
                shell, "invoke", "-t", template.toString(), "--profile", "dev")));
    shell.put("AWS_PROFILE", "dev");
    assertEquals(
        "sa-east-1", region(CliRun.withEnvironment(shell, "invoke", "-t", template.toString())));
    shell.put("AWS_REGION", "ap-south-1");
    assertEquals(
        "ap-south-1", region(CliRun.withEnvironment(shell, "invoke", "-t", template.toString())));
    shell.put("AWS_DEFAULT_REGION", "eu-west-3");
    assertEquals(
        "eu-west-3", region(CliRun.withEnvironment(shell, "invoke", "-t", template.toString())));
    Files.writeString(
        folder.resolve("samconfig.toml"),
        "[default.local_invoke.parameters]\nregion = \"us-west-1\"\n");
    assertEquals(
        "us-west-1",
        region(CliRun.withEnvironment(shell, "invoke", "-t", template.toString())),
        "samconfig first");
    assertEquals(
        "ca-central-1",
        region(
            CliRun.withEnvironment(
                shell, "invoke", "-t", template.toString(), "--region", "ca-central-1")));
    assertEquals(
        "us-east-1",
        region(CliRun.of("invoke", "-t", template.toString(), "--config-file", "none.toml")),
        "nothing set anywhere: SAM's us-east-1");
  }

  /** The region in the ARN Chatty reports. */
  private static String region(CliRun run) {
    Matcher arn = Pattern.compile("arn:aws:lambda:([a-z0-9-]+):").matcher(run.out());
    assertTrue(arn.find(), run.printed());
    return arn.group(1);
  }

  @Test
  void an_unknown_flag_is_a_usage_error() {
    CliRun run = CliRun.of("invoke", "--no-such-flag");

    assertEquals(2, run.exitCode(), run.printed());
    assertTrue(run.err().startsWith("Unknown option: '--no-such-flag'"), run.printed());
  }
}
