package io.localsam.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.localsam.error.LocalSamException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one samconfig reader: TOML or YAML, a command's table over {@code global}, {@code
 * parameter_overrides} from the same tables as every other option, in both of SAM's forms (source:
 * AWS SAM developer guide, "AWS SAM CLI configuration file").
 */
class SamConfigTest {
  @TempDir Path folder;

  private SamConfig toml(String text) {
    return SamConfig.parse(folder.resolve("samconfig.toml"), text);
  }

  @Test
  void reads_the_file_sam_writes() {
    SamConfig config =
        toml(
            """
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

    assertEquals(
        Map.of(
            "stack_name",
            "sam-app",
            "warm_containers",
            "EAGER",
            "port",
            "3005",
            "debug",
            "true",
            "parameter_overrides",
            "Stage=dev Table=orders",
            "env_vars",
            "env \"local\".json"),
        config.parameters("default", "local_start_api"));
    assertEquals(Map.of("port", "4000"), config.parameters("prod", "local_start_api"));
    assertEquals(Map.of("stack_name", "sam-app"), config.parameters("default", "local_invoke"));
  }

  @Test
  void
      parameter_overrides_come_from_the_commands_table_over_global_never_from_deploy_or_another_environment() {
    SamConfig config =
        toml(
            """
        version = 0.1
        [default.local_invoke.parameters]
        parameter_overrides = "A=invoke"
        [default.global.parameters]
        parameter_overrides = "A=global B=global"
        [default.deploy.parameters]
        parameter_overrides = "A=production C=production"
        [staging.local_invoke.parameters]
        parameter_overrides = "A=staging"
        """);

    assertEquals(
        Map.of("A", "invoke"),
        config.parameterOverrides("default", "local_invoke"),
        "the command's own value replaces global's, as any option's does");
    assertEquals(
        Map.of("A", "global", "B", "global"),
        config.parameterOverrides("default", "local_start_api"));
    assertEquals(Map.of("A", "staging"), config.parameterOverrides("staging", "local_invoke"));
  }

  @Test
  void both_sam_forms_quoted_values_lists_and_multi_line_strings() {
    assertEquals(
        Map.of("A", "1", "B", "two words", "C", "3", "D", "x=y"),
        toml("""
        [default.global.parameters]
        parameter_overrides = "A=1 B=\\"two words\\" ParameterKey=C,ParameterValue=3 D=x=y"
        """)
            .parameterOverrides("default", "local_invoke"));
    assertEquals(
        Map.of("A", "1", "B", "with space"),
        toml("""
        [default.global.parameters]
        parameter_overrides = [
          "A=1", # first
          'B=with space',
        ]
        """)
            .parameterOverrides("default", "local_invoke"));
    assertEquals(
        Map.of("A", "1", "B", "2"),
        toml("""
        [default.global.parameters]
        parameter_overrides = \"\"\"
        A=1 \\
        B=2\"\"\"
        """)
            .parameterOverrides("default", "local_invoke"));
  }

  @Test
  void dotted_keys_inline_tables_and_dates_are_read_past() {
    assertEquals(
        Map.of(
            "parameter_overrides",
            "A=1",
            "cached",
            "true",
            "retries",
            "3",
            "when",
            "1979-05-27T07:32:00Z"),
        toml("""
        [default]
        local_invoke.parameters.parameter_overrides = "A=1"
        local_invoke.parameters.tags = { team = "x" }
        [default.global.parameters]
        cached = true
        retries = 3
        when = 1979-05-27T07:32:00Z
        """)
            .parameters("default", "local_invoke"));
  }

  @Test
  void reads_samconfig_yaml_as_sam_writes_it() throws Exception {
    Path file =
        Files.writeString(
            folder.resolve("samconfig.yaml"),
            """
        version: 0.1
        default:
          global:
            parameters:
              stack_name: sam-app
              parameter_overrides: Stage=dev
          local_start_api:
            parameters:
              port: 3005
              warm_containers: EAGER
        """);

    SamConfig config = SamConfig.read(file);

    assertEquals(
        Map.of(
            "stack_name",
            "sam-app",
            "parameter_overrides",
            "Stage=dev",
            "port",
            "3005",
            "warm_containers",
            "EAGER"),
        config.parameters("default", "local_start_api"));
    assertEquals(Map.of("Stage", "dev"), config.parameterOverrides("default", "local_invoke"));
  }

  @Test
  void the_first_of_toml_yaml_yml_is_found() throws Exception {
    assertEquals(Optional.empty(), SamConfig.find(folder));
    Files.writeString(folder.resolve("samconfig.yml"), "version: 0.1\n");
    assertEquals(Optional.of(folder.resolve("samconfig.yml")), SamConfig.find(folder));
    Files.writeString(folder.resolve("samconfig.toml"), "version = 0.1\n");
    assertEquals(Optional.of(folder.resolve("samconfig.toml")), SamConfig.find(folder));
  }

  @Test
  void errors_name_the_file_line_and_column() throws Exception {
    Path toml = folder.resolve("samconfig.toml");
    LocalSamException unterminated =
        assertThrows(
            LocalSamException.class,
            () -> toml("[default.local_invoke.parameters]\nparameter_overrides = \"A=1\n"));
    LocalSamException bareWord =
        assertThrows(
            LocalSamException.class,
            () -> toml("[default.local_invoke.parameters]\nport = three\n"));
    LocalSamException notPair =
        assertThrows(
            LocalSamException.class,
            () ->
                toml("[default.local_invoke.parameters]\nparameter_overrides = \"A\"\n")
                    .parameterOverrides("default", "local_invoke"));
    Path yaml =
        Files.writeString(folder.resolve("samconfig.yaml"), "default:\n  global: [unclosed\n");
    LocalSamException badYaml = assertThrows(LocalSamException.class, () -> SamConfig.read(yaml));

    assertTrue(unterminated.getMessage().startsWith(toml + ":2:"), unterminated.getMessage());
    assertTrue(
        unterminated.getMessage().endsWith("(samconfig files are TOML)"),
        unterminated.getMessage());
    assertTrue(bareWord.getMessage().startsWith(toml + ":2:"), bareWord.getMessage());
    assertEquals(toml + ": parameter_overrides: 'A' is not Key=Value", notPair.getMessage());
    assertTrue(badYaml.getMessage().startsWith(yaml + ":3:1: "), badYaml.getMessage());
  }
}
