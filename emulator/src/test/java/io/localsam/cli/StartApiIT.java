package io.localsam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.localsam.testsupport.HttpTestClient;
import io.localsam.testsupport.TestApi;
import io.localsam.testsupport.TestCertificates;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar emulator.jar} as a user runs it: start-up lines, a request, and its errors with
 * exit codes.
 */
class StartApiIT {
  private static final Pattern MOUNTED =
      Pattern.compile("Mounting Hello at (http://127\\.0\\.0\\.1:(\\d+))/hello \\[GET]");

  @TempDir Path folder;

  @Test
  void serves_the_template_right_after_the_mounting_lines() throws Exception {
    TestApi.writeTemplate(folder, TestApi.HELLO_TEMPLATE);

    try (JarProcess jar = JarProcess.start(folder, "-p", "0")) {
      Matcher mounted = MOUNTED.matcher(jar.awaitLine("Mounting Hello"));
      assertTrue(mounted.find(), jar.stderr());
      HttpTestClient.Response response =
          new HttpTestClient(URI.create(mounted.group(1) + "/")).get("/hello");

      assertEquals(200, response.status());
      assertTrue(response.body().contains("\"message\":\"hello world\""), response.body());
    }
  }

  @Test
  void serves_https_with_pem_certificate_and_key_files() throws Exception {
    TestApi.writeTemplate(folder, TestApi.HELLO_TEMPLATE);

    try (JarProcess jar =
        JarProcess.start(
            folder,
            "-p",
            "0",
            "--ssl-cert-file",
            TestCertificates.file("rsa.cert").toString(),
            "--ssl-key-file",
            TestCertificates.file("rsa-pkcs1.key").toString())) {
      Matcher running =
          Pattern.compile("\\* Running on (https://127\\.0\\.0\\.1:\\d+) \\(")
              .matcher(jar.awaitLine("* Running on"));
      assertTrue(running.find(), jar.stderr());
      assertTrue(
          jar.stderr().contains("Mounting Hello at " + running.group(1) + "/hello [GET]"),
          jar.stderr());
      HttpResponse<String> response =
          TestCertificates.clientTrusting("rsa.cert")
              .send(
                  HttpRequest.newBuilder(URI.create(running.group(1) + "/hello")).build(),
                  HttpResponse.BodyHandlers.ofString());

      assertEquals(200, response.statusCode(), response.body());
      assertTrue(response.body().contains("\"message\":\"hello world\""), response.body());
    }
  }

  @Test
  void a_certificate_without_its_key_is_a_usage_error() throws Exception {
    TestApi.writeTemplate(folder, TestApi.HELLO_TEMPLATE);

    try (JarProcess jar =
        JarProcess.start(folder, "--ssl-cert-file", TestCertificates.file("rsa.cert").toString())) {
      assertEquals(2, jar.exitCode(), jar.stderr());
      assertTrue(
          jar.stderr()
              .contains("--ssl-cert-file and --ssl-key-file go together: pass both, or neither."),
          jar.stderr());
    }
  }

  @Test
  void an_encrypted_key_is_one_line_and_exit_code_1() throws Exception {
    TestApi.writeTemplate(folder, TestApi.HELLO_TEMPLATE);

    try (JarProcess jar =
        JarProcess.start(
            folder,
            "--ssl-cert-file",
            TestCertificates.file("rsa.cert").toString(),
            "--ssl-key-file",
            TestCertificates.file("rsa-encrypted.key").toString())) {
      assertEquals(1, jar.exitCode(), jar.stderr());
      assertTrue(jar.stderr().strip().startsWith("Error: --ssl-key-file "), jar.stderr());
      assertTrue(jar.stderr().contains("is encrypted"), jar.stderr());
      assertFalse(jar.stderr().contains("Exception"), "no stack trace: " + jar.stderr());
    }
  }

