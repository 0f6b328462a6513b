package io.localsam.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.localsam.Emulator;
import io.localsam.config.Isolation;
import io.localsam.config.RuntimeClient;
import io.localsam.runtime.process.AwsRuntimeClientFiles;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code runtimeClient = AWS} reaches the engine, gives the functions processes of their own, and
 * the function answers from AWS's runtime interface client (where that client runs: Linux x86_64
 * and aarch64).
 */
@LocalApi(
    template = Fixtures.ECHO,
    runtimeClient = RuntimeClient.AWS,
    parameters = {"Greeting=from-aws-client"})
class AwsRuntimeClientOptionTest {

  @Test
  void runs_the_functions_in_processes_on_aws_runtime_client(URI api, Emulator emulator) {
    Isolation isolation = emulator.options().isolation();
    assertEquals(RuntimeClient.AWS, isolation.runtimeClient());
    assertFalse(
        isolation.inProcess("EchoFunction"), "AWS's client runs only in a process of its own");
    Optional<String> unsupported = AwsRuntimeClientFiles.unsupportedPlatform();
    assumeTrue(unsupported.isEmpty(), () -> unsupported.get());

    ApiResponse response = ApiClient.get(api.resolve("echo/aws"));

    assertEquals(200, response.status(), response.body());
    assertEquals("from-aws-client", response.field("greeting"));
  }

  @Test
  void the_builder_offers_the_same_choice_and_named_functions_keep_the_others_in_process() {
    ApiSettings everyFunction =
        LocalApiExtension.builder().runtimeClient(RuntimeClient.AWS).settings();
    ApiSettings oneFunction =
        LocalApiExtension.builder()
            .runtimeClient(RuntimeClient.AWS)
            .processFunction("EchoFunction")
            .settings();

    assertFalse(everyFunction.isolation().inProcess("Other"));
    assertEquals(RuntimeClient.AWS, oneFunction.isolation().runtimeClient());
    assertFalse(oneFunction.isolation().inProcess("EchoFunction"));
    assertTrue(oneFunction.isolation().inProcess("Other"));
  }
}
