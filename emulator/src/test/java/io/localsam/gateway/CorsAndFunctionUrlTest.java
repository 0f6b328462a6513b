package io.localsam.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.localsam.testsupport.HttpTestClient.Response;
import io.localsam.testsupport.TestApi;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * CORS per API as deployed (AWS docs "Enabling CORS for a REST API resource" — SAM's Cors adds an
 * OPTIONS mock method; "Configuring CORS for an HTTP API" — API Gateway answers preflights and adds
 * the headers to integration responses, ignoring the backend's), OpenAPI operation names, and
 * function URLs.
 */
class CorsAndFunctionUrlTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final TestApi api =
      TestApi.forClass(
          """
      Transform: AWS::Serverless-2016-10-31
      Globals:
        Function: {Runtime: java17, CodeUri: ${CODE}}
      Resources:
        RestApi:
          Type: AWS::Serverless::Api
          Properties:
            StageName: live
            Cors: {AllowOrigin: "'https://shop.example'", AllowHeaders: "'Content-Type'", MaxAge: "'600'"}
            DefinitionBody:
              swagger: "2.0"
              paths:
                /orders:
                  get:
                    operationId: listOrders
                    x-amazon-apigateway-integration:
                      type: aws_proxy
                      httpMethod: POST
                      uri: !Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Echo.Arn}/invocations
                  post:
                    x-amazon-apigateway-integration:
                      type: aws_proxy
                      httpMethod: POST
                      uri: !Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Echo.Arn}/invocations
        HttpApi:
          Type: AWS::Serverless::HttpApi
          Properties:
            CorsConfiguration:
              AllowOrigins: [https://app.example]
              AllowMethods: [GET, POST]
              AllowHeaders: [x-api-key]
              ExposeHeaders: [x-total]
              MaxAge: 42
        Echo:
          Type: AWS::Serverless::Function
          Properties:
            Handler: fixtures.EchoEvent
            FunctionUrlConfig: {AuthType: NONE}
        Reply:
          Type: AWS::Serverless::Function
          Properties:
            Handler: fixtures.Reply::handle
            Events:
              Http: {Type: HttpApi, Properties: {ApiId: !Ref HttpApi, Path: /reply, Method: post}}
      """);

  @Test
  void rest_cors_is_an_options_mock_with_the_configured_headers_whatever_the_origin() {
    Response preflight =
        api.http().send("OPTIONS", "/orders", null, "Origin", "https://elsewhere.example");

    assertEquals(200, preflight.status());
    assertEquals("https://shop.example", preflight.header("Access-Control-Allow-Origin"));
    assertEquals(
        "GET,OPTIONS,POST",
        preflight.header("Access-Control-Allow-Methods"),
        "the path's methods, as SAM lists them");
    assertEquals("Content-Type", preflight.header("Access-Control-Allow-Headers"));
    assertEquals("600", preflight.header("Access-Control-Max-Age"));
    assertEquals("", preflight.body());
    assertNull(
        api.http()
            .get("/orders", "Origin", "https://shop.example")
            .header("Access-Control-Allow-Origin"),
        "a REST proxy response carries only what the function sets");
  }

  @Test
  void rest_event_carries_the_operation_name() throws Exception {
    JsonNode event = JSON.readTree(api.http().get("/orders").body());

    assertEquals("listOrders", event.at("/requestContext/operationName").asText());
    assertEquals("live", event.at("/requestContext/stage").asText());
  }

  @Test
  void http_api_answers_preflights_for_allowed_origins_only() {
    Response allowed =
        api.http()
            .send(
                "OPTIONS",
                "/reply",
                null,
                "Origin",
                "https://app.example",
                "Access-Control-Request-Method",
                "POST");
    Response other =
        api.http()
            .send(
                "OPTIONS",
                "/reply",
                null,
                "Origin",
                "https://evil.example",
                "Access-Control-Request-Method",
                "POST");

    assertEquals(204, allowed.status());
    assertEquals("https://app.example", allowed.header("Access-Control-Allow-Origin"));
    assertEquals("GET,POST", allowed.header("Access-Control-Allow-Methods"));
    assertEquals("x-api-key", allowed.header("Access-Control-Allow-Headers"));
    assertEquals("42", allowed.header("Access-Control-Max-Age"));
    assertEquals(204, other.status());
    assertNull(other.header("Access-Control-Allow-Origin"));
  }

  @Test
  void http_api_puts_its_cors_headers_on_responses_replacing_the_functions() {
    String output =
        "{\"statusCode\":200,\"headers\":{\"Access-Control-Allow-Origin\":\"*\"},\"body\":\"ok\"}";

    Response allowed = api.http().post("/reply", output, "Origin", "https://app.example");
    Response other = api.http().post("/reply", output, "Origin", "https://evil.example");

    assertEquals("https://app.example", allowed.header("Access-Control-Allow-Origin"));
    assertEquals("x-total", allowed.header("Access-Control-Expose-Headers"));
    assertEquals(
        "*",
        other.header("Access-Control-Allow-Origin"),
        "no match: the function's own header stays");
  }

  @Test
  void function_url_serves_any_path_and_method_with_a_payload_2_event() throws Exception {
    Response response =
        api.http()
            .send(
                "PUT",
                "/function-urls/Echo/items/7?x=1",
                "{}".getBytes(),
                "Content-Type",
                "application/json");

    assertEquals(200, response.status());
    JsonNode event = JSON.readTree(response.body());
    assertEquals("2.0", event.get("version").asText());
    assertEquals("$default", event.get("routeKey").asText());
    assertEquals("/items/7", event.get("rawPath").asText());
    assertEquals("x=1", event.get("rawQueryString").asText());
    assertEquals("PUT", event.at("/requestContext/http/method").asText());
    assertFalse(event.has("pathParameters"));
    assertEquals(
        "/", JSON.readTree(api.http().get("/function-urls/Echo").body()).get("rawPath").asText());
    assertTrue(api.logged("Mounting the function URL of Echo at http://127.0.0.1:"));
  }

  @Test
  void
      an_options_request_without_origin_on_a_credentialed_wildcard_http_api_is_204_without_cors_headers(
          @TempDir Path folder) throws Exception {
    try (TestApi credentialed =
        TestApi.start(
            Files.createDirectories(folder.resolve("credentialed")),
            """
        Resources:
          Api:
            Type: AWS::Serverless::HttpApi
            Properties:
              CorsConfiguration: {AllowOrigins: ['*'], AllowCredentials: true, AllowMethods: [GET]}
          Echo:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: java17
              CodeUri: ${CODE}
              Handler: fixtures.EchoEvent
              Events:
                Get: {Type: HttpApi, Properties: {ApiId: !Ref Api, Path: /items, Method: get}}
        """)) {
      Response noOrigin = credentialed.http().send("OPTIONS", "/items", new byte[0]);
      Response withOrigin =
          credentialed
              .http()
              .send(
                  "OPTIONS",
                  "/items",
                  new byte[0],
                  "Origin",
                  "https://a.example",
                  "Access-Control-Request-Method",
                  "GET");

      assertEquals(204, noOrigin.status(), noOrigin.body());
      assertNull(noOrigin.header("Access-Control-Allow-Origin"));
      assertEquals(204, withOrigin.status());
      assertEquals(
          "https://a.example",
          withOrigin.header("Access-Control-Allow-Origin"),
          "credentials: the origin, not *");
    }
  }
}
