package io.localsam.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.localsam.Emulator;
import io.localsam.config.Isolation;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code isolation = PROCESS} reaches the engine, and the function answers from a JVM of its own.
 */
@LocalApi(
    template = Fixtures.ECHO,
    isolation = IsolationMode.PROCESS,
    parameters = {"Greeting=from-child"})
class ProcessIsolationOptionTest {

  @Test
  void runs_the_functions_in_processes_of_their_own(URI api, Emulator emulator) {
    Isolation isolation = emulator.options().isolation();
    assertTrue(isolation.processByDefault());
    assertFalse(isolation.inProcess("EchoFunction"));

    ApiResponse response = ApiClient.get(api.resolve("echo/isolated"));

    assertEquals(200, response.status(), response.body());
    assertEquals("from-child", response.field("greeting"));
    assertEquals("EchoFunction", response.field("function"));
  }

  @Test
  void the_builder_offers_the_same_choices() {
    ApiSettings settings =
        LocalApiExtension.builder()
            .isolation(IsolationMode.IN_PROCESS)
            .processFunction("EchoFunction")
            .jdk("java21", Path.of("/opt/jdk-21"))
            .settings();
    assertFalse(settings.isolation().inProcess("EchoFunction"));
    assertTrue(settings.isolation().inProcess("Other"));
    assertEquals(Path.of("/opt/jdk-21"), settings.isolation().jdks().get("java21"));
  }
}
