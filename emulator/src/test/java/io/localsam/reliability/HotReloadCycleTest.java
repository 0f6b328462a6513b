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

  @TempDir
  Path folder;

  @Test
  void every_replaced_environment_releases_its_class_loader() {
    HotReloads.forget();
    HotReloads rebuilds = HotReloads.compile(folder);
    try (TestApi api = TestApi.start(folder, """
        Resources:
          Hot:
            Type: AWS::Serverless::Function
            Properties: {CodeUri: %s, Handler: hot.Generation, Runtime: java17}
        """.formatted(rebuilds.code()))) {
      assertEquals("\"gen-00000\"", api.emulator().invoke("Hot", "{}").response());

      for (int generation = 1; generation <= RELOADS; generation++) {
        rebuilds.reloadTo(api.emulator(), "Hot", generation);
      }

      assertTrue(HotReloads.loaders().size() >= RELOADS + 1, "each generation ran in a new environment");
      assertEquals(1, HotReloads.liveLoadersAfterGc(1),
          "only the current generation's loader is alive, of " + HotReloads.loaders().size());
    } finally {
      HotReloads.forget();
    }
  }
}
