package io.localsam.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.localsam.config.Isolation;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hostile-function suite in LocalSAM's own JVM, where what cannot be kept to one function is
 * said once.
 */
class HostileFunctionTest extends HostileFunctionSuite {
  @BeforeAll
  static void start() throws IOException {
    start(Isolation.IN_PROCESS);
  }

  @Override
  boolean traceHeaderInEnvironment() {
    return true;
  }

  @Test
  void what_one_jvm_cannot_keep_to_one_function_is_reported_once_with_the_way_out() {
    JsonNode seen = invoke("Hostile", "{\"do\":\"jvm-wide\"}");
    invoke("Hostile", "{\"do\":\"jvm-wide\"}");

    assertEquals(
        "SIG_DFL",
        seen.get("term").asText(),
        "LocalSAM keeps SIGTERM: the handler is not installed");
    assertTrue(api.logged("Warning: Hostile handles SIGTERM"));
    assertTrue(api.logged("Warning: Hostile calls Security.insertProviderAt(LocalSamHostile, 1)"));
    assertTrue(api.logged("Warning: Hostile reads /proc/self/environ"));
    assertTrue(api.logged("Warning: Hostile reads Runtime.maxMemory()"));
    assertTrue(
        api.logged(
            "Warning: Hostile sets the system property https.proxyHost: its own classes see it, but the JDK"));
    assertTrue(api.logged("Warning: Hostile changes user.dir"));
    assertTrue(api.logged("run it with `--isolation process`"));
    assertEquals(
        1,
        api.logs().stream().filter(line -> line.contains("Hostile handles SIGTERM")).count(),
        "once per function");
  }
}
