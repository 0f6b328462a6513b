package io.localsam.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.localsam.testsupport.HttpTestClient.Response;
import io.localsam.testsupport.SampleEvents;
import io.localsam.testsupport.TestApi;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The events functions receive, field by field, for REST APIs and HTTP APIs at both payload
 * versions, sent through the real server to a function that echoes its event.
 */
class ProxyEventTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final TestApi api =
      TestApi.forClass(
          """
      Transform: AWS::Serverless-2016-10-31
      Globals:
        Function: {Runtime: java17, CodeUri: ${CODE}, Handler: fixtures.EchoEvent}
      Resources:
        ShopApi:
          Type: AWS::Serverless::Api
          Properties:
            StageName: dev
            Variables: {color: blue}
            BinaryMediaTypes: ["image~1*"]
        Rest:
          Type: AWS::Serverless::Function
          Properties:
            Events:
              Item: {Type: Api, Properties: {RestApiId: !Ref ShopApi, Path: "/items/{id}", Method: any}}
              Proxy: {Type: Api, Properties: {RestApiId: !Ref ShopApi, Path: "/files/{proxy+}", Method: get}}
        Http:
          Type: AWS::Serverless::Function
          Properties:
            Events:
              Any: {Type: HttpApi, Properties: {Path: "/v2/{name}", Method: ANY}}
        HttpV1:
          Type: AWS::Serverless::Function
          Properties:
            Events:
              Old: {Type: HttpApi, Properties: {Path: /v1, Method: POST, PayloadFormatVersion: "1.0"}}
      """);

  private static JsonNode event(Response response) throws Exception {
    assertEquals(200, response.status(), response.body());
    return JSON.readTree(response.body());
  }

  @Test
  void rest_event_carries_the_request_as_deployed_api_gateway_does() throws Exception {
    JsonNode event =
        event(
            api.http()
                .send(
                    "PUT",
                    "/items/a%20b?tag=x&tag=y&single",
                    "{\"q\":1}".getBytes(),
                    "Content-Type",
                    "application/json",
                    "User-Agent",
                    "probe/1.0",
                    "X-Multi",
                    "one",
                    "X-Multi",
                    "two"));

    assertEquals("/items/{id}", event.get("resource").asText());
    assertEquals("/items/a b", event.get("path").asText());
    assertEquals("PUT", event.get("httpMethod").asText());
    assertEquals("a b", event.at("/pathParameters/id").asText());
    assertEquals("y", event.at("/queryStringParameters/tag").asText(), "the last value wins");
    assertEquals("[\"x\",\"y\"]", event.at("/multiValueQueryStringParameters/tag").toString());
    assertEquals("", event.at("/queryStringParameters/single").asText());
    assertEquals("[\"one\",\"two\"]", event.at("/multiValueHeaders/X-Multi").toString());
    assertEquals("127.0.0.1", event.at("/headers/X-Forwarded-For").asText());
    assertEquals(
        Integer.toString(api.emulator().port()), event.at("/headers/X-Forwarded-Port").asText());
    assertEquals("http", event.at("/headers/X-Forwarded-Proto").asText());
    assertEquals("blue", event.at("/stageVariables/color").asText());
    assertEquals("{\"q\":1}", event.get("body").asText());
    assertFalse(event.get("isBase64Encoded").asBoolean());
    assertFalse(event.has("version"), "REST events carry no version");

    JsonNode context = event.get("requestContext");
    assertEquals("dev", context.get("stage").asText());
    assertEquals(
        "/dev/items/a b",
        context.get("path").asText(),
        "deployed REST puts the stage in requestContext.path");
    assertEquals("/items/{id}", context.get("resourcePath").asText());
    assertEquals("123456789012", context.get("accountId").asText());
    assertEquals("probe/1.0", context.at("/identity/userAgent").asText(), "the real User-Agent");
    assertEquals("127.0.0.1", context.at("/identity/sourceIp").asText());
    assertTrue(context.at("/identity/caller").isNull());
    assertEquals("HTTP/1.1", context.get("protocol").asText());
    assertTrue(context.get("requestId").asText().matches("[0-9a-f-]{36}"));
    assertTrue(context.get("extendedRequestId").asText().endsWith("="));
    long epoch = context.get("requestTimeEpoch").asLong();
    assertTrue(
        Math.abs(System.currentTimeMillis() - epoch) < 60_000, "request time in milliseconds");
    assertTrue(
        context
            .get("requestTime")
            .asText()
            .matches("\\d{2}/\\w{3}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000"));
  }

  @Test
  void every_request_gets_a_new_request_id_and_time() throws Exception {
    JsonNode first = event(api.http().get("/items/1"));
    JsonNode second = event(api.http().get("/items/1"));

    assertNotEquals(first.at("/requestContext/requestId"), second.at("/requestContext/requestId"));
  }

  @Test
  void rest_event_without_query_or_body_has_nulls_and_greedy_parameters_keep_slashes()
      throws Exception {
    JsonNode event = event(api.http().get("/files/docs/2024/report.pdf"));

    assertTrue(event.get("queryStringParameters").isNull());
    assertTrue(event.get("multiValueQueryStringParameters").isNull());
    assertTrue(event.get("body").isNull());
    assertEquals("docs/2024/report.pdf", event.at("/pathParameters/proxy").asText());
    assertEquals("/files/{proxy+}", event.get("resource").asText());
  }

  @Test
  void rest_binary_media_types_base64_encode_matching_bodies_wildcards_included() throws Exception {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff};

    JsonNode binary = event(api.http().send("POST", "/items/1", png, "Content-Type", "image/png"));
    JsonNode text =
        event(
            api.http().send("POST", "/items/1", "plain".getBytes(), "Content-Type", "text/plain"));

    assertTrue(binary.get("isBase64Encoded").asBoolean());
    assertEquals(Base64.getEncoder().encodeToString(png), binary.get("body").asText());
    assertFalse(text.get("isBase64Encoded").asBoolean());
    assertEquals("plain", text.get("body").asText());
  }

  @Test
  void http_event_is_payload_2_as_deployed() throws Exception {
    JsonNode event =
        event(
            api.http()
                .send(
                    "PATCH",
                    "/v2/bob?a=1&a=2&b=",
                    "hi".getBytes(),
                    "Content-Type",
                    "text/plain",
                    "Cookie",
                    "c1=v1; c2=v2",
                    "X-Multi",
                    "one",
                    "X-Multi",
                    "two",
                    "User-Agent",
                    "probe/2"));

    assertEquals("2.0", event.get("version").asText());
    assertEquals(
        "ANY /v2/{name}",
        event.get("routeKey").asText(),
        "deployed HTTP APIs report the declared ANY");
    assertEquals("/v2/bob", event.get("rawPath").asText());
    assertEquals("a=1&a=2&b=", event.get("rawQueryString").asText());
    assertEquals("[\"c1=v1\",\"c2=v2\"]", event.get("cookies").toString());
    assertFalse(event.get("headers").has("cookie"), "cookies move to the cookies field");
    assertEquals("one,two", event.at("/headers/x-multi").asText());
    assertEquals(
        "text/plain", event.at("/headers/content-type").asText(), "header names are lower-case");
    assertEquals("1,2", event.at("/queryStringParameters/a").asText());
    assertEquals("bob", event.at("/pathParameters/name").asText());
    assertEquals("hi", event.get("body").asText());
    assertFalse(event.get("isBase64Encoded").asBoolean());
    assertFalse(event.has("stageVariables"), "empty fields are left out");
    assertFalse(event.has("multiValueHeaders"));

    JsonNode context = event.get("requestContext");
    assertEquals("$default", context.get("stage").asText());
    assertEquals("PATCH", context.at("/http/method").asText());
    assertEquals("/v2/bob", context.at("/http/path").asText());
    assertEquals("probe/2", context.at("/http/userAgent").asText());
    assertEquals("127.0.0.1", context.at("/http/sourceIp").asText());
    assertEquals("ANY /v2/{name}", context.get("routeKey").asText());
    assertTrue(
        Math.abs(System.currentTimeMillis() - context.get("timeEpoch").asLong()) < 60_000,
        "milliseconds");
  }

  @Test
  void http_event_without_cookies_query_or_body_leaves_them_out_and_base64_encodes_non_text()
      throws Exception {
    JsonNode empty = event(api.http().get("/v2/x"));
    JsonNode binary =
        event(
            api.http()
                .send(
                    "POST",
                    "/v2/x",
                    new byte[] {1, 2, 3},
                    "Content-Type",
                    "application/octet-stream"));

    assertFalse(empty.has("cookies"));
    assertFalse(empty.has("queryStringParameters"));
    assertFalse(empty.has("body"));
    assertEquals("", empty.get("rawQueryString").asText());
    assertTrue(binary.get("isBase64Encoded").asBoolean());
    assertEquals("AQID", binary.get("body").asText());
  }

  @Test
  void http_api_at_payload_1_0_gets_the_v1_shape_with_a_version() throws Exception {
    JsonNode event = event(api.http().post("/v1", "{}", "Content-Type", "application/json"));

    assertEquals("1.0", event.get("version").asText());
    assertEquals("/v1", event.get("resource").asText());
    assertEquals("$default", event.at("/requestContext/stage").asText());
    assertEquals("/v1", event.at("/requestContext/path").asText());
    assertTrue(event.has("multiValueHeaders"));
  }

  @Test
  void generated_events_have_the_field_set_of_the_official_samples() throws Exception {
    JsonNode rest = event(api.http().get("/items/1?x=1", "Content-Type", "text/plain"));
    JsonNode http =
        event(api.http().post("/v2/x?y=1", "b", "Content-Type", "text/plain", "Cookie", "c=1"));
    JsonNode httpV1 = event(api.http().post("/v1?z=1", "b", "Content-Type", "text/plain"));

    assertContainsFields(sample("apigw_event.json"), rest);
    assertContainsFields(sample("apigw_http_event.json"), http, "/requestContext/authorizer");
    assertContainsFields(sample("apigw_rest_event.json"), httpV1, "/requestContext/authorizer");
  }

  private static JsonNode sample(String name) throws Exception {
    return JSON.readTree(SampleEvents.bytes(name));
  }

  /**
   * Every field path of the sample is present in the event (authorizer blocks appear only after an
   * authorizer).
   */
  private static void assertContainsFields(
      JsonNode sample, JsonNode event, String... absentWithoutAuthorizer) {
    Set<String> missing = new TreeSet<>(paths(sample, ""));
    missing.removeAll(paths(event, ""));
    missing.removeIf(path -> List.of(absentWithoutAuthorizer).stream().anyMatch(path::startsWith));
    missing.removeIf(
        path ->
            path.startsWith("/headers/")
                || path.startsWith("/multiValueHeaders/")
                || path.startsWith("/queryStringParameters/")
                || path.startsWith("/multiValueQueryStringParameters/")
                || path.startsWith("/pathParameters/")
                || path.startsWith("/stageVariables"));
    assertTrue(missing.isEmpty(), "fields of the sample missing from the event: " + missing);
  }

  private static List<String> paths(JsonNode node, String prefix) {
    List<String> paths = new ArrayList<>();
    if (node.isObject()) {
      node.fieldNames()
          .forEachRemaining(
              name -> {
                paths.add(prefix + "/" + name);
                paths.addAll(paths(node.get(name), prefix + "/" + name));
              });
    }
    return paths;
  }
}
