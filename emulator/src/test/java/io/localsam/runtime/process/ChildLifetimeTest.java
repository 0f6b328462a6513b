package io.localsam.runtime.process;

import static io.localsam.testsupport.AwsClientAssumption.assumeAwsClientRunsHere;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * No child outlives LocalSAM, even when LocalSAM is killed outright and runs no shutdown hook: neither one
 * on LocalSAM's runtime client nor one on AWS's, which has no such watch of its own.
 */
class ChildLifetimeTest {
  @Test
  void aChildEndsWhenItsParentIsKilled() throws Exception {
    assertChildEndsWithKilledParent("localsam");
  }

  @Test
  void aChildOnAwsRuntimeClientEndsWhenItsParentIsKilled() throws Exception {
    assumeAwsClientRunsHere();
    assertChildEndsWithKilledParent("aws");
  }

  private static void assertChildEndsWithKilledParent(String runtimeClient) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process parent = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
        OrphanParent.class.getName(), runtimeClient)).redirectErrorStream(true).start();
    long childPid;
    try {
      BufferedReader lines = new BufferedReader(new InputStreamReader(parent.getInputStream()));
      String line = lines.readLine();
      while (line != null && !line.matches("\\d+")) {
        line = lines.readLine(); // the parent's own log lines
      }
      assertTrue(line != null, "the stand-in parent printed no child pid");
      childPid = Long.parseLong(line);
      assertTrue(ProcessHandle.of(childPid).map(ProcessHandle::isAlive).orElse(false));
    } finally {
      parent.destroyForcibly(); // SIGKILL: no shutdown hook runs
    }
    Optional<ProcessHandle> child = ProcessHandle.of(childPid);
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (child.map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
      Thread.sleep(50); // polling a process that is not ours to wait for, with a bound
    }
    assertFalse(child.map(ProcessHandle::isAlive).orElse(false), "child " + childPid + " outlived its parent");
  }
}
