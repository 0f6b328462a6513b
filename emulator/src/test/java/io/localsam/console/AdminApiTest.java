package io.localsam.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.localsam.Invocation;
import io.localsam.gateway.auth.TestTokens;
import io.localsam.testsupport.HttpTestClient.Response;
import io.localsam.testsupport.TestApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin API under /__localsam/api/, over real HTTP against a real emulator and real functions.
 */
class AdminApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String TEMPLATE =
      """
      Transform: AWS::Serverless-2016-10-31
      Globals:
        Function: {Runtime: java17, CodeUri: ${CODE}}
      Resources:
        Http:
          Type: AWS::Serverless::HttpApi
          Properties:
            Auth:
              Authorizers:
                Jwt:
                  IdentitySource: $request.header.Authorization
                  JwtConfiguration: {issuer: https://issuer.example, audience: [orders-api]}
        Hello:
          Type: AWS::Serverless::Function
          Properties:
            Handler: fixtures.Hello
            Environment:
              Variables: {TABLE: orders, DB_PASSWORD: hunter2, API_KEY: abc, SessionToken: t}
            Events:
              Get: {Type: Api, Properties: {Path: /hello, Method: get}}
        Failing:
          Type: AWS::Serverless::Function
          Properties:
            Handler: fixtures.Failing
            Events:
              Post: {Type: Api, Properties: {Path: /fail, Method: post}}
        Echo:
          Type: AWS::Serverless::Function
          Properties:
            Handler: fixtures.EchoEvent
            Events:
              Orders:
                Type: HttpApi
                Properties: {ApiId: !Ref Http, Path: /orders, Method: get, Auth: {Authorizer: Jwt, AuthorizationScopes: [orders/read]}}
      """;

  @TempDir static Path folder;

  static TestApi api;

  @BeforeAll
  static void start() throws Exception {
    Path jwks = Files.writeString(folder.resolve("jwks.json"), TestTokens.jwks());
    api =
        TestApi.start(
            Files.createDirectories(folder.resolve("app")),
            TEMPLATE,
            options -> options.jwks(jwks.toString()));
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  private static JsonNode json(Response response) {
    try {
      return JSON.readTree(response.body());
    } catch (Exception e) {
      throw new AssertionError("not JSON (" + response.status() + "): " + response.body(), e);
    }
  }

  private static JsonNode get(String path) {
    Response response = api.http().get("/__localsam/api/" + path);
    assertEquals(200, response.status(), response.body());
    assertEquals("application/json", response.header("content-type"));
    return json(response);
  }

  private static List<JsonNode> invocations(String query) {
    return StreamSupport.stream(get("invocations" + query).get("invocations").spliterator(), false)
        .toList();
  }

  /** The newest invocation whose request path and query are {@code path}. */
  private static JsonNode invocationOf(String path) {
    return invocations("").stream()
        .filter(i -> path.equals(i.path("path").asText()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no invocation of " + path));
  }

  @Test
  void health_says_the_emulator_is_up() {
    JsonNode health = get("health");

    assertEquals("UP", health.get("status").asText());
    assertEquals(io.localsam.host.BuildInfo.version(), health.get("version").asText());
    assertEquals(api.emulator().baseUri().toString(), health.get("baseUrl").asText());
    assertEquals(3, health.get("functions").asInt());
    assertEquals(3, health.get("routes").asInt());
  }

  @Test
  void routes_lists_method_path_function_api_type_stage_payload_and_authorizer() {
    JsonNode routes = get("routes").get("routes");

    JsonNode hello = find(routes, "path", "/hello");
    assertEquals("GET", hello.get("method").asText());
    assertEquals("Hello", hello.get("function").asText());
    assertEquals("ServerlessRestApi", hello.get("api").asText());
    assertEquals("REST", hello.get("type").asText());
    assertEquals("Prod", hello.get("stage").asText());
    assertEquals("1.0", hello.get("payloadVersion").asText());
    assertTrue(hello.get("authorizer").isNull());
    JsonNode orders = find(routes, "path", "/orders");
    assertEquals("HTTP", orders.get("type").asText());
    assertEquals("2.0", orders.get("payloadVersion").asText());
    assertEquals("$default", orders.get("stage").asText());
    JsonNode authorizer = orders.get("authorizer");
    assertEquals("Jwt", authorizer.get("name").asText());
    assertEquals("JWT", authorizer.get("type").asText());
    assertEquals("https://issuer.example", authorizer.get("issuers").get(0).asText());
    assertEquals("orders-api", authorizer.get("audiences").get(0).asText());
    assertEquals("orders/read", authorizer.get("scopes").get(0).asText());
    assertEquals("Authorization", authorizer.get("header").asText());
  }

  @Test
  void functions_show_mode_environments_counters_and_masked_secrets() {
    api.http().get("/hello?name=functions");

    JsonNode hello = find(get("functions").get("functions"), "id", "Hello");

    assertEquals("in-process", hello.get("mode").asText());
    assertTrue(hello.get("environments").get("warm").asInt() >= 1, hello.toString());
    assertEquals(0, hello.get("environments").get("busy").asInt());
    assertTrue(hello.get("invocations").asLong() >= 1);
    assertFalse(hello.get("initTimesMs").isEmpty());
    assertEquals(0, hello.get("reloads").asLong());
    JsonNode environment = hello.get("environment");
    assertEquals("orders", environment.get("TABLE").asText());
    assertEquals("****", environment.get("DB_PASSWORD").asText());
    assertEquals("****", environment.get("API_KEY").asText());
    assertEquals("****", environment.get("SessionToken").asText());
    assertEquals("****", environment.get("AWS_SECRET_ACCESS_KEY").asText());
    assertFalse(get("functions").toString().contains("hunter2"));
  }

  @Test
  void an_invocation_has_its_request_event_response_logs_duration_and_cold_or_warm() {
    api.http().get("/hello?name=first", "X-Trace", "t-1");
    api.http().get("/hello?name=second");

    JsonNode second = invocationOf("/hello?name=second");
    JsonNode first = invocationOf("/hello?name=first");

    assertTrue(second.get("id").asLong() > first.get("id").asLong());
    assertEquals("Hello", first.get("function").asText());
    assertEquals(200, first.get("status").asInt());
    assertEquals("GET", first.get("request").get("method").asText());
    assertEquals("/hello", first.get("request").get("path").asText());
    assertEquals("name=first", first.get("request").get("query").asText());
    assertEquals("t-1", first.get("request").get("headers").get("X-Trace").get(0).asText());
    assertEquals("first", first.get("event").get("queryStringParameters").get("name").asText());
    assertEquals(200, first.get("response").get("statusCode").asInt());
    assertTrue(first.get("answer").get("body").asText().contains("hello first"));
    assertTrue(
        first
            .get("logs")
            .get(0)
            .asText()
            .startsWith("START RequestId: " + first.get("requestId").asText()),
        first.get("logs").toString());
    assertTrue(last(first.get("logs")).startsWith("REPORT RequestId: "));
    assertTrue(first.get("durationMs").isNumber());
    assertFalse(second.get("cold").asBoolean(), "the second request finds the environment warm");
    assertTrue(second.get("initDurationMs").isNull());
    assertTrue(first.get("error").isNull());
    assertTrue(first.get("errorDetail").isNull());
  }

  @Test
  void invocations_are_listed_newest_first() {
    api.http().get("/hello?name=older");
    api.http().get("/hello?name=newer");

    List<Long> ids = invocations("").stream().map(i -> i.get("id").asLong()).toList();

    List<Long> sorted = new ArrayList<>(ids);
    sorted.sort(java.util.Comparator.reverseOrder());
    assertEquals(sorted, ids);
  }

  @Test
  void a_failed_invocation_has_its_error_and_stack_trace() {
    api.http().post("/fail", "{}");

    JsonNode failed = invocationOf("/fail");

    assertEquals(502, failed.get("status").asInt());
    assertEquals("java.lang.IllegalStateException", failed.get("error").asText());
    JsonNode error = failed.get("errorDetail");
    assertEquals("outer boom", error.get("message").asText());
    assertTrue(
        error.get("stackTrace").get(0).asText().contains("fixtures.Failing"), error.toString());
  }

  @Test
  void the_request_body_is_the_one_the_event_carries() {
    api.http().post("/fail?body", "{\"order\": 42}", "Content-Type", "application/json");

    JsonNode invocation = invocationOf("/fail?body");

    assertEquals("{\"order\": 42}", invocation.get("request").get("body").asText());
    assertFalse(invocation.get("request").get("isBase64Encoded").asBoolean());
    assertEquals(
        invocation.get("event").get("body").asText(),
        invocation.get("request").get("body").asText());
  }

  @Test
  void invocations_are_filtered_by_function_status_and_time() {
    api.http().get("/hello?name=filtered");
    api.http().post("/fail", "{}");

    assertTrue(
        invocations("?function=Failing").stream()
            .allMatch(i -> i.get("function").asText().equals("Failing")));
    assertFalse(invocations("?function=Failing").isEmpty());
    assertTrue(invocations("?status=error").stream().allMatch(i -> !i.get("error").isNull()));
    assertTrue(invocations("?status=5xx").stream().allMatch(i -> i.get("status").asInt() >= 500));
    assertFalse(invocations("?status=5xx").isEmpty());
    assertTrue(invocations("?status=ok,404").stream().allMatch(i -> i.get("error").isNull()));
    assertTrue(invocations("?since=" + Instant.now().plusSeconds(60)).isEmpty());
    assertTrue(invocations("?until=" + Instant.now().minusSeconds(3600).toEpochMilli()).isEmpty());
    assertEquals(1, invocations("?limit=1").size());
  }

  @Test
  void bad_filters_get_400_with_a_message() {
    Response status = api.http().get("/__localsam/api/invocations?status=sometimes");
    Response since = api.http().get("/__localsam/api/invocations?since=yesterday");
    Response limit = api.http().get("/__localsam/api/invocations?limit=-3");

    assertEquals(400, status.status());
    assertTrue(json(status).get("message").asText().contains("'sometimes'"));
    assertEquals(400, since.status());
    assertTrue(json(since).get("message").asText().contains("ISO-8601"));
    assertEquals(400, limit.status());
  }

  @Test
  void one_invocation_is_read_by_its_id() {
    api.http().get("/hello?name=byid");
    long id = invocationOf("/hello?name=byid").get("id").asLong();

    JsonNode invocation = get("invocations/" + id);

    assertEquals(id, invocation.get("id").asLong());
    assertEquals("name=byid", invocation.get("request").get("query").asText());
  }

  @Test
  void an_unknown_invocation_or_endpoint_gets_404_and_a_wrong_method_405() {
    assertEquals(404, api.http().get("/__localsam/api/invocations/999999").status());
    assertEquals(404, api.http().get("/__localsam/api/invocations/abc").status());
    Response unknown = api.http().get("/__localsam/api/nothing-here");
    assertEquals(404, unknown.status());
    assertTrue(json(unknown).get("message").asText().contains("invocations"));
    assertEquals(405, api.http().get("/__localsam/api/reset").status());
    assertEquals(405, api.http().post("/__localsam/api/routes", "").status());
  }

  @Test
  void the_api_and_the_emulator_read_the_same_journal() {
    api.http().get("/hello?name=same");

    JsonNode viaApi = invocationOf("/hello?name=same");
    Invocation viaEmulator =
        api.emulator().invocations("Hello").stream()
            .filter(i -> i.request() != null && i.request().query().equals("name=same"))
            .findFirst()
            .orElseThrow();

    assertEquals(viaEmulator.id(), viaApi.get("id").asLong());
    assertEquals(viaEmulator.requestId(), viaApi.get("requestId").asText());
    assertEquals(viaEmulator.logs(), JSON.convertValue(viaApi.get("logs"), List.class));
    assertEquals(viaEmulator.cold(), viaApi.get("cold").asBoolean());
  }

  @Test
  void replaying_a_request_sends_it_through_the_gateway_again() {
    api.http().get("/hello?name=replayed", "X-Trace", "again");
    JsonNode original = invocationOf("/hello?name=replayed");

    Response response =
        api.http()
            .post("/__localsam/api/invocations/" + original.get("id").asLong() + "/replay", "");

    assertEquals(200, response.status(), response.body());
    JsonNode replay = json(response);
    assertEquals(original.get("id").asLong(), replay.get("replayOf").asLong());
    assertEquals(200, replay.get("status").asInt());
    assertTrue(replay.get("body").asText().contains("hello replayed"));
    JsonNode fresh = replay.get("invocation");
    assertNotEquals(original.get("id").asLong(), fresh.get("id").asLong());
    assertNotEquals(original.get("requestId").asText(), fresh.get("requestId").asText());
    assertEquals("again", fresh.get("request").get("headers").get("X-Trace").get(0).asText());
    assertEquals("name=replayed", fresh.get("request").get("query").asText());
  }

  @Test
  void replaying_a_direct_invocation_invokes_the_function_again_with_its_event() {
    Invocation direct =
        api.emulator().invoke("Hello", "{\"queryStringParameters\":{\"name\":\"direct\"}}");

    JsonNode replay =
        json(api.http().post("/__localsam/api/invocations/" + direct.id() + "/replay", ""));

    JsonNode fresh = replay.get("invocation");
    assertTrue(fresh.get("request").isNull());
    assertTrue(fresh.get("id").asLong() > direct.id());
    assertEquals("direct", fresh.get("event").get("queryStringParameters").get("name").asText());
    assertTrue(fresh.get("response").get("body").asText().contains("hello direct"));
  }

  @Test
  void a_minted_token_passes_the_jwt_authorizer_that_checks_signatures() {
    Response minted =
        api.http()
            .post(
                "/__localsam/api/tokens",
                """
        {"issuer":"https://issuer.example","audience":["orders-api"],"subject":"alice","scopes":["orders/read"],
         "claims":{"email":"alice@example.com"}}""");
    assertEquals(200, minted.status(), minted.body());
    String token = json(minted).get("token").asText();

    Response orders = api.http().get("/orders", "Authorization", "Bearer " + token);
    Response unscoped =
        api.http()
            .get(
                "/orders",
                "Authorization",
                "Bearer "
                    + json(api.http()
                            .post(
                                "/__localsam/api/tokens",
                                "{\"issuer\":\"https://issuer.example\",\"audience\":\"orders-api\"}"))
                        .get("token")
                        .asText());

    assertEquals(200, orders.status(), orders.body());
    assertTrue(orders.body().contains("alice@example.com"), orders.body());
    assertEquals(403, unscoped.status());
  }

  @Test
  void a_token_request_with_wrong_types_gets_400() {
    Response response = api.http().post("/__localsam/api/tokens", "{\"scopes\": 5}");
    Response notJson = api.http().post("/__localsam/api/tokens", "{nope");

    assertEquals(400, response.status());
    assertTrue(json(response).get("message").asText().contains("scopes"));
    assertEquals(400, notJson.status());
  }

  @Test
  void reset_empties_the_journal_and_discards_the_environments() {
    api.http().get("/hello?name=before-reset");

    Response reset = api.http().post("/__localsam/api/reset", "");

    assertEquals(200, reset.status(), reset.body());
    assertTrue(invocations("").isEmpty());
    assertTrue(api.emulator().invocations().isEmpty());
    assertEquals(
        0,
        find(get("functions").get("functions"), "id", "Hello")
            .get("environments")
            .get("warm")
            .asInt());
    api.http().get("/hello?name=after-reset");
    assertTrue(
        invocationOf("/hello?name=after-reset").get("cold").asBoolean(),
        "a fresh environment after the reset");
  }

  @Test
  void the_console_page_and_its_assets_are_served_from_the_jar() {
    Response page = api.http().get("/__localsam/");
    Response script = api.http().get("/__localsam/console.js");
    Response bare = api.http().get("/__localsam");

    assertEquals(200, page.status());
    assertTrue(page.header("content-type").startsWith("text/html"));
    assertTrue(page.body().contains("<script src=\"console.js\">"));
    assertFalse(
        page.body().contains("http://") || page.body().contains("https://"),
        "nothing fetched from elsewhere");
    assertEquals(200, script.status());
    assertTrue(script.body().contains("EventSource"));
    assertEquals(302, bare.status());
    assertEquals("/__localsam/", bare.header("location"));
    assertEquals(404, api.http().get("/__localsam/other.js").status());
  }

  @Test
  void the_emulator_gives_the_console_url() {
    assertEquals(api.emulator().uri("/__localsam/"), api.emulator().consoleUri());
  }

  private static JsonNode find(JsonNode array, String field, String value) {
    for (JsonNode node : array) {
      if (node.path(field).asText().equals(value)) {
        return node;
      }
    }
    throw new AssertionError("no " + field + " " + value + " in " + array);
  }

  private static String last(JsonNode array) {
    return array.get(array.size() - 1).asText();
  }
}
