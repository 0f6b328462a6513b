package io.localsam.runtime.process;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code provided.al2023} function: its own {@code bootstrap}, here a shell script speaking the
 * Runtime API with curl.
 */
class CustomRuntimeTest {
  static final String BOOTSTRAP =
      """
      #!/bin/sh
      set -eu
      API="http://${AWS_LAMBDA_RUNTIME_API}/2018-06-01/runtime"
      HEADERS="$(mktemp)"
      while true; do
        EVENT="$(curl -sS -D "$HEADERS" "$API/invocation/next")"
        ID="$(grep -i '^Lambda-Runtime-Aws-Request-Id:' "$HEADERS" | cut -d: -f2 | tr -d '[:space:]')"
        echo "bootstrap got ${#EVENT} bytes for $ID"
        curl -sS -o /dev/null -X POST "$API/invocation/$ID/response" \\
          -d "{\\"statusCode\\":200,\\"body\\":\\"from shell in $(pwd) as ${AWS_LAMBDA_FUNCTION_NAME}\\"}"
      done
      """;

  @TempDir Path code;

  /** Writes the shell bootstrap into {@code folder}; false where the OS cannot run it. */
  static boolean writeBootstrap(Path folder) throws Exception {
    if (System.getProperty("os.name").startsWith("Windows")
        || !Files.isExecutable(Path.of("/usr/bin/curl"))) {
      return false;
    }
    Path bootstrap = folder.resolve("bootstrap");
    Files.writeString(bootstrap, BOOTSTRAP);
    Files.setPosixFilePermissions(bootstrap, PosixFilePermissions.fromString("rwxr-xr-x"));
    return true;
  }

  @Test
  void closingTheEnvironmentEndsWhatItsProcessStarted() throws Exception {
    assumeTrue(
        !System.getProperty("os.name").startsWith("Windows"), "a shell bootstrap needs a Unix");
    Path bootstrap = code.resolve("bootstrap");
    // a custom runtime that starts a helper and never talks to the Runtime API
    Files.writeString(bootstrap, "#!/bin/sh\nsleep 300 &\necho \"helper $!\"\nwait\n");
    Files.setPosixFilePermissions(bootstrap, PosixFilePermissions.fromString("rwxr-xr-x"));
    BlockingQueue<String> output = new LinkedBlockingQueue<>();
    ChildEnvironment environment =
        ChildEnvironment.start(
            api -> ChildLaunch.bootstrap(code, Map.of("PATH", "/usr/bin:/bin"), api), output::add);
    String line = output.poll(30, TimeUnit.SECONDS);
    assertNotNull(line, "the bootstrap printed nothing");
    long helper = Long.parseLong(line.substring("helper ".length()).trim());
    assertTrue(ProcessHandle.of(helper).map(ProcessHandle::isAlive).orElse(false));

    environment.close();

    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (ProcessHandle.of(helper).map(ProcessHandle::isAlive).orElse(false)
        && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertFalse(
        ProcessHandle.of(helper).map(ProcessHandle::isAlive).orElse(false),
        "the helper outlived its environment");
  }

  @Test
  void aShellBootstrapAnswersOverTheRuntimeApi() throws Exception {
    assumeTrue(writeBootstrap(code), "a shell bootstrap with curl needs a Unix with /usr/bin/curl");
    Map<String, String> env =
        new LinkedHashMap<>(FixtureFunctions.lambdaEnvironment("Shell", "unused", 128));
    env.put("LAMBDA_TASK_ROOT", code.toString());
    try (ChildEnvironment environment =
        ChildEnvironment.start(api -> ChildLaunch.bootstrap(code, env, api), line -> {})) {
      assertFalse(
          assertInstanceOf(
                  ChildEnvironment.Outcome.Replied.class, environment.init(Duration.ofSeconds(30)))
              .reply()
              .failed());
      for (String id : new String[] {"one", "two"}) {
        List<String> output = new CopyOnWriteArrayList<>();
        RuntimeReply reply =
            assertInstanceOf(
                    ChildEnvironment.Outcome.Replied.class,
                    environment.invoke(
                        new RuntimeRequest(
                            id,
                            System.currentTimeMillis() + 30_000,
                            "arn",
                            null,
                            "{\"k\":1}".getBytes(UTF_8)),
                        Duration.ofSeconds(30),
                        output::add))
                .reply();
        assertEquals(
            "{\"statusCode\":200,\"body\":\"from shell in " + code.toRealPath() + " as Shell\"}",
            new String(reply.payload(), UTF_8));
        // what the bootstrap echoed before it posted is this invocation's, there when the answer is
        assertEquals(List.of("bootstrap got 7 bytes for " + id), output);
      }
    }
  }
}
