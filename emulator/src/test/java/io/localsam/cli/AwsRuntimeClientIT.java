package io.localsam.cli;

import static io.localsam.testsupport.AwsClientAssumption.assumeAwsClientRunsHere;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.localsam.testsupport.HttpTestClient;
import io.localsam.testsupport.TestApi;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar emulator.jar --runtime-client aws} as a user runs it: AWS's runtime interface
 * client and the jars it needs come out of the shaded jar into the temp folder, with nothing
 * fetched, and answer.
 */
class AwsRuntimeClientIT {
  private static final Pattern MOUNTED =
      Pattern.compile("Mounting Hello at (http://127\\.0\\.0\\.1:(\\d+))/hello \\[GET]");

  @TempDir Path folder;

  @TempDir Path temp; // the jar's java.io.tmpdir, so what it unpacks is seen here and nowhere else

  @BeforeEach
  void onlyWhereTheClientRuns() {
    assumeAwsClientRunsHere();
  }

  @Test
  void invoke_answers_from_aws_client_unpacked_from_the_jar() throws Exception {
    TestApi.writeTemplate(
        folder,
        """
        Resources:
          Chatty:
            Type: AWS::Serverless::Function
            Properties: {CodeUri: ${CODE}, Handler: fixtures.Chatty, Runtime: java17, Timeout: 20}
        """);
    byte[] event = "{\"x\": 1}".getBytes(StandardCharsets.UTF_8);

    try (JarProcess jar =
        JarProcess.start(
            folder,
            List.of("-Djava.io.tmpdir=" + temp),
            event,
            "invoke",
            "Chatty",
            "--runtime-client",
            "aws",
            "-e",
            "-")) {
      assertEquals(0, jar.exitCode(), jar.stderr());
      assertEquals(
          "{\"function\": \"Chatty\", \"arn\": \"arn:aws:lambda:us-east-1:123456789012:function:Chatty\", "
              + "\"event\": {\"x\": 1}, \"text\": \"h\u00e9llo w\u00f6rld\"}",
          jar.stdout(),
          "the same answer as in-process");
      assertTrue(
          jar.stderr()
              .contains(
                  "Chatty: runs in a process of its own on AWS's runtime interface client: Java "),
          jar.stderr());
      // Not LambdaLogger's line: AWS's client writes log("...") as is, with no newline, outside
      // Lambda's telemetry framing
      assertTrue(
          jar.stderr().contains("[Chatty] printed to stdout")
              && jar.stderr().contains("[Chatty] printed to stderr"),
          jar.stderr());
    }
    List<String> unpacked;
    try (Stream<Path> files = Files.list(temp)) {
      unpacked = files.map(file -> file.getFileName().toString()).sorted().toList();
    }
    // each named by LocalSAM's version and its content (a hash, or the jar entry's CRC and size),
    // then its own name
    for (String expected :
        List.of(
            "aws-lambda-java-core.jar",
            "aws-lambda-java-runtime-interface-client.jar",
            "aws-lambda-java-serialization.jar",
            "aws-runtime-client-launcher.jar",
            "utils-lite.jar")) {
      assertTrue(
          unpacked.stream()
              .anyMatch(name -> name.equals(expected) || name.endsWith("-" + expected)),
          expected + " in " + unpacked);
    }
    assertTrue(
        unpacked.stream().anyMatch(name -> name.matches("(.*-)?libaws-lambda-jni\\.linux.*")),
        unpacked.toString());
    assertTrue(
        unpacked.stream().noneMatch(name -> name.endsWith(".partial")),
        "every copy whole: " + unpacked);
  }

  @Test
  void start_api_serves_a_function_on_aws_client() throws Exception {
    TestApi.writeTemplate(folder, TestApi.HELLO_TEMPLATE);

    try (JarProcess jar =
        JarProcess.start(
            folder,
            List.of("-Djava.io.tmpdir=" + temp),
            null,
            "-p",
            "0",
            "--runtime-client",
            "aws")) {
      Matcher mounted = MOUNTED.matcher(jar.awaitLine("Mounting Hello"));
      assertTrue(mounted.find(), jar.stderr());
      HttpTestClient.Response response =
          new HttpTestClient(URI.create(mounted.group(1) + "/")).get("/hello?name=jar");

      assertEquals(200, response.status(), jar.stderr());
      assertTrue(response.body().contains("\"message\":\"hello jar\""), response.body());
      assertTrue(
          jar.stderr()
              .contains("Hello: runs in a process of its own on AWS's runtime interface client"),
          jar.stderr());
    }
  }
}