  @Test
  void unreadable_template_is_one_line_naming_file_and_line_and_exit_code_1() throws Exception {
    Files.writeString(folder.resolve("template.yaml"), "Resources:\n  Fn:\n    Type: [unclosed\n");

    try (JarProcess jar = JarProcess.start(folder)) {
      assertEquals(1, jar.exitCode());
      String stderr = jar.stderr().strip();
      assertFalse(stderr.contains("\n"), "one line only: " + stderr);
      assertTrue(stderr.startsWith("Error: "), stderr);
      assertTrue(stderr.contains("template.yaml:4:1: invalid YAML"), stderr);
      assertFalse(stderr.contains("Exception"), "no stack trace: " + stderr);
    }
  }

  @Test
  void missing_template_says_where_it_looked() throws Exception {
    try (JarProcess jar = JarProcess.start(folder)) {
      assertEquals(1, jar.exitCode());
      assertTrue(jar.stderr().contains("no template found in"), jar.stderr());
    }
  }

  @Test
  void port_in_use_is_one_clear_line_and_exit_code_1() throws Exception {
    TestApi.writeTemplate(
        folder,
        """
        Resources:
          Hello:
            Type: AWS::Serverless::Function
            Properties: {CodeUri: ${CODE}, Handler: fixtures.Hello, Runtime: java17,
                         Events: {Get: {Type: Api, Properties: {Path: /hello, Method: get}}}}
        """);
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        JarProcess jar =
            JarProcess.start(
                folder, "template.yaml", "-p", Integer.toString(taken.getLocalPort()))) {
      assertEquals(1, jar.exitCode());
      assertTrue(jar.stderr().contains("is already in use"), jar.stderr());
    }
  }

  private static final String SLOW_API =
      """
      Transform: AWS::Serverless-2016-10-31
      Resources:
        Slow:
          Type: AWS::Serverless::Function
          Properties:
            CodeUri: ${CODE}
            Handler: fixtures.Sleepy
            Runtime: java17
            Timeout: 10
            Events:
              Get: {Type: Api, Properties: {Path: /slow, Method: get}}
      """;

  private static URI baseUri(JarProcess jar) {
    Matcher running =
        Pattern.compile("\\* Running on (http://127\\.0\\.0\\.1:\\d+) \\(Press CTRL\\+C to quit\\)")
            .matcher(jar.awaitLine("* Running on"));
    assertTrue(running.find(), jar.stderr());
    assertTrue(
        jar.stderr().contains(StartApiCommand.BROWSE + "\n"),
        "SAM CLI's sentence, word for word: " + jar.stderr());
    return URI.create(running.group(1) + "/");
  }

  @Test
  void sigterm_lets_a_request_in_flight_finish_and_exits_0() throws Exception {
    TestApi.writeTemplate(folder, SLOW_API);

    try (JarProcess jar = JarProcess.start(folder, "-p", "0")) {
      HttpTestClient client = new HttpTestClient(baseUri(jar));
      CompletableFuture<HttpTestClient.Response> inFlight =
          CompletableFuture.supplyAsync(() -> client.get("/slow?ms=1500"));
      jar.awaitLine("[Slow] START RequestId");

      int exitCode = jar.stop();

      assertEquals(0, exitCode, jar.stderr());
      HttpTestClient.Response response = inFlight.get(30, TimeUnit.SECONDS);
      assertEquals(200, response.status());
      assertEquals("slept 1500", response.body());
    }
  }

  @Test
  void a_template_without_api_routes_is_one_error_line_and_exit_code_1() throws Exception {
    TestApi.writeTemplate(
        folder,
        """
        Resources:
          Worker:
            Type: AWS::Serverless::Function
            Properties: {CodeUri: ${CODE}, Handler: fixtures.Counter, Runtime: java17}
        """);

    try (JarProcess jar = JarProcess.start(folder, "-p", "0")) {
      assertEquals(1, jar.exitCode());
      assertTrue(
          jar.stderr()
              .contains("Error: Template does not have any APIs connected to Lambda functions"),
          jar.stderr());
    }
  }

  @Test
  void eager_warm_containers_initialise_functions_before_the_first_request() throws Exception {
    TestApi.writeTemplate(folder, SLOW_API);

    try (JarProcess eager = JarProcess.start(folder, "-p", "0", "--warm-containers", "EAGER");
        JarProcess lazy = JarProcess.start(folder, "-p", "0", "--warm-containers", "LAZY")) {
      new HttpTestClient(baseUri(eager)).get("/slow?ms=1");
      new HttpTestClient(baseUri(lazy)).get("/slow?ms=1");

      assertFalse(
          eager.awaitLine("[Slow] REPORT RequestId").contains("Init Duration"), eager.stderr());
      assertTrue(
          lazy.awaitLine("[Slow] REPORT RequestId").contains("Init Duration"), lazy.stderr());
    }
  }

  @Test
  void log_file_takes_the_function_logs_and_stderr_keeps_the_start_up_lines() throws Exception {
    TestApi.writeTemplate(folder, SLOW_API);
    Path log = folder.resolve("functions.log");

    try (JarProcess jar = JarProcess.start(folder, "-p", "0", "--log-file", log.toString())) {
      new HttpTestClient(baseUri(jar)).get("/slow?ms=1");
      jar.awaitLine("Mounting Slow at");

      assertTrue(eventuallyContains(log, "REPORT RequestId"), "log file: " + read(log));
      assertFalse(jar.stderr().contains("START RequestId"), jar.stderr());
    }
  }

  private static boolean eventuallyContains(Path file, String text) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (read(file).contains(text)) {
        return true;
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
    return false;
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "";
    } catch (IOException e) {
      return "<unreadable: " + e + ">";
    }
  }

  @Test
  void
      an_edited_template_is_served_without_a_restart_and_its_lines_stay_on_stderr_beside_a_log_file()
          throws Exception {
    TestApi.writeTemplate(folder, TestApi.HELLO_TEMPLATE);

    try (JarProcess jar = JarProcess.start(folder, "-p", "0", "--log-file", "functions.log")) {
      Matcher mounted = MOUNTED.matcher(jar.awaitLine("Mounting Hello"));
      assertTrue(mounted.find(), jar.stderr());
      HttpTestClient http = new HttpTestClient(URI.create(mounted.group(1) + "/"));

      TestApi.writeTemplate(
          folder, TestApi.HELLO_TEMPLATE.replace("Path: /hello", "Path: /renamed"));
      jar.awaitLine(
          "Template reloaded: 1 route added (GET /renamed), 1 route removed (GET /hello)");
      assertEquals(200, http.get("/renamed").status());
      assertEquals(403, http.get("/hello").status());

      TestApi.writeTemplate(
          folder, TestApi.HELLO_TEMPLATE.replace("Runtime: java17", "Runtime: [java17"));
      String refused = jar.awaitLine("Template not reloaded");
      assertTrue(
          Pattern.compile(
                  "\\(the last good version keeps serving\\): \\S*template\\.yaml:\\d+:\\d+: invalid YAML")
              .matcher(refused)
              .find(),
          refused);
      assertEquals(200, http.get("/renamed").status(), "the last good version keeps serving");
    }
  }

  @Test
  void no_watch_says_at_start_up_that_edits_need_a_restart() throws Exception {
    TestApi.writeTemplate(folder, TestApi.HELLO_TEMPLATE);

    try (JarProcess jar = JarProcess.start(folder, "-p", "0", "--no-watch")) {
      jar.awaitLine(
          "Note: --no-watch: edits to the template and rebuilt code are picked up only by a restart.");
      Matcher mounted = MOUNTED.matcher(jar.awaitLine("Mounting Hello"));
      assertTrue(mounted.find(), jar.stderr());

      assertEquals(
          200, new HttpTestClient(URI.create(mounted.group(1) + "/")).get("/hello").status());
    }
  }
}
