package io.localsam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.localsam.LocalSamException;
import io.localsam.testsupport.TestApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** samconfig.toml: the TOML SAM writes, and its values as option defaults that flags on the command line beat. */
class SamConfigTest {
  @TempDir
  Path folder;

  @Test
  void reads_the_file_sam_writes() {
    SamConfig config = SamConfig.parse(Path.of("samconfig.toml"), """
        # More information about the configuration file can be found here:
        version = 0.1

        [default.global.parameters]
        stack_name = "sam-app"   # a comment after a value

        [default.local_start_api.parameters]
        warm_containers = "EAGER"
        port = 3005
        debug = true
        parameter_overrides = ["Stage=dev", 'Table=orders']
        env_vars = 'env "local".json'

        [prod.local_start_api.parameters]
        port = 4000
        """);

    assertEquals(Map.of("stack_name", "sam-app", "warm_containers", "EAGER", "port", "3005", "debug", "true",
        "parameter_overrides", "Stage=dev Table=orders", "env_vars", "env \"local\".json"),
        config.parameters("default", "local_start_api"));
    assertEquals(Map.of("port", "4000"), config.parameters("prod", "local_start_api"));
    assertEquals(Map.of("stack_name", "sam-app"), config.parameters("default", "local_invoke"));
  }

  @Test
  void reads_arrays_over_several_lines_and_escapes() {
    SamConfig config = SamConfig.parse(Path.of("samconfig.toml"), """
        [default.local_invoke.parameters]
        parameter_overrides = [
          "A=1",  # first
          "B=\\"two\\"",
        ]
        "quoted key" = "tab\\there"
        """);

    assertEquals(Map.of("parameter_overrides", "A=1 B=\"two\"", "quoted key", "tab\there"), config.parameters("default", "local_invoke"));
  }

  @Test
  void reads_multi_line_strings_as_parameter_overrides_are_read() {
    SamConfig config = SamConfig.parse(Path.of("samconfig.toml"), """
        [default.local_invoke.parameters]
        parameter_overrides = \"\"\"
        A=1 \\
        B=2\"\"\"
        """);

    assertEquals(Map.of("parameter_overrides", "A=1 B=2"), config.parameters("default", "local_invoke"));
  }

  @Test
  void what_it_cannot_read_is_an_error_naming_file_and_line() {
    LocalSamException error = assertThrows(LocalSamException.class,
        () -> SamConfig.parse(Path.of("samconfig.toml"), "[default.local_invoke.parameters]\nport = three\n"));

    assertTrue(error.getMessage().startsWith("samconfig.toml:2: cannot read the value 'three'"), error.getMessage());
  }

  @Test
  void values_beside_the_template_become_defaults_and_flags_win() throws Exception {
    Path template = TestApi.writeTemplate(folder, """
        Resources:
          Chatty:
            Type: AWS::Serverless::Function
            Properties: {Runtime: java17, CodeUri: ${CODE}, Handler: fixtures.Chatty}
        """);
    Files.writeString(folder.resolve("config-event.json"), "{\"from\":\"samconfig\"}");
    Files.writeString(folder.resolve("flag-event.json"), "{\"from\":\"flag\"}");
    Files.writeString(folder.resolve("samconfig.toml"), """
        version = 0.1
        [default.global.parameters]
        region = "eu-central-1"
        [default.local_invoke.parameters]
        event = "%s"
        region = "ap-southeast-2"
        """.formatted(folder.resolve("config-event.json").toString().replace("\\", "\\\\")));

    CliRun fromConfig = CliRun.of("invoke", "-t", template.toString());
    CliRun withFlags = CliRun.of("invoke", "-t", template.toString(), "-e", folder.resolve("flag-event.json").toString(),
        "--region", "us-west-2");

    assertTrue(fromConfig.out().contains("arn:aws:lambda:ap-southeast-2:"), fromConfig.printed()); // the command's own table wins over global
    assertTrue(fromConfig.out().contains("\"event\": {\"from\": \"samconfig\"}"), fromConfig.printed());
    assertTrue(withFlags.out().contains("arn:aws:lambda:us-west-2:"), withFlags.printed());
    assertTrue(withFlags.out().contains("\"event\": {\"from\": \"flag\"}"), withFlags.printed());
  }

  @Test
  void config_env_chooses_the_environment_and_config_file_the_file() throws Exception {
    Path template = TestApi.writeTemplate(folder, """
        Resources:
          Chatty:
            Type: AWS::Serverless::Function
            Properties: {Runtime: java17, CodeUri: ${CODE}, Handler: fixtures.Chatty}
        """);
    Files.writeString(folder.resolve("other.toml"), """
        [staging.local_invoke.parameters]
        region = "sa-east-1"
        """);

    CliRun run = CliRun.of("invoke", "-t", template.toString(), "--config-file", "other.toml", "--config-env", "staging");

    assertTrue(run.out().contains("arn:aws:lambda:sa-east-1:"), run.printed());
  }

  @Test
  void a_config_file_that_is_not_there_is_an_error() throws Exception {
    Path template = TestApi.writeTemplate(folder, "Resources: {}\n");

    CliRun run = CliRun.of("invoke", "-t", template.toString(), "--config-file", "missing.toml");

    assertEquals(1, run.exitCode(), run.printed());
    assertEquals("Error: Config file missing.toml does not exist or could not be read!", run.err().strip());
  }
}
