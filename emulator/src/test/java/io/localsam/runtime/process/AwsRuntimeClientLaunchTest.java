package io.localsam.runtime.process;

import static io.localsam.testsupport.AwsClientAssumption.assumeAwsClientRunsHere;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The child on AWS's runtime interface client as LocalSAM launches it, over a real Runtime API:
 * what is on its class path, and a native library that does not load becoming one Init error
 * instead of the client's stack trace and exit.
 */
class AwsRuntimeClientLaunchTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path folder;

  @BeforeAll
  static void onlyWhereTheClientRuns() {
    assumeAwsClientRunsHere();
  }

  @Test
  void theLaunchersJarHoldsTheLauncherAloneAndTheClientsJarsFollow() throws Exception {
    AwsRuntimeClientFiles files = AwsRuntimeClientFiles.get();
    try (ZipFile launcher = new ZipFile(files.classpath().get(0).toFile())) {
      assertEquals(
          List.of(
              "io/localsam/runtime/child/AwsRuntimeClientMain.class",
              "io/localsam/runtime/child/ParentWatch.class"),
          launcher.stream().map(entry -> entry.getName()).sorted().toList(),
          "nothing of LocalSAM's libraries reaches the function");
    }
    assertEquals(
        List.of(
            "aws-lambda-java-runtime-interface-client.jar",
            "aws-lambda-java-core.jar",
            "utils-lite.jar",
            "aws-lambda-java-serialization.jar"),
        files.classpath().subList(1, 5).stream()
            .map(
                jar ->
                    jar.getFileName()
                        .toString()
                        .replaceAll("^localsam-[^-]+(-SNAPSHOT)?-[0-9a-f]{16}-", ""))
            .toList());
    assertTrue(Files.isRegularFile(files.nativeLibrary()), files.nativeLibrary().toString());
    assertEquals(files, AwsRuntimeClientFiles.get(), "unpacked once");
  }

  @Test
  void aNativeLibraryThatDoesNotLoadIsOneInitErrorWithoutAStackTrace() throws Exception {
    Path notALibrary = Files.writeString(folder.resolve("libaws-lambda-jni.so"), "not an ELF file");
    AwsRuntimeClientFiles broken =
        new AwsRuntimeClientFiles(AwsRuntimeClientFiles.get().classpath(), notALibrary);
    List<String> output = new CopyOnWriteArrayList<>();
    try (ChildEnvironment child =
        ChildEnvironment.start(
            api ->
                ChildLaunch.awsRuntimeClient(
                    FixtureFunctions.currentJdk(),
                    128,
                    broken,
                    FixtureFunctions.classpath(),
                    "fixtures.Counter",
                    FixtureFunctions.lambdaEnvironment("Fn", "fixtures.Counter", 128),
                    api,
                    0),
            output::add)) {
      RuntimeReply reply =
          assertInstanceOf(
                  ChildEnvironment.Outcome.Replied.class, child.init(Duration.ofSeconds(30)))
              .reply();

      assertEquals("Runtime.InvalidRuntime", reply.errorType());
      JsonNode document = JSON.readTree(new String(reply.payload(), UTF_8));
      assertEquals("Runtime.InvalidRuntime", document.get("errorType").asText());
      String message = document.get("errorMessage").asText();
      assertTrue(
          message.startsWith(
              "AWS's runtime interface client cannot run here: its native library "
                  + notALibrary
                  + " does not load ("),
          message);
      assertFalse(
          output.stream().anyMatch(line -> line.contains("\tat ")), "no stack trace: " + output);
    }
  }
}
