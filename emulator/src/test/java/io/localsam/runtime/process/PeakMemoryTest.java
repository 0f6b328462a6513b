package io.localsam.runtime.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The peak resident set REPORT gives, as Linux's /proc tells it, from a file kept open. */
class PeakMemoryTest {
  @Test
  void readsWhatTheStatusFileSaysAgainAndAgainUntilClosed() throws Exception {
    Path status = Path.of("/proc/self/status");
    assumeTrue(Files.isReadable(status), "Linux's /proc");
    try (PeakMemory peak = new PeakMemory(ProcessHandle.current().pid())) {
      long first = peak.kib().orElseThrow();
      long listed =
          Files.readAllLines(status).stream()
              .filter(line -> line.startsWith("VmHWM:"))
              .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
              .findFirst()
              .orElseThrow();
      long again = peak.kib().orElseThrow();
      assertTrue(
          first > 1024 && first <= listed && listed <= again, first + " " + listed + " " + again);
      peak.close();
      assertEquals(OptionalLong.empty(), peak.kib());
    }
  }

  @Test
  void aProcessThatIsGoneHasNoFigure() throws Exception {
    Process ended =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
            .start();
    ended.waitFor();
    try (PeakMemory peak = new PeakMemory(ended.pid())) {
      assertEquals(OptionalLong.empty(), peak.kib());
    }
  }
}
