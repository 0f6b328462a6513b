package io.localsam.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.localsam.Emulator;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Under JUnit's parallel execution, classes on one template still share one emulator, and each
 * test's journal holds only its own invocations.
 */
class ParallelExecutionTest {

  static final Map<String, URI> seen = new ConcurrentHashMap<>();

  @Test
  void shares_emulators_and_keeps_each_journal_to_its_test() {
    seen.clear();

    EngineExecutionResults results =
        EngineRuns.runInParallel(
            EchoCase.class,
            AnotherEchoCase.class,
            ComposedEchoCase.class,
            TwinCase.class,
            AnotherTwinCase.class);

    assertEquals(10, results.testEvents().succeeded().count(), EngineRuns.describe(results));
    Set<URI> echo =
        new HashSet<>(
            List.of(
                seen.get("EchoCase"), seen.get("AnotherEchoCase"), seen.get("ComposedEchoCase")));
    Set<URI> twin = new HashSet<>(List.of(seen.get("TwinCase"), seen.get("AnotherTwinCase")));
    assertEquals(1, echo.size(), "one emulator for echo.yaml: " + seen);
    assertEquals(1, twin.size(), "one emulator for echo-twin.yaml: " + seen);
    assertNotEquals(echo, twin);
  }

  /**
   * Two tests per class; each calls the echo function once and checks the journal holds just that.
   */
  abstract static class JournalChecks {
    @Test
    void first(Emulator emulator) {
      callAndCheck(emulator, "first");
    }

    @Test
    void second(Emulator emulator) {
      callAndCheck(emulator, "second");
    }

    private void callAndCheck(Emulator emulator, String test) {
      String name = getClass().getSimpleName();
      String path = "/echo/" + name + "/" + test;

      assertEquals(200, ApiClient.get(emulator.uri(path)).status());

      assertEquals(
          1,
          emulator.invocations().size(),
          "only this test's invocation: " + emulator.invocations());
      assertTrue(emulator.invocations().get(0).event().contains(path));
      seen.put(name, emulator.baseUri());
    }
  }

  @Target(ElementType.TYPE)
  @Retention(RetentionPolicy.RUNTIME)
  @LocalApi(template = Fixtures.ECHO)
  @interface EchoApi {}

  @LocalApi(template = Fixtures.ECHO)
  static class EchoCase extends JournalChecks {}

  @LocalApi(template = Fixtures.ECHO)
  static class AnotherEchoCase extends JournalChecks {}

  @EchoApi
  static class ComposedEchoCase extends JournalChecks {}

  @LocalApi(template = Fixtures.ECHO_TWIN)
  static class TwinCase extends JournalChecks {}

  @LocalApi(template = Fixtures.ECHO_TWIN)
  static class AnotherTwinCase extends JournalChecks {}
}
