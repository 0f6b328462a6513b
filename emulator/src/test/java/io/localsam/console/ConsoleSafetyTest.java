package io.localsam.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.localsam.config.ConsoleMode;
import io.localsam.error.LocalSamException;
import io.localsam.testsupport.HttpTestClient;
import io.localsam.testsupport.HttpTestClient.Response;
import io.localsam.testsupport.TestApi;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the console and admin API exist: on loopback by default, anywhere with {@code --console},
 * nowhere with {@code --no-console}; and {@code /__localsam/} never reaches a function, nor may a
 * template route claim it.
 */
class ConsoleSafetyTest {
  private static final String GREEDY =
      """
      Transform: AWS::Serverless-2016-10-31
      Resources:
        Echo:
          Type: AWS::Serverless::Function
          Properties:
            CodeUri: ${CODE}
            Handler: fixtures.EchoEvent
            Runtime: java17
            Events:
              All: {Type: Api, Properties: {Path: "/{proxy+}", Method: any}}
      """;

  @TempDir Path folder;

  @Test
  void the_console_is_served_on_loopback_by_default_and_a_greedy_route_never_gets_its_prefix() {
    try (TestApi api = TestApi.start(folder, GREEDY)) {
      Response health = api.http().get("/__localsam/api/health");

      assertEquals(200, health.status());
      assertTrue(health.body().contains("\"status\":\"UP\""));
      assertEquals(200, api.http().get("/anything").status());
      assertTrue(
          api.emulator().invocations().stream()
              .allMatch(i -> i.request().path().equals("/anything")),
          "only /anything reached the function");
    }
  }

  @Test
  void no_console_answers_404_under_the_prefix_and_still_never_routes_it_to_a_function() {
    try (TestApi api = TestApi.start(folder, GREEDY, options -> options.console(ConsoleMode.OFF))) {
      Response health = api.http().get("/__localsam/api/health");

      assertEquals(404, health.status());
      assertTrue(health.body().contains("--no-console"), health.body());
      assertNull(api.emulator().consoleUri());
      assertTrue(api.emulator().invocations().isEmpty());
    }
  }

  @Test
  void bound_to_every_interface_the_console_is_off_unless_asked_for() {
    try (TestApi api = TestApi.start(folder, GREEDY, options -> options.host("0.0.0.0"))) {
      HttpTestClient local =
          new HttpTestClient(URI.create("http://127.0.0.1:" + api.emulator().port() + "/"));

      assertEquals(404, local.get("/__localsam/api/health").status());
      assertNull(api.emulator().consoleUri());
    }
    try (TestApi api =
        TestApi.start(folder, GREEDY, options -> options.host("0.0.0.0").console(ConsoleMode.ON))) {
      HttpTestClient local =
          new HttpTestClient(URI.create("http://127.0.0.1:" + api.emulator().port() + "/"));

      assertEquals(200, local.get("/__localsam/api/health").status());
      assertNotNull(api.emulator().consoleUri());
    }
  }

  @Test
  void loopback_addresses_are_told_from_others() {
    assertTrue(ConsoleMode.LOOPBACK.servesOn("127.0.0.1"));
    assertTrue(ConsoleMode.LOOPBACK.servesOn("localhost"));
    assertTrue(ConsoleMode.LOOPBACK.servesOn("::1"));
    assertFalse(ConsoleMode.LOOPBACK.servesOn("0.0.0.0"));
    assertFalse(ConsoleMode.LOOPBACK.servesOn("::"));
    assertFalse(ConsoleMode.OFF.servesOn("127.0.0.1"));
    assertTrue(ConsoleMode.ON.servesOn("0.0.0.0"));
  }

  @Test
  void a_template_route_under_the_prefix_stops_start_up_naming_the_clash() {
    LocalSamException error =
        assertThrows(
            LocalSamException.class,
            () ->
                TestApi.start(
                    folder,
                    """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Sneaky:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: ${CODE}
              Handler: fixtures.EchoEvent
              Runtime: java17
              Events:
                Get: {Type: Api, Properties: {Path: /__localsam/api/routes, Method: get}}
        """));

    assertTrue(error.getMessage().contains("template.yaml:"), error.getMessage());
    assertTrue(
        error.getMessage().contains("GET /__localsam/api/routes of Sneaky is under /__localsam/"),
        error.getMessage());
  }

  @Test
  void a_page_elsewhere_cannot_use_the_console_through_the_browser() throws Exception {
    try (TestApi api = TestApi.start(folder, GREEDY)) {
      String rebound =
          rawGet(
              api.emulator().port(),
              "/__localsam/api/health",
              "attacker.example:" + api.emulator().port());
      Response crossSite =
          api.http().post("/__localsam/api/reset", "", "Origin", "http://attacker.example");
      Response ownPage =
          api.http()
              .post(
                  "/__localsam/api/reset",
                  "",
                  "Origin",
                  "http://127.0.0.1:" + api.emulator().port());

      assertTrue(rebound.startsWith("HTTP/1.1 403"), rebound);
      assertTrue(rebound.contains("loopback"), rebound);
      assertEquals(403, crossSite.status());
      assertTrue(crossSite.body().contains("http://attacker.example"), crossSite.body());
      assertEquals(200, ownPage.status(), ownPage.body());
    }
    assertTrue(RequestGuard.loopbackLiteral("localhost"));
    assertTrue(RequestGuard.loopbackLiteral("127.0.0.1"));
    assertTrue(RequestGuard.loopbackLiteral("::1"));
    assertFalse(RequestGuard.loopbackLiteral("127.0.0.1.attacker.example"));
    assertEquals("::1", RequestGuard.hostName("[::1]:3000"));
  }

  /**
   * A GET with a Host header of our choosing (the JDK's client refuses to set one), as a rebound
   * page sends it.
   */
  private static String rawGet(int port, String path, String host) throws java.io.IOException {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      socket
          .getOutputStream()
          .write(
              ("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                  .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      return new String(
          socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  @Test
  void secret_looking_names_are_masked() {
    assertTrue(Secrets.looksSecret("DB_PASSWORD"));
    assertTrue(Secrets.looksSecret("stripeSecret"));
    assertTrue(Secrets.looksSecret("GITHUB_TOKEN"));
    assertTrue(Secrets.looksSecret("API_KEY"));
    assertTrue(Secrets.looksSecret("AWS_ACCESS_KEY_ID"));
    assertFalse(Secrets.looksSecret("TABLE_NAME"));
    assertEquals(
        java.util.Map.of("A", "1", "MY_TOKEN", Secrets.MASK),
        Secrets.masked(java.util.Map.of("A", "1", "MY_TOKEN", "x")));
  }
}
