package io.localsam.runtime.process;

import static io.localsam.testsupport.AwsClientAssumption.assumeAwsClientRunsHere;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No child outlives LocalSAM, even when LocalSAM is killed outright and runs no shutdown hook:
 * neither one on LocalSAM's runtime client, nor one on AWS's, nor a custom runtime's bootstrap: the
 * last two have no such watch of their own.
 */
class ChildLifetimeTest {
  /**
   * A custom runtime that never gives up: when the Runtime API is gone it retries forever, as a
   * loop of curl calls under {@code set +e} would. It says its process id first.
   */
  private static final String STUBBORN_BOOTSTRAP =
      """
      #!/bin/sh
      echo "runtime $$"
      while true; do
        curl -s "http://${AWS_LAMBDA_RUNTIME_API}/2018-06-01/runtime/invocation/next" > /dev/null || sleep 0.1
      done
      """;

  @TempDir Path code;

  @Test
  void aJavaChildEndsWhenItsParentIsKilled() throws Exception {
    assertEnds(killParentOf(List.of("localsam"), ""));
  }

  @Test
  void aChildOnAwsRuntimeClientEndsWhenItsParentIsKilled() throws Exception {
    assumeAwsClientRunsHere();
    assertEnds(killParentOf(List.of("aws"), ""));
  }

  @Test
  void aCustomRuntimesBootstrapEndsWhenItsParentIsKilled() throws Exception {
    assumeTrue(
        Files.isExecutable(Path.of("/bin/sh")) && Files.isExecutable(Path.of("/usr/bin/curl")),
        "a shell bootstrap with curl needs a Unix with /bin/sh and /usr/bin/curl");
    Path bootstrap = code.resolve("bootstrap");
    Files.writeString(bootstrap, STUBBORN_BOOTSTRAP);
    Files.setPosixFilePermissions(bootstrap, PosixFilePermissions.fromString("rwxr-xr-x"));

    long runtime = killParentOf(List.of(code.toString()), "runtime ");

    assertEnds(runtime);
  }

  /**
   * Starts {@link OrphanParent} with {@code args}, reads the process id it (or its child, on a line
   * that starts with {@code prefix}) prints, and kills it with SIGKILL: no shutdown hook runs.
   */
  private static long killParentOf(List<String> args, String prefix) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command =
        new ArrayList<>(
            List.of(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                OrphanParent.class.getName()));
    command.addAll(args);
    Process parent = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      BufferedReader lines = new BufferedReader(new InputStreamReader(parent.getInputStream()));
      String line = lines.readLine();
      while (line != null && !line.matches(prefix + "\\d+")) {
        line = lines.readLine(); // the parent's own log lines
      }
      assertTrue(line != null, "the stand-in parent printed no process id");
      long pid = Long.parseLong(line.substring(prefix.length()));
      assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
      return pid;
    } finally {
      parent.destroyForcibly();
    }
  }

  private static void assertEnds(long pid) throws InterruptedException {
    Optional<ProcessHandle> child = ProcessHandle.of(pid);
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (child.map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
      Thread.sleep(50); // polling a process that is not ours to wait for, with a bound
    }
    assertFalse(
        child.map(ProcessHandle::isAlive).orElse(false), "process " + pid + " outlived its parent");
  }
}
