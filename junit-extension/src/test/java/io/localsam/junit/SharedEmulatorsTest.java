package io.localsam.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Classes with the same options share one emulator for the run; it closes when the run ends. */
class SharedEmulatorsTest {

  static final Map<String, URI> seen = new ConcurrentHashMap<>();

  @Test
  void classes_with_the_same_options_share_one_emulator() {
    seen.clear();
    EngineExecutionResults results =
        EngineRuns.run(FirstCase.class, SecondCase.class, OtherOptionsCase.class);

    assertEquals(3, results.testEvents().succeeded().count(), EngineRuns.describe(results));
    assertEquals(seen.get("first"), seen.get("second"));
    assertNotEquals(seen.get("first"), seen.get("other"));
  }

  @Test
  void closes_the_shared_emulators_when_the_run_ends() {
    seen.clear();
    EngineExecutionResults results = EngineRuns.run(FirstCase.class);
    assertEquals(1, results.testEvents().succeeded().count(), EngineRuns.describe(results));

    UncheckedIOException refused =
        assertThrows(
            UncheckedIOException.class,
            () -> ApiClient.get(seen.get("first").resolve("echo/after-the-run")));

    assertInstanceOf(ConnectException.class, refused.getCause(), refused.toString());
  }

  @LocalApi(template = Fixtures.ECHO, parameters = "Greeting=shared")
  static class FirstCase {
    @Test
    void records_its_emulator(URI api) {
      assertEquals("shared", ApiClient.get(api.resolve("echo/first")).field("greeting"));
      seen.put("first", api);
    }
  }

  @LocalApi(template = Fixtures.ECHO, parameters = "Greeting=shared")
  static class SecondCase {
    @Test
    void records_its_emulator(URI api) {
      assertEquals("shared", ApiClient.get(api.resolve("echo/second")).field("greeting"));
      seen.put("second", api);
    }
  }

  @LocalApi(template = Fixtures.ECHO, parameters = "Greeting=not shared")
  static class OtherOptionsCase {
    @Test
    void records_its_emulator(URI api) {
      assertEquals("not shared", ApiClient.get(api.resolve("echo/other")).field("greeting"));
      seen.put("other", api);
    }
  }
}
