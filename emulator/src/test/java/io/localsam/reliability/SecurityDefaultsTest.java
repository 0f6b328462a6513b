package io.localsam.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.localsam.EmulatorOptions;
import io.localsam.reliability.RawHttp.Answer;
import io.localsam.testsupport.HttpTestClient;
import io.localsam.testsupport.HttpTestClient.Response;
import io.localsam.testsupport.TestApi;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What LocalSAM exposes when the developer asks for nothing special: only the loopback address,
 * only the environment variables the template declares (with fake credentials), only the static
 * folder's files, and no cross-origin access.
 */
class SecurityDefaultsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Every variable Lambda or SAM CLI sets, which a function may see whatever the shell holds. */
  private static final Set<String> RESERVED =
      Set.of(
          "AWS_SAM_LOCAL",
          "AWS_REGION",
          "AWS_DEFAULT_REGION",
          "AWS_ACCOUNT_ID",
          "AWS_ACCESS_KEY_ID",
          "AWS_SECRET_ACCESS_KEY",
          "AWS_LAMBDA_FUNCTION_NAME",
          "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
          "AWS_LAMBDA_FUNCTION_TIMEOUT",
          "AWS_LAMBDA_FUNCTION_HANDLER",
          "_HANDLER",
          "AWS_LAMBDA_FUNCTION_VERSION",
          "AWS_LAMBDA_LOG_GROUP_NAME",
          "AWS_LAMBDA_LOG_STREAM_NAME",
          "AWS_LAMBDA_INITIALIZATION_TYPE",
          "AWS_EXECUTION_ENV",
          "LANG",
          "TZ",
          "AWS_LAMBDA_LOG_FORMAT",
          "AWS_LAMBDA_LOG_LEVEL",
          "LAMBDA_TASK_ROOT",
          "LAMBDA_RUNTIME_DIR",
          "PATH",
          "LD_LIBRARY_PATH",
          "AWS_XRAY_CONTEXT_MISSING",
          "_X_AMZN_TRACE_ID");

  @TempDir Path folder;

  @Test
  void the_default_bind_address_is_loopback_only() throws Exception {
    assertEquals(
        "127.0.0.1", EmulatorOptions.builder(folder.resolve("template.yaml")).build().host());
    try (TestApi api = TestApi.start(folder, TestApi.HELLO_TEMPLATE)) {
      assertEquals("127.0.0.1", api.emulator().baseUri().getHost());
      Path table = Path.of("/proc/net/tcp");
      assumeTrue(
          Files.isReadable(table), "the kernel's socket table shows what is really bound (Linux)");
      String port = String.format("%04X", api.emulator().port());
      List<String> listening = new ArrayList<>();
      for (Path file : List.of(table, Path.of("/proc/net/tcp6"))) {
        if (Files.isReadable(file)) {
          for (String line : Files.readAllLines(file)) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length > 3
                && fields[1].endsWith(":" + port)
                && fields[3].equals("0A")) { // 0A = LISTEN
              listening.add(fields[1]);
            }
          }
        }
      }
      // 127.0.0.1, written by the kernel as an IPv4 socket or as an IPv4-mapped IPv6 one; never
      // 0.0.0.0 or ::
      Set<String> loopback = Set.of("0100007F:" + port, "0000000000000000FFFF00000100007F:" + port);
      assertEquals(1, listening.size(), listening.toString());
      assertTrue(loopback.contains(listening.get(0)), "listening on loopback only: " + listening);
    }
  }

  @Test
  void from_the_command_line_a_function_sees_only_declared_variables_and_fake_credentials()
      throws Exception {
    Path template = folder.resolve("template.yaml");
    Files.writeString(
        template,
        """
        Resources:
          Env:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: %s
              Handler: fixtures.EnvDump
              Runtime: java17
              Environment: {Variables: {TABLE: orders, DECLARED_IN_SHELL: from-template}}
              Events:
                Get: {Type: Api, Properties: {Path: /env, Method: get}}
        """
            .formatted(TestApi.codeFolder()),
        StandardCharsets.UTF_8);
    Path stderr = folder.resolve("stderr.txt");
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "io.localsam.cli.Main",
                "start-api",
                "-t",
                template.toString(),
                "-p",
                "0")
            .redirectError(stderr.toFile())
            .redirectOutput(folder.resolve("stdout.txt").toFile());
    Map<String, String> shell = builder.environment(); // the developer's shell, with secrets in it
    shell.put("AWS_ACCESS_KEY_ID", "AKIAREALDEVELOPERKEY");
    shell.put("AWS_SECRET_ACCESS_KEY", "real-developer-secret");
    shell.put("AWS_SESSION_TOKEN", "real-session-token");
    shell.put("AWS_PROFILE", "production");
    shell.put("GITHUB_TOKEN", "ghp_developer");
    shell.put("DECLARED_IN_SHELL", "from-shell");
    Process process = builder.start();
    try {
      String running = awaitLine(process, stderr, " * Running on ");
      Matcher url = Pattern.compile("(http://\\S+)").matcher(running);
      assertTrue(url.find(), running);
      URI base = URI.create(url.group(1) + "/");
      assertEquals(
          "127.0.0.1",
          base.getHost(),
          "the command line binds loopback unless --host says otherwise");

      Response response = new HttpTestClient(base).get("/env");

      assertEquals(200, response.status(), response.body());
      JsonNode seen = JSON.readTree(response.body());
      for (Iterator<String> names = seen.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        assertTrue(
            RESERVED.contains(name) || name.equals("TABLE") || name.equals("DECLARED_IN_SHELL"),
            name + " is neither declared nor one Lambda sets");
      }
      assertEquals(
          "defaultkey",
          seen.path("AWS_ACCESS_KEY_ID").asText(),
          "fake credentials, never the developer's");
      assertEquals("defaultsecret", seen.path("AWS_SECRET_ACCESS_KEY").asText());
      assertFalse(
          response.body().contains("real-")
              || response.body().contains("AKIAREAL")
              || response.body().contains("ghp_"));
      assertEquals(
          "from-shell",
          seen.path("DECLARED_IN_SHELL").asText(),
          "a declared name may come from the shell, as in SAM CLI");
      assertEquals("orders", seen.path("TABLE").asText());
    } finally {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  private static String awaitLine(Process process, Path stderr, String text) throws IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      for (String line : Files.readAllLines(stderr, StandardCharsets.UTF_8)) {
        if (line.contains(text)) {
          return line;
        }
      }
      if (!process.isAlive()) {
        break;
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
    }
    throw new AssertionError(
        "no line with '" + text + "': " + Files.readString(stderr, StandardCharsets.UTF_8));
  }

  @Test
  void static_files_never_reach_outside_the_folder_nor_list_it() throws Exception {
    Path app = Files.createDirectories(folder.resolve("app"));
    Files.createDirectories(app.resolve("public/css"));
    Files.writeString(app.resolve("public/css/site.css"), "h1{}");
    Files.writeString(app.resolve("secret.txt"), "TOP-SECRET");
    Files.writeString(app.resolve("template.yaml.bak"), "TOP-SECRET");
    try (TestApi api = TestApi.start(app, TestApi.HELLO_TEMPLATE)) {
      String absolute = app.resolve("secret.txt").toAbsolutePath().toString();
      for (String path :
          List.of(
              "/../secret.txt",
              "/%2e%2e/secret.txt",
              "/..%2fsecret.txt",
              "/%2e%2e%2fsecret.txt",
              "/.%2e/secret.txt",
              "/css/..%2f..%2fsecret.txt",
              "/css/%2e%2e/%2e%2e/secret.txt",
              "/%252e%252e/secret.txt",
              "/..%5csecret.txt",
              "/css/../../secret.txt",
              "//..//secret.txt",
              "/%2f..%2fsecret.txt",
              absolute,
              "/%2e%2e/template.yaml",
              "/../template.yaml",
              "/secret.txt%00.css",
              "/",
              "/css",
              "/css/",
              "/css/.")) {
        Answer answer =
            RawHttp.exchange(
                api.emulator().port(),
                "GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        assertNotNull(answer, path);
        assertTrue(answer.status() == 403 || answer.status() == 400, path + " -> " + answer);
        assertFalse(
            answer.body().contains("TOP-SECRET")
                || answer.body().contains("site.css")
                || answer.body().contains("Resources"),
            path + " -> " + answer);
      }
      assertEquals("h1{}", api.http().get("/css/site.css").body(), "the folder itself is served");
    }
  }

  @Test
  void without_cors_in_the_template_no_other_origin_may_read_a_response() throws Exception {
    try (TestApi api = TestApi.start(folder, TestApi.HELLO_TEMPLATE)) {
      Response get = api.http().get("/hello", "Origin", "http://evil.example");
      Answer preflight =
          RawHttp.exchange(
              api.emulator().port(),
              "OPTIONS /hello HTTP/1.1\r\nHost: x\r\nOrigin: http://evil.example\r\n"
                  + "Access-Control-Request-Method: GET\r\nConnection: close\r\n\r\n");

      assertEquals(200, get.status());
      assertNull(get.header("Access-Control-Allow-Origin"));
      assertEquals(403, preflight.status(), preflight.toString());
      assertNull(preflight.header("access-control-allow-origin"));
      assertFalse(
          preflight.headers().keySet().stream()
              .anyMatch(h -> h.toLowerCase(Locale.ROOT).startsWith("access-control-")));
    }
  }
}
