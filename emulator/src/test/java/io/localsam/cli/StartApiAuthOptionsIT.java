package io.localsam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.localsam.testsupport.TestApi;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * start-api's authorizer flags: each one parsed, and an unreadable key set stopping start-up in one
 * line.
 */
class StartApiAuthOptionsIT {
  @TempDir Path folder;

  private static StartApiCommand parse(String... args) {
    StartApiCommand command = new StartApiCommand();
    new CommandLine(command).parseArgs(args);
    return command;
  }

  @Test
  void disable_authorizer_is_a_switch() {
    assertTrue(parse("--disable-authorizer").disableAuthorizer);
    assertFalse(parse().disableAuthorizer);
  }

  @Test
  void jwks_repeats() {
    assertEquals(
        List.of("keys.json", "https://login.example.com/.well-known/jwks.json"),
        parse("--jwks", "keys.json", "--jwks", "https://login.example.com/.well-known/jwks.json")
            .jwks);
  }

  @Test
  void api_key_repeats() {
    assertEquals(List.of("one", "two"), parse("--api-key", "one", "--api-key", "two").apiKeys);
  }

  @Test
  void an_unreadable_key_set_is_one_error_line_and_exit_code_1() throws Exception {
    TestApi.writeTemplate(folder, TestApi.HELLO_TEMPLATE);

    try (JarProcess jar = JarProcess.start(folder, "-p", "0", "--jwks", "missing.json")) {
      assertEquals(1, jar.exitCode());
      String stderr = jar.stderr().strip();
      String last = stderr.substring(stderr.lastIndexOf('\n') + 1);
      assertTrue(last.startsWith("Error: --jwks: JWKS file "), stderr);
      assertTrue(last.contains("missing.json does not exist"), stderr);
      assertEquals(1, stderr.lines().filter(line -> line.startsWith("Error")).count(), stderr);
      assertFalse(stderr.contains("Exception"), "no stack trace: " + stderr);
    }
  }
}
