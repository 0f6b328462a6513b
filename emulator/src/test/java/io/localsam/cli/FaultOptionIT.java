package io.localsam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.localsam.testsupport.HttpTestClient;
import io.localsam.testsupport.TestApi;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code start-api --fault}: faults from the command line, through the real jar, and its errors.
 */
class FaultOptionIT {
  private static final Pattern RUNNING =
      Pattern.compile("\\* Running on (http://127\\.0\\.0\\.1:\\d+) \\(");

  @TempDir Path folder;

  @Test
  void fault_repeats_and_keeps_each_spec_as_written() {
    StartApiCommand command = new StartApiCommand();
    new CommandLine(command)
        .parseArgs("--fault", "Hello:throttle", "--fault", "GET /hello:latency=2s");

    assertEquals(List.of("Hello:throttle", "GET /hello:latency=2s"), command.faults.faults);
  }

  @Test
  void a_route_fault_and_a_function_fault_answer_every_other_request() throws Exception {
    TestApi.writeTemplate(folder, TestApi.HELLO_TEMPLATE);

    try (JarProcess jar =
        JarProcess.start(
            folder,
            "-p",
            "0",
            "--fault",
            "GET /hello:status=503,one-in=2",
            "--fault",
            "Hello:throttle,one-in=2")) {
      Matcher running = RUNNING.matcher(jar.awaitLine("* Running on"));
      assertTrue(running.find(), jar.stderr());
      HttpTestClient http = new HttpTestClient(URI.create(running.group(1) + "/"));

      List<Integer> statuses =
          IntStream.range(0, 4).mapToObj(i -> http.get("/hello").status()).toList();

      // 1: neither; 2: the route's 503 (the function not invoked); 3: the function's second
      // invocation, throttled: 500
      assertEquals(List.of(200, 503, 500, 503), statuses, jar.stderr());
      assertTrue(
          jar.stderr().contains("Fault injected into route GET /hello: status=503,one-in=2"),
          jar.stderr());
      assertTrue(
          jar.stderr().contains("Fault injected into function Hello: throttle,one-in=2"),
          jar.stderr());
    }
  }

  @Test
  void a_bad_spec_is_a_usage_error_before_anything_starts() throws Exception {
    TestApi.writeTemplate(folder, TestApi.HELLO_TEMPLATE);

    try (JarProcess jar = JarProcess.start(folder, "-p", "0", "--fault", "Hello:explode")) {
      assertEquals(2, jar.exitCode());
      assertTrue(
          jar.stderr().contains("--fault 'Hello:explode': unknown fault 'explode'"), jar.stderr());
      assertFalse(jar.stderr().contains("Mounting"), jar.stderr());
    }
  }

  @Test
  void a_target_the_template_does_not_have_is_one_error_line_and_exit_code_1() throws Exception {
    TestApi.writeTemplate(folder, TestApi.HELLO_TEMPLATE);

    try (JarProcess jar = JarProcess.start(folder, "-p", "0", "--fault", "Helo:throttle")) {
      assertEquals(1, jar.exitCode());
      String stderr = jar.stderr().strip();
      String last = stderr.substring(stderr.lastIndexOf('\n') + 1);
      assertEquals(
          "Error: Cannot inject a fault into function Helo: the template has no such function (it has Hello)",
          last);
      assertFalse(stderr.contains("Exception"), "no stack trace: " + stderr);
    }
  }
}
