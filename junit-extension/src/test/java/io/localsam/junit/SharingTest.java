package io.localsam.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * {@link Sharing}: shared and reset (the default), shared and kept, or one emulator per class.
 * EchoFunction's {@code served} says how many invocations its execution environment served: 1 is a
 * cold start.
 */
class SharingTest {

  /** Per case: the base URL, and what the first request of the class saw as {@code served}. */
  record Seen(URI api, int firstServed) {}

  static final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());

  /** Two requests; the first one's {@code served} and the base URL are recorded. */
  static void twoRequests(URI api) {
    int first = Integer.parseInt(ApiClient.get(api.resolve("echo/one")).field("served"));
    ApiClient.get(api.resolve("echo/two"));
    seen.add(new Seen(api, first));
  }

  @Test
  void by_default_classes_share_one_emulator_reset_before_each_class() {
    seen.clear();
    EngineExecutionResults results = EngineRuns.run(RunCase.class, OtherRunCase.class);

    assertEquals(2, results.testEvents().succeeded().count(), EngineRuns.describe(results));
    assertEquals(seen.get(0).api(), seen.get(1).api(), "one emulator");
    assertEquals(
        List.of(1, 1), seen.stream().map(Seen::firstServed).toList(), "each class starts cold");
  }

  @Test
  void run_keep_state_shares_warm_environments_between_classes() {
    seen.clear();
    EngineExecutionResults results = EngineRuns.run(KeptCase.class, OtherKeptCase.class);

    assertEquals(2, results.testEvents().succeeded().count(), EngineRuns.describe(results));
    assertEquals(seen.get(0).api(), seen.get(1).api(), "one emulator");
    assertEquals(
        List.of(1, 3),
        seen.stream().map(Seen::firstServed).toList(),
        "the second class found the warm environment");
  }

  @Test
  void class_sharing_gives_each_class_its_own_emulator_closed_after_its_last_test() {
    seen.clear();
    EngineExecutionResults results = EngineRuns.run(OwnCase.class, OtherOwnCase.class);

    assertEquals(2, results.testEvents().succeeded().count(), EngineRuns.describe(results));
    assertNotEquals(seen.get(0).api(), seen.get(1).api(), "an emulator each");
    assertEquals(List.of(1, 1), seen.stream().map(Seen::firstServed).toList());
  }

  /** Run by the second class of a CLASS pair: the first one's emulator is closed already. */
  static void earlierEmulatorsAreClosed() {
    for (Seen earlier : List.copyOf(seen)) {
      UncheckedIOException refused =
          assertThrows(
              UncheckedIOException.class,
              () -> ApiClient.get(earlier.api().resolve("echo/closed")));
      assertInstanceOf(ConnectException.class, refused.getCause(), refused.toString());
    }
  }

  @LocalApi(template = Fixtures.ECHO, parameters = "Greeting=sharing-run")
  static class RunCase {
    @Test
    void starts_cold(URI api) {
      twoRequests(api);
    }
  }

  @LocalApi(template = Fixtures.ECHO, parameters = "Greeting=sharing-run")
  static class OtherRunCase {
    @Test
    void starts_cold(URI api) {
      twoRequests(api);
    }
  }

  @LocalApi(
      template = Fixtures.ECHO,
      parameters = "Greeting=sharing-kept",
      sharing = Sharing.RUN_KEEP_STATE)
  static class KeptCase {
    @Test
    void records(URI api) {
      twoRequests(api);
    }
  }

  @LocalApi(
      template = Fixtures.ECHO,
      parameters = "Greeting=sharing-kept",
      sharing = Sharing.RUN_KEEP_STATE)
  static class OtherKeptCase {
    @Test
    void records(URI api) {
      twoRequests(api);
    }
  }

  @LocalApi(template = Fixtures.ECHO, parameters = "Greeting=sharing-own", sharing = Sharing.CLASS)
  static class OwnCase {
    @Test
    void records(URI api) {
      earlierEmulatorsAreClosed();
      twoRequests(api);
    }
  }

  static class OtherOwnCase {
    @RegisterExtension
    static LocalApiExtension api =
        LocalApiExtension.builder()
            .template(Fixtures.ECHO)
            .parameter("Greeting", "sharing-own")
            .sharing(Sharing.CLASS)
            .build();

    @Test
    void records() {
      earlierEmulatorsAreClosed();
      twoRequests(api.baseUri());
    }
  }
}
