package io.localsam.runtime.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.localsam.config.Isolation;
import io.localsam.testsupport.TestApi;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rebuilt function in process isolation is served by a new child; the old one ends. */
class ProcessHotReloadTest {
  @TempDir Path folder;

  private void compile(Path code, String answer, int generation) throws Exception {
    Path source = folder.resolve("src/hot/Version.java");
    Files.createDirectories(source.getParent());
    Files.writeString(
        source,
        """
        package hot;
        public class Version implements com.amazonaws.services.lambda.runtime.RequestHandler<Object, String> {
          public String handleRequest(Object input, com.amazonaws.services.lambda.runtime.Context context) {
            return "%s " + ProcessHandle.current().pid();
          }
        }
        """
            .formatted(answer),
        StandardCharsets.UTF_8);
    String coreApi =
        Path.of(RequestHandler.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .toString();
    assertEquals(
        0,
        ToolProvider.getSystemJavaCompiler()
            .run(null, null, null, "-d", code.toString(), "-cp", coreApi, source.toString()));
    Files.setLastModifiedTime(
        code.resolve("hot/Version.class"),
        FileTime.from(Instant.now().plusSeconds(generation * 10L)));
  }

  @Test
  void aRebuiltFunctionRunsInANewChildAndTheOldOneEnds() throws Exception {
    Path code = folder.resolve("code");
    compile(code, "v1", 0);
    try (TestApi api =
        TestApi.start(
            folder,
            """
        Resources:
          Hot:
            Type: AWS::Serverless::Function
            Properties: {CodeUri: %s, Handler: hot.Version, Runtime: java17}
        """
                .formatted(code),
            options -> options.isolation(new Isolation(true, Set.of(), Map.of(), 0, Set.of())))) {
      String first = api.emulator().invoke("Hot", "{}").response();
      assertTrue(first.startsWith("\"v1 "), first);
      long oldPid = Long.parseLong(first.replaceAll("[^0-9]", "").substring(1));

      compile(code, "v2", 1);
      String answer = first;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!answer.startsWith("\"v2 ") && System.nanoTime() < deadline) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        answer = api.emulator().invoke("Hot", "{}").response();
      }
      assertTrue(answer.startsWith("\"v2 "), answer);
      assertFalse(
          answer.endsWith(" " + oldPid + "\""), "a new process serves the new code: " + answer);
      while (ProcessHandle.of(oldPid).map(ProcessHandle::isAlive).orElse(false)
          && System.nanoTime() < deadline) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
      }
      assertFalse(
          ProcessHandle.of(oldPid).map(ProcessHandle::isAlive).orElse(false),
          "the old child ended");
    }
  }
}
