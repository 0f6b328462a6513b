package io.localsam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.localsam.testsupport.HttpTestClient;
import io.localsam.testsupport.TestApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * start-api's web console through the real jar: its URL among the start-up lines, its flags, the
 * reserved prefix.
 */
class StartApiConsoleIT {
  @TempDir Path folder;

  private static StartApiCommand parse(String... args) {
    StartApiCommand command = new StartApiCommand();
    new CommandLine(command).parseArgs(args);
    return command;
  }

  @Test
  void console_and_no_console_are_switches() {
    assertTrue(parse("--console").console);
    assertTrue(parse("--no-console").noConsole);
    assertFalse(parse().console || parse().noConsole);
  }

  @Test
  void the_console_url_is_a_start_up_line_and_an_open_stream_does_not_hold_up_sigterm()
      throws Exception {
    TestApi.writeTemplate(folder, TestApi.HELLO_TEMPLATE);

    try (JarProcess jar = JarProcess.start(folder, "-p", "0")) {
      Matcher line =
          Pattern.compile(
                  "^ \\* Web console and admin API: (http://127\\.0\\.0\\.1:\\d+/__localsam/)$")
              .matcher(jar.awaitLine("* Web console"));
      assertTrue(line.find(), jar.stderr());
      URI console = URI.create(line.group(1));
      assertEquals(200, new HttpTestClient(console).get("api/health").status());
      CompletableFuture<HttpResponse<Void>> stream =
          HttpClient.newHttpClient()
              .sendAsync(
                  HttpRequest.newBuilder(console.resolve("api/stream")).build(),
                  HttpResponse.BodyHandlers.discarding());

      int exitCode = jar.stop();

      assertEquals(0, exitCode, jar.stderr());
      assertFalse(jar.stderr().contains("Exception"), jar.stderr());
      stream.cancel(true);
    }
  }

  @Test
  void console_with_no_console_is_exit_code_2() throws Exception {
    TestApi.writeTemplate(folder, TestApi.HELLO_TEMPLATE);

    try (JarProcess jar = JarProcess.start(folder, "-p", "0", "--console", "--no-console")) {
      assertEquals(2, jar.exitCode());
      assertTrue(
          jar.stderr().contains("--console and --no-console contradict each other"), jar.stderr());
    }
  }

  @Test
  void a_template_route_under_the_prefix_is_one_error_line_and_exit_code_1() throws Exception {
    TestApi.writeTemplate(
        folder, TestApi.HELLO_TEMPLATE.replace("Path: /hello", "Path: /__localsam/hello"));

    try (JarProcess jar = JarProcess.start(folder, "-p", "0")) {
      assertEquals(1, jar.exitCode());
      String stderr = jar.stderr().strip();
      String last = stderr.substring(stderr.lastIndexOf('\n') + 1);
      assertTrue(last.startsWith("Error: "), stderr);
      assertTrue(last.contains("template.yaml:"), stderr);
      assertTrue(last.contains("GET /__localsam/hello of Hello is under /__localsam/"), stderr);
      assertFalse(stderr.contains("Exception"), "no stack trace: " + stderr);
    }
  }
}
