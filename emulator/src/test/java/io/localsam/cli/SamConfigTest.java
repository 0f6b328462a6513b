package io.localsam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.localsam.testsupport.TestApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * samconfig files as the CLI reads them: option defaults, parameter_overrides among them, that
 * flags on the command line beat.
 */
class SamConfigTest {
  @TempDir Path folder;

  @Test
  void values_beside_the_template_become_defaults_and_flags_win() throws Exception {
    Path template =
        TestApi.writeTemplate(
            folder,
            """
        Resources:
          Chatty:
            Type: AWS::Serverless::Function
            Properties: {Runtime: java17, CodeUri: ${CODE}, Handler: fixtures.Chatty}
        """);
    Files.writeString(folder.resolve("config-event.json"), "{\"from\":\"samconfig\"}");
    Files.writeString(folder.resolve("flag-event.json"), "{\"from\":\"flag\"}");
    Files.writeString(
        folder.resolve("samconfig.toml"),
        """
        version = 0.1
        [default.global.parameters]
        region = "eu-central-1"
        [default.local_invoke.parameters]
        event = "%s"
        region = "ap-southeast-2"
        """
            .formatted(folder.resolve("config-event.json").toString().replace("\\", "\\\\")));

    CliRun fromConfig = CliRun.of("invoke", "-t", template.toString());
    CliRun withFlags =
        CliRun.of(
            "invoke",
            "-t",
            template.toString(),
            "-e",
            folder.resolve("flag-event.json").toString(),
            "--region",
            "us-west-2");

    assertTrue(
        fromConfig.out().contains("arn:aws:lambda:ap-southeast-2:"),
        fromConfig.printed()); // the command's own table wins over global
    assertTrue(
        fromConfig.out().contains("\"event\": {\"from\": \"samconfig\"}"), fromConfig.printed());
    assertTrue(withFlags.out().contains("arn:aws:lambda:us-west-2:"), withFlags.printed());
    assertTrue(withFlags.out().contains("\"event\": {\"from\": \"flag\"}"), withFlags.printed());
  }

  @Test
  void config_env_chooses_the_environment_and_config_file_the_file() throws Exception {
    Path template =
        TestApi.writeTemplate(
            folder,
            """
        Resources:
          Chatty:
            Type: AWS::Serverless::Function
            Properties: {Runtime: java17, CodeUri: ${CODE}, Handler: fixtures.Chatty}
        """);
    Files.writeString(
        folder.resolve("other.toml"),
        """
        [staging.local_invoke.parameters]
        region = "sa-east-1"
        """);

    CliRun run =
        CliRun.of(
            "invoke",
            "-t",
            template.toString(),
            "--config-file",
            "other.toml",
            "--config-env",
            "staging");

    assertTrue(run.out().contains("arn:aws:lambda:sa-east-1:"), run.printed());
  }

  private static final String STAGED_TEMPLATE =
      """
      Parameters:
        Stage: {Type: String, Default: template}
      Resources:
        Env:
          Type: AWS::Serverless::Function
          Properties:
            Runtime: java17
            CodeUri: ${CODE}
            Handler: fixtures.EnvDump
            Environment: {Variables: {STAGE: !Ref Stage}}
      """;

  /** The STAGE variable the function saw, from the JSON body {@code invoke} printed. */
  private static String stage(CliRun run) {
    Matcher stage = Pattern.compile("\\\\\"STAGE\\\\\":\\\\\"([^\\\\]*)\\\\\"").matcher(run.out());
    assertTrue(stage.find(), run.printed());
    return stage.group(1);
  }

  @Test
  void parameter_overrides_come_from_the_commands_own_table_and_config_env_like_every_option()
      throws Exception {
    Path template = TestApi.writeTemplate(folder, STAGED_TEMPLATE);
    Files.writeString(
        folder.resolve("samconfig.toml"),
        """
        version = 0.1
        [default.global.parameters]
        parameter_overrides = "Stage=global"
        [default.deploy.parameters]
        parameter_overrides = "Stage=production"
        [default.local_invoke.parameters]
        parameter_overrides = "Stage=invoke"
        [staging.local_invoke.parameters]
        parameter_overrides = "Stage=staging"
        """);

    assertEquals(
        "invoke",
        stage(CliRun.of("invoke", "-t", template.toString())),
        "never the deploy table's value");
    assertEquals(
        "staging",
        stage(CliRun.of("invoke", "-t", template.toString(), "--config-env", "staging")));
    assertEquals(
        "flag",
        stage(
            CliRun.of("invoke", "-t", template.toString(), "--parameter-overrides", "Stage=flag")),
        "the flag replaces the file's value, as any option's");
  }

  @Test
  void samconfig_yaml_is_read_when_there_is_no_toml() throws Exception {
    Path template = TestApi.writeTemplate(folder, STAGED_TEMPLATE);
    Files.writeString(
        folder.resolve("samconfig.yaml"),
        """
        version: 0.1
        default:
          local_invoke:
            parameters:
              parameter_overrides: Stage=yaml
              region: eu-north-1
        """);

    CliRun run = CliRun.of("invoke", "-t", template.toString());

    assertEquals("yaml", stage(run));
    assertTrue(run.out().contains("eu-north-1"), run.printed());
  }

  @Test
  void a_config_file_that_is_not_there_is_a_warning_and_the_command_goes_on() throws Exception {
    Path template = TestApi.writeTemplate(folder, STAGED_TEMPLATE);

    CliRun run = CliRun.of("invoke", "-t", template.toString(), "--config-file", "missing.toml");

    assertEquals(0, run.exitCode(), run.printed());
    assertTrue(
        run.err()
            .contains(
                "Warning: config file missing.toml ("
                    + folder.resolve("missing.toml")
                    + ") does not exist;"
                    + " no option defaults are read from it."),
        run.printed());
    assertEquals("template", stage(run));
  }
}
