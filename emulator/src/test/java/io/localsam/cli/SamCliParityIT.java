package io.localsam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.localsam.testsupport.TestApi;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's {@code sam local} command lines and scripts, run unchanged against the real {@code
 * emulator.jar}: repeated flags, SAM's environment variables, its other flags, samconfig.yaml, the
 * AWS region, the log file and Python's number printing.
 */
class SamCliParityIT {
  @TempDir Path folder;

  @BeforeEach
  void writeTemplate() {
    TestApi.writeTemplate(
        folder,
        """
        Parameters:
          Stage: {Type: String, Default: template}
        Resources:
          Chatty:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: java17
              CodeUri: ${CODE}
              Handler: fixtures.Chatty
          Env:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: java17
              CodeUri: ${CODE}
              Handler: fixtures.EnvDump
              Environment: {Variables: {STAGE: !Ref Stage}}
        """);
  }

  @Test
  void a_makefiles_repeated_flags_and_sams_other_flags_run_with_the_last_value_and_a_note()
      throws Exception {
    try (JarProcess jar =
        JarProcess.start(
            folder,
            "invoke",
            "Chatty",
            "--region",
            "eu-west-1",
            "--region",
            "eu-west-2",
            "--container-dns",
            "1.1.1.1",
            "--hook-name",
            "terraform",
            "--no-memory-limit",
            "-ii",
            "Chatty=image",
            "--no-mount-symlinks",
            "--debugger-path",
            "/dbg",
            "--debug-args",
            "-Xmx1g",
            "--save-params",
            "--skip-prepare-infra",
            "--prepare-infra",
            "--terraform-plan-file",
            "plan.json",
            "--language-extensions",
            "--tenant-id",
            "blue",
            "--durable-execution-name",
            "run-1",
            "-r",
            "java21")) {
      assertEquals(0, jar.exitCode(), jar.stderr());
      assertTrue(jar.stdout().contains("arn:aws:lambda:eu-west-2:"), jar.stdout());
      for (String flag :
          List.of(
              "--container-dns",
              "--hook-name",
              "--no-memory-limit",
              "--invoke-image",
              "--no-mount-symlinks",
              "--debugger-path",
              "--debug-args",
              "--save-params",
              "--skip-prepare-infra",
              "--prepare-infra",
              "--terraform-plan-file",
              "--language-extensions",
              "--tenant-id",
              "--durable-execution-name")) {
        assertTrue(
            jar.stderr().contains("Note: " + flag + " has no effect"), flag + ": " + jar.stderr());
      }
      assertTrue(
          jar.stderr().contains("Invoking fixtures.Chatty (java21)"),
          "-r runs it on that runtime: " + jar.stderr());
    }
  }

  @Test
  void sam_template_file_and_sam_debug_and_the_aws_region_come_from_the_shell() throws Exception {
    Path elsewhere = Files.createDirectories(folder.resolve("elsewhere"));
    Map<String, String> shell = new HashMap<>(CliRun.hermetic());
    shell.put("SAM_TEMPLATE_FILE", folder.resolve("template.yaml").toString());
    shell.put("SAM_DEBUG", "true");
    shell.put("AWS_DEFAULT_REGION", "ap-northeast-1");

    try (JarProcess jar = JarProcess.start(elsewhere, List.of(), shell, null, "invoke", "Chatty")) {
      assertEquals(0, jar.exitCode(), jar.stderr());
      assertTrue(jar.stdout().contains("arn:aws:lambda:ap-northeast-1:"), jar.stdout());
      assertTrue(
          jar.stderr().contains("Using SAM template at " + folder.resolve("template.yaml")),
          jar.stderr());
    }
  }

  @Test
  void
      samconfig_yaml_gives_the_commands_parameter_overrides_and_a_missing_config_file_is_a_warning()
          throws Exception {
    Files.writeString(
        folder.resolve("samconfig.yaml"),
        """
        version: 0.1
        default:
          deploy:
            parameters:
              parameter_overrides: Stage=production
          local_invoke:
            parameters:
              parameter_overrides: Stage=from-yaml
        """);

    try (JarProcess fromYaml = JarProcess.start(folder, "invoke", "Env");
        JarProcess missing =
            JarProcess.start(folder, "invoke", "Env", "--config-file", "nope.toml")) {
      assertEquals(0, fromYaml.exitCode(), fromYaml.stderr());
      assertTrue(fromYaml.stdout().contains("STAGE\\\":\\\"from-yaml"), fromYaml.stdout());
      assertEquals(0, missing.exitCode(), missing.stderr());
      assertTrue(missing.stderr().contains("Warning: config file nope.toml"), missing.stderr());
      assertTrue(
          missing.stdout().contains("STAGE\\\":\\\"template"), "no file read: " + missing.stdout());
    }
  }

  @Test
  void the_log_file_takes_everything_and_numbers_print_as_python_prints_them() throws Exception {
    Path log = Files.writeString(folder.resolve("invoke.log"), "an old run\n");
    byte[] event = "{\"big\":1e20,\"price\":100.50}".getBytes(StandardCharsets.UTF_8);

    try (JarProcess logged =
            JarProcess.start(
                folder, event, "invoke", "Chatty", "-e", "-", "--log-file", log.toString());
        JarProcess printed = JarProcess.start(folder, event, "invoke", "Chatty", "-e", "-")) {
      assertEquals(0, logged.exitCode(), logged.stderr());
      assertEquals("", logged.stdout());
      String file = Files.readString(log);
      assertFalse(file.contains("an old run"), file);
      assertTrue(
          file.contains("REPORT RequestId") && file.contains("\"big\": 1e+20, \"price\": 100.5"),
          file);
      assertEquals(0, printed.exitCode(), printed.stderr());
      assertTrue(
          printed.stdout().contains("\"event\": {\"big\": 1e+20, \"price\": 100.5}"),
          printed.stdout());
    }
  }
}
