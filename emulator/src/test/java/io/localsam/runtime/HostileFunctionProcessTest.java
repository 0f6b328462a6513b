package io.localsam.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.localsam.config.Isolation;
import io.localsam.testsupport.TestApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Security;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hostile-function suite with every execution environment a process of its own: what one JVM
 * shares (providers, properties, signal handlers, its environment block, working directory and
 * heap) is each function's own, as in Lambda, and nothing needs a warning.
 */
class HostileFunctionProcessTest extends HostileFunctionSuite {
  @BeforeAll
  static void start() throws IOException {
    start(new Isolation(true, Set.of(), Map.of(), 0, Set.of()));
  }

  @Override
  boolean traceHeaderInEnvironment() {
    return false;
  }

  @Test
  void what_a_jvm_holds_for_everyone_is_each_functions_own() {
    JsonNode marked = invoke("Hostile", "{\"do\":\"leave-marks\"}");
    JsonNode hostile = invoke("Hostile", "{\"do\":\"observe-marks\"}");
    JsonNode bystander = invoke("Bystander", "{\"do\":\"observe-marks\"}");

    assertTrue(
        marked.get("provider").asBoolean(),
        "the provider was installed where Hostile runs: " + marked);
    assertEquals(
        "hostile's",
        hostile.get("termHandler").asText(),
        "and its SIGTERM handler kept, warm: " + hostile);
    assertEquals("proxy.invalid", hostile.get("proxyHost").asText());
    assertFalse(bystander.get("provider").asBoolean(), bystander.toString());
    assertEquals("the JVM's", bystander.get("termHandler").asText());
    assertEquals("null", bystander.get("proxyHost").asText());
    assertEquals(TestApi.codeFolder().toString(), bystander.get("userDir").asText());
    assertNull(Security.getProvider("LocalSamHostile"), "LocalSAM's own JVM is untouched");
    assertNull(System.getProperty("https.proxyHost"));
    assertFalse(api.logged("Warning: Hostile"), "nothing to warn about: " + api.logs());
  }

  @Test
  void the_process_environment_working_directory_and_heap_are_the_functions() {
    JsonNode hostile = invoke("Hostile", "{\"do\":\"observe-marks\"}");
    JsonNode bystander = invoke("Bystander", "{\"do\":\"observe-marks\"}");

    if (Files.isDirectory(Path.of("/proc/self"))) { // Linux: what the OS gave each process
      List<String> hostileEnviron = List.of(hostile.get("environ").asText().split("\n"));
      List<String> bystanderEnviron = List.of(bystander.get("environ").asText().split("\n"));
      assertTrue(hostileEnviron.contains("TABLE=hostile"), hostileEnviron.toString());
      assertTrue(bystanderEnviron.contains("TABLE=bystander"), bystanderEnviron.toString());
      assertTrue(
          bystanderEnviron.contains("AWS_LAMBDA_FUNCTION_NAME=Bystander"),
          bystanderEnviron.toString());
      assertFalse(
          bystanderEnviron.stream()
              .anyMatch(line -> line.startsWith("HOME=") || line.startsWith("USER=")),
          "nothing of the developer's shell: " + bystanderEnviron);
    }
    assertEquals(
        TestApi.codeFolder().toString(),
        bystander.get("workingDirectory").asText(),
        "the code root, as /var/task");
    long heap = bystander.get("maxMemoryMb").asLong();
    assertTrue(
        heap > 80 && heap <= 109,
        "85% of the default 128 MB MemorySize, not LocalSAM's heap: " + heap + " MB");
  }
}
