package io.localsam.runtime.process;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.localsam.config.Isolation;
import io.localsam.runtime.RuntimeApiBootstrap;
import io.localsam.testsupport.HttpTestClient;
import io.localsam.testsupport.TestApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A function compiled for Java 21 (class file 65) runs in a child JVM of a newer local JDK while
 * the tests, like LocalSAM, run on Java 17, and the class-file check refuses it for a JDK too old,
 * with a message. Skipped, saying so, on a machine without a JDK 21 or newer.
 */
class NewerJavaTest {
  private static final String SOURCE =
      """
      package java21fn;

      import com.amazonaws.services.lambda.runtime.Context;
      import com.amazonaws.services.lambda.runtime.RequestHandler;
      import java.util.Map;

      public class Version implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        sealed interface Shape permits Square {}
        record Square(int side) implements Shape {}

        @Override
        public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
          Shape shape = new Square(3);
          int area = switch (shape) { case Square(int side) -> side * side; }; // record patterns: Java 21
          return Map.of("statusCode", 200, "body", "java " + Runtime.version().feature() + " area " + area);
        }
      }
      """;

  @TempDir static Path code;

  static Jdk jdk;

  @BeforeAll
  static void compile() throws Exception {
    try {
      jdk =
          new JdkLocator(Map.of(), System.getenv(), Path.of(System.getProperty("user.home")))
              .locate("java21");
    } catch (JdkNotFound none) {
      assumeTrue(
          false,
          "no JDK 21 or newer on this machine, so nothing to run a Java 21 function on: "
              + none.getMessage());
    }
    Path javac =
        jdk.home()
            .resolve("bin")
            .resolve(jdk.java().getFileName().toString().replace("java", "javac"));
    assumeTrue(Files.isExecutable(javac), "the JDK found for java21 has no javac: " + jdk.home());
    Path source = Files.createDirectories(code.resolve("src/java21fn")).resolve("Version.java");
    Files.writeString(source, SOURCE);
    String coreApi =
        Path.of(Context.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .toString();
    Process javacRun =
        new ProcessBuilder(
                javac.toString(),
                "--release",
                "21",
                "-cp",
                coreApi,
                "-d",
                code.resolve("classes").toString(),
                source.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(javacRun.getInputStream().readAllBytes(), UTF_8);
    assertEquals(0, javacRun.waitFor(), output);
  }

  @Test
  void theClassFileSaysJava21() {
    assertEquals(
        65,
        ClassFileVersion.majorVersion(List.of(code.resolve("classes")), "java21fn.Version")
            .orElseThrow());
    assertNull(
        ClassFileVersion.refusal(
            "Fn",
            "java21fn.Version::handleRequest",
            List.of(code.resolve("classes")),
            jdk,
            "java21"));
  }

  @Test
  void aJdkTooOldIsRefusedWithAMessageBeforeStart() {
    String refusal =
        ClassFileVersion.refusal(
            "Fn",
            "java21fn.Version",
            List.of(code.resolve("classes")),
            FixtureFunctions.currentJdk(),
            "java21");
    assertNotNull(refusal);
    assertTrue(
        refusal.startsWith(
            "Function Fn: java21fn.Version is compiled for Java 21 (class file version 65), but the JDK"
                + " chosen for Runtime java21 is Java 17"),
        refusal);
  }

  @Test
  void answersThroughTheGatewayOfALocalSamOnJava17(@TempDir Path templateFolder) {
    try (TestApi api =
        TestApi.start(
            templateFolder,
            """
        Resources:
          Modern:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: java21
              CodeUri: CLASSES
              Handler: java21fn.Version::handleRequest
              Events: {Get: {Type: Api, Properties: {Path: /version, Method: get}}}
        """
                .replace("CLASSES", code.resolve("classes").toString()),
            options ->
                options.isolation(new Isolation(false, Set.of("Modern"), Map.of(), 0, Set.of())))) {
      HttpTestClient.Response response = api.http().get("/version");
      assertEquals(200, response.status(), response.body() + api.logs());
      assertEquals("java " + jdk.feature() + " area 9", response.body());
      assertTrue(
          api.logged("Modern: runs in a process of its own: Java " + jdk.feature()),
          api.logs().toString());
    }
  }

  @Test
  void runsOnTheNewerJdk() throws Exception {
    Map<String, String> env = FixtureFunctions.lambdaEnvironment("Fn21", "java21fn.Version", 256);
    env.put("LAMBDA_TASK_ROOT", code.resolve("classes").toString());
    try (ChildEnvironment environment =
        ChildEnvironment.start(
            api ->
                ChildLaunch.java(
                    jdk,
                    RuntimeApiBootstrap.class,
                    256,
                    List.of(code.resolve("classes")),
                    env,
                    api,
                    0),
            line -> {})) {
      assertFalse(
          assertInstanceOf(
                  ChildEnvironment.Outcome.Replied.class, environment.init(Duration.ofSeconds(30)))
              .reply()
              .failed());
      RuntimeReply reply =
          assertInstanceOf(
                  ChildEnvironment.Outcome.Replied.class,
                  environment.invoke(
                      new RuntimeRequest(
                          "j21",
                          System.currentTimeMillis() + 30_000,
                          "arn",
                          null,
                          "{}".getBytes(UTF_8)),
                      Duration.ofSeconds(30),
                      line -> {}))
              .reply();
      assertEquals(
          "java " + jdk.feature() + " area 9",
          new ObjectMapper().readTree(reply.payload()).get("body").asText());
      assertTrue(jdk.feature() >= 21);
    }
  }
}
