package io.localsam.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code mvn localsam:start-api} in a fresh copy of sample-app/ (nothing compiled before): it
 * compiles the function modules, serves /hello, serves an edit of App.java without a restart, and
 * keeps the last good code serving through a compile error, which it prints once, and ends cleanly
 * on SIGTERM. One Maven run for the class; the tests run in order on it.
 */
@TestMethodOrder(OrderAnnotation.class)
class StartApiIT {
  private static final Duration START = Duration.ofMinutes(3);
  private static final Duration RELOAD = Duration.ofSeconds(30);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static SampleAppCopy sample;
  private static MavenRun maven;
  private static URI hello;
  private static Path app;

  @BeforeAll
  static void startApi() throws Exception {
    sample =
        SampleAppCopy.create(
            "start-api",
            PluginRepository.publish(Path.of("target/it-repository").toAbsolutePath()));
    app = sample.file("HelloWorldFunction/src/main/java/helloworld/App.java");
    maven = sample.start("localsam:start-api", "-Dlocalsam.port=0");
    String url =
        maven
            .awaitLog("Mounting HelloWorldFunction at (http://127\\.0\\.0\\.1:\\d+/hello)", START)
            .group(1);
    maven.awaitLog("Press CTRL\\+C to quit", START);
    hello = URI.create(url);
  }

  @AfterAll
  static void stop() throws Exception {
    if (maven != null) {
      maven.close();
    }
  }

  @Test
  @Order(1)
  void serves_hello_from_modules_it_compiled_itself() throws Exception {
    HttpResponse<String> response = get(hello);

    assertEquals(200, response.statusCode(), maven.log());
    assertEquals("{\"message\": \"hello world\"}", response.body());
    assertTrue(maven.log().contains("HelloWorldFunction: compiled in "), maven.log());
  }

  @Test
  @Order(2)
  void serves_an_edit_of_app_java_without_a_restart() throws Exception {
    replaceInApp("hello world", "hello live");

    String body = awaitBody("hello live");

    assertEquals("{\"message\": \"hello live\"}", body);
    assertEquals(
        1, maven.count("Mounting HelloWorldFunction"), "served by the same run, never restarted");
  }

  @Test
  @Order(3)
  void keeps_the_last_good_code_through_a_compile_error_printed_once() throws Exception {
    String good = Files.readString(app);
    String broken = good.replace(".withStatusCode(200)", ".withStatusCode(200) oops");
    Files.writeString(app, broken);
    maven.awaitLog("HelloWorldFunction: compile error, the last good code keeps serving", RELOAD);

    assertEquals("{\"message\": \"hello live\"}", get(hello).body());
    assertTrue(
        maven.log().contains("App.java:"), "the error names the file and line: " + maven.log());

    Files.writeString(app, broken + "\n"); // saved again, still the same error
    Files.writeString(app, good.replace("hello live", "hello again"));
    awaitBody("hello again");
    assertEquals(
        1,
        maven.count("HelloWorldFunction: compile error"),
        "the same error is printed once: " + maven.log());
  }

  @Test
  @Order(4)
  void a_stop_signal_ends_the_goal_cleanly() throws Exception {
    int exit = maven.terminate(Duration.ofSeconds(45));

    assertEquals(0, exit, maven.log());
    assertTrue(maven.log().contains("BUILD SUCCESS"), maven.log());
  }

  private static void replaceInApp(String from, String to) throws IOException {
    Files.writeString(app, Files.readString(app).replace(from, to));
  }

  private static String awaitBody(String expected) throws InterruptedException {
    return maven.poll(
        RELOAD,
        () -> {
          try {
            HttpResponse<String> response = get(hello);
            return response.body().contains(expected)
                ? Optional.of(response.body())
                : Optional.empty();
          } catch (IOException | InterruptedException e) {
            return Optional.empty();
          }
        });
  }

  private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
