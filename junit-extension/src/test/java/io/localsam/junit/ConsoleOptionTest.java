package io.localsam.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.localsam.Emulator;
import java.net.URI;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The web console and admin API under a test's emulator: there by default, off with {@code console
 * = false}.
 */
@LocalApi(template = Fixtures.ECHO)
class ConsoleOptionTest {

  @Test
  void the_admin_api_shows_the_invocations_the_test_made(Emulator emulator, URI api) {
    ApiClient.get(api.resolve("echo/parameters"));

    ApiResponse invocations = ApiClient.get(emulator.consoleUri().resolve("api/invocations"));

    assertEquals(200, invocations.status(), invocations.body());
    assertTrue(invocations.body().contains("\"path\":\"/echo/parameters\""), invocations.body());
    assertTrue(
        invocations
            .body()
            .startsWith("{\"invocations\":[{\"id\":" + emulator.invocations().get(0).id() + ","),
        "the same journal entry: " + invocations.body());
  }

  @Nested
  @LocalApi(template = Fixtures.ECHO, console = false)
  class WithoutTheConsole {
    @Test
    void there_is_no_console_and_its_prefix_answers_404(Emulator emulator, URI api) {
      assertNull(emulator.consoleUri());
      assertEquals(404, ApiClient.get(api.resolve("__localsam/api/health")).status());
    }
  }
}
