package io.localsam.cli;

import static io.localsam.testsupport.AwsClientAssumption.assumeAwsClientRunsHere;
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
 * {@code --isolation}, {@code --isolation-process}, {@code --runtime-client} and their samconfig
 * keys, as a user gives them to {@code invoke}.
 */
class IsolationOptionsTest {
  @TempDir Path folder;

  Path template;

  @BeforeEach
  void writeTemplate() {
    template =
        TestApi.writeTemplate(
            folder,
            """
        Globals:
          Function: {Runtime: java17, CodeUri: ${CODE}, Timeout: 20}
        Resources:
          Env:
            Type: AWS::Serverless::Function
            Properties: {Handler: fixtures.EnvDump}
          Other:
            Type: AWS::Serverless::Function
            Properties: {Handler: fixtures.EnvDump}
        """);
  }

  @Test
  void isolation_process_runs_the_function_in_a_jvm_of_its_own() {
    CliRun run = CliRun.of("invoke", "Env", "--isolation", "process", "-t", template.toString());

    assertEquals(0, run.exitCode(), run.printed());
    assertTrue(run.err().contains("Env: runs in a process of its own: Java "), run.printed());
    assertTrue(
        run.out().contains("AWS_LAMBDA_RUNTIME_API"),
        "the child's runtime reads the Runtime API's address: " + run.printed());
  }

  @Test
  void isolation_process_names_one_function_the_others_stay_in_process() {
    CliRun named =
        CliRun.of("invoke", "Other", "--isolation-process", "Other", "-t", template.toString());
    CliRun notNamed =
        CliRun.of("invoke", "Env", "--isolation-process", "Other", "-t", template.toString());

    assertEquals(0, named.exitCode(), named.printed());
    assertTrue(named.err().contains("Other: runs in a process of its own"), named.printed());
    assertTrue(named.out().contains("AWS_LAMBDA_RUNTIME_API"), named.printed());
    assertEquals(0, notNamed.exitCode(), notNamed.printed());
    assertTrue(notNamed.err().contains("Env: runs in-process"), notNamed.printed());
    assertFalse(notNamed.out().contains("AWS_LAMBDA_RUNTIME_API"), notNamed.printed());
  }

  @Test
  void samconfig_sets_the_isolation() throws Exception {
    Files.writeString(
        folder.resolve("samconfig.toml"),
        """
        version = 0.1
        [default.local_invoke.parameters]
        isolation = "process"
        """);

    CliRun run = CliRun.of("invoke", "Env", "-t", template.toString());

    assertEquals(0, run.exitCode(), run.printed());
    assertTrue(run.err().contains("Env: runs in a process of its own"), run.printed());
  }

  @Test
  void runtime_client_aws_runs_every_java_function_in_a_process_on_aws_client() {
    assumeAwsClientRunsHere();
    CliRun run = CliRun.of("invoke", "Env", "--runtime-client", "aws", "-t", template.toString());

    assertEquals(0, run.exitCode(), run.printed());
    assertTrue(
        run.err()
            .contains("Env: runs in a process of its own on AWS's runtime interface client: Java "),
        run.printed());
    assertTrue(run.out().contains("AWS_LAMBDA_RUNTIME_API"), run.printed());
  }

  @Test
  void runtime_client_aws_with_isolation_process_for_one_function_leaves_the_others_in_process() {
    assumeAwsClientRunsHere();
    CliRun named =
        CliRun.of(
            "invoke",
            "Other",
            "--runtime-client",
            "aws",
            "--isolation-process",
            "Other",
            "-t",
            template.toString());
    CliRun notNamed =
        CliRun.of(
            "invoke",
            "Env",
            "--runtime-client",
            "aws",
            "--isolation-process",
            "Other",
            "-t",
            template.toString());

    assertEquals(0, named.exitCode(), named.printed());
    assertTrue(
        named
            .err()
            .contains("Other: runs in a process of its own on AWS's runtime interface client"),
        named.printed());
    assertEquals(0, notNamed.exitCode(), notNamed.printed());
    assertTrue(notNamed.err().contains("Env: runs in-process"), notNamed.printed());
  }

  @Test
  void
      runtime_client_aws_with_isolation_in_process_given_runs_in_process_and_says_the_client_is_unused() {
    CliRun run =
        CliRun.of(
            "invoke",
            "Env",
            "--runtime-client",
            "aws",
            "--isolation",
            "in-process",
            "-t",
            template.toString());

    assertEquals(0, run.exitCode(), run.printed());
    assertTrue(run.err().contains("Env: runs in-process"), run.printed());
    assertTrue(
        run.err()
            .contains(
                "Note: AWS's runtime interface client (--runtime-client aws) runs Java functions in process"
                    + " isolation, and no Java function runs in a process of its own here."),
        run.printed());
  }

  @Test
  void samconfig_sets_the_runtime_client() throws Exception {
    assumeAwsClientRunsHere();
    Files.writeString(
        folder.resolve("samconfig.toml"),
        """
        version = 0.1
        [default.local_invoke.parameters]
        runtime_client = "aws"
        """);

    CliRun run = CliRun.of("invoke", "Env", "-t", template.toString());

    assertEquals(0, run.exitCode(), run.printed());
    assertTrue(
        run.err().contains("Env: runs in a process of its own on AWS's runtime interface client"),
        run.printed());
  }

  @Test
  void an_unknown_runtime_client_is_a_usage_error() {
    CliRun run =
        CliRun.of("invoke", "Env", "--runtime-client", "docker", "-t", template.toString());

    assertEquals(2, run.exitCode(), run.printed());
    assertTrue(run.err().contains("expected localsam or aws, not 'docker'"), run.printed());
  }

  @Test
  void an_unknown_isolation_is_a_usage_error() {
    CliRun run = CliRun.of("invoke", "Env", "--isolation", "docker", "-t", template.toString());

    assertEquals(2, run.exitCode(), run.printed());
    assertTrue(run.err().contains("expected in-process or process, not 'docker'"), run.printed());
  }
}
