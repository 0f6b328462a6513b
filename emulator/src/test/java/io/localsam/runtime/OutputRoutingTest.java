package io.localsam.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.localsam.Emulator;
import io.localsam.EmulatorOptions;
import io.localsam.testsupport.TestApi;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A function's prints reach the log, with its prefix, also during Init and even when that log
 * itself prints to the (routed) System.err.
 */
class OutputRoutingTest {
  @TempDir Path folder;

  @Test
  void the_default_log_works_for_every_emulator_in_a_jvm() {
    Path template =
        TestApi.writeTemplate(
            folder,
            """
        Resources:
          Printer:
            Type: AWS::Serverless::Function
            Properties: {CodeUri: ${CODE}, Handler: fixtures.EnvReader, Runtime: java17}
        """);
    for (int round = 0; round < 2; round++) {
      // Built after System.err was routed: its default log prints to the routed stream.
      try (Emulator emulator = Emulator.start(EmulatorOptions.builder(template).port(0).build())) {
        assertEquals(
            null,
            emulator.invoke("Printer", "{}").error(),
            "printing must not recurse into the log");
      }
    }
  }

  @Test
  void what_a_function_prints_during_init_carries_its_prefix() {
    try (TestApi api =
        TestApi.start(
            folder,
            """
        Resources:
          Loud:
            Type: AWS::Serverless::Function
            Properties: {CodeUri: ${CODE}, Handler: fixtures.LoudInit, Runtime: java17}
        """)) {
      assertEquals("\"ready\"", api.emulator().invoke("Loud", "{}").response());

      assertTrue(api.logged("[Loud] printed during Init"), String.join("\n", api.logs()));
    }
  }
}
