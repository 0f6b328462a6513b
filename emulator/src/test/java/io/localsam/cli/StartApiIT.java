package io.localsam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.localsam.testsupport.HttpTestClient;
import io.localsam.testsupport.TestApi;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar emulator.jar} as a user runs it: start-up lines, a request, and its errors with exit codes. */
class StartApiIT {
  private static final Pattern MOUNTED = Pattern.compile("Mounting Hello at (http://127\\.0\\.0\\.1:(\\d+))/hello \\[GET]");

  @TempDir
  Path folder;

  @Test
  void serves_the_template_right_after_the_mounting_lines() throws Exception {
    TestApi.writeTemplate(folder, """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Hello:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: ${CODE}
              Handler: fixtures.Hello
              Runtime: java17
              Events:
                Get: {Type: Api, Properties: {Path: /hello, Method: get}}
        """);

    try (JarProcess jar = JarProcess.start(folder, "-p", "0")) {
      Matcher mounted = MOUNTED.matcher(jar.awaitLine("Mounting Hello"));
      assertTrue(mounted.find(), jar.stderr());
      HttpTestClient.Response response = new HttpTestClient(URI.create(mounted.group(1) + "/")).get("/hello");

      assertEquals(200, response.status());
      assertTrue(response.body().contains("\"message\":\"hello world\""), response.body());
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
    TestApi.writeTemplate(folder, """
        Resources:
          Hello:
            Type: AWS::Serverless::Function
            Properties: {CodeUri: ${CODE}, Handler: fixtures.Hello, Runtime: java17,
                         Events: {Get: {Type: Api, Properties: {Path: /hello, Method: get}}}}
        """);
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
        JarProcess jar = JarProcess.start(folder, "template.yaml", "-p", Integer.toString(taken.getLocalPort()))) {
      assertEquals(1, jar.exitCode());
      assertTrue(jar.stderr().contains("is already in use"), jar.stderr());
    }
  }
}
