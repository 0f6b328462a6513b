package io.localsam.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.localsam.testsupport.TestApi;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Repeated rebuilds leave no class loader behind: every replaced environment's loader is collected.
 * A handful here; the soak run ({@link SoakTest}) does a hundred.
 */
class HotReloadCycleTest {
  static final int RELOADS = 4;

  @TempDir Path folder;

  @Test
  void every_replaced_environment_releases_its_class_loader() {
    HotReloads.forget();
    HotReloads rebuilds = HotReloads.compile(folder);
    try (TestApi api =
        TestApi.start(
            folder,
            """
        Resources:
          Hot:
            Type: AWS::Serverless::Function
            Properties: {CodeUri: %s, Handler: hot.Generation, Runtime: java17}
        """
                .formatted(rebuilds.code()))) {
      assertEquals("\"gen-00000\"", api.emulator().invoke("Hot", "{}").response());

      for (int generation = 1; generation <= RELOADS; generation++) {
        rebuilds.reloadTo(api.emulator(), "Hot", generation);
      }

      assertTrue(
          HotReloads.loaders().size() >= RELOADS + 1, "each generation ran in a new environment");
      assertEquals(
          1,
          HotReloads.liveLoadersAfterGc(1),
          "only the current generation's loader is alive, of " + HotReloads.loaders().size());
    } finally {
      HotReloads.forget();
    }
  }

  @Test
  void
      a_thread_that_ignores_interrupts_is_stopped_on_reload_and_on_close_and_its_loader_collected() {
    HotReloads.forget();
    HotReloads rebuilds = HotReloads.compileWithStubbornThread(folder);
    try {
      TestApi api =
          TestApi.start(
              folder,
              """
          Resources:
            Hot:
              Type: AWS::Serverless::Function
              Properties: {CodeUri: %s, Handler: hot.Generation, Runtime: java17}
          """
                  .formatted(rebuilds.code()));
      try {
        assertEquals("\"gen-00000\"", api.emulator().invoke("Hot", "{}").response());

        for (int generation = 1; generation <= RELOADS; generation++) {
          rebuilds.reloadTo(api.emulator(), "Hot", generation);
        }

        assertTrue(
            JvmGauges.await(30, () -> stubbornThreads() == 1),
            "only the current generation's stubborn thread runs; alive: " + stubbornThreads());
        assertEquals(
            1,
            HotReloads.liveLoadersAfterGc(1),
            "only the current generation's loader is alive, of " + HotReloads.loaders().size());
      } finally {
        api.close();
      }
      assertTrue(
          JvmGauges.await(30, () -> stubbornThreads() == 0),
          "closing LocalSAM stops the last one too");
    } finally {
      HotReloads.forget();
    }
  }

  @Test
  void a_function_that_starts_the_jdks_shared_delay_scheduler_is_released_too() {
    HotReloads.forget();
    HotReloads rebuilds = HotReloads.compileWithDelayedTask(folder);
    try (TestApi api =
        TestApi.start(
            folder,
            """
        Resources:
          Hot:
            Type: AWS::Serverless::Function
            Properties: {CodeUri: %s, Handler: hot.Generation, Runtime: java17}
        """
                .formatted(rebuilds.code()))) {
      assertEquals("\"gen-00000\"", api.emulator().invoke("Hot", "{}").response());

      for (int generation = 1; generation <= RELOADS; generation++) {
        rebuilds.reloadTo(api.emulator(), "Hot", generation);
      }

      assertEquals(
          1,
          HotReloads.liveLoadersAfterGc(1),
          "only the current generation's loader is alive, of " + HotReloads.loaders().size());
    } finally {
      HotReloads.forget();
    }
  }

  private static long stubbornThreads() {
    return JvmGauges.threads().stream()
        .filter(t -> t.getName().equals(HotReloads.STUBBORN))
        .count();
  }
}
