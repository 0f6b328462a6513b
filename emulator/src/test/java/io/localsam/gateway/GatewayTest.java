package io.localsam.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.localsam.testsupport.HttpTestClient.Response;
import io.localsam.testsupport.TestApi;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Real requests through the real server to real functions: routing, proxying and API Gateway's own
 * answers.
 */
class GatewayTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final TestApi api =
      TestApi.forClass(
          """
      Transform: AWS::Serverless-2016-10-31
      Globals:
        Function:
          Runtime: java17
          CodeUri: ${CODE}
          Timeout: 5
      Resources:
        Hello:
          Type: AWS::Serverless::Function
          Properties:
            Handler: fixtures.Hello
            Events:
              Get: {Type: Api, Properties: {Path: /hello, Method: get}}
        Items:
          Type: AWS::Serverless::Function
          Properties:
            Handler: fixtures.HttpHello
            Events:
              Post: {Type: HttpApi, Properties: {Path: "/items/{name}", Method: post}}
        Failing:
          Type: AWS::Serverless::Function
          Properties:
            Handler: fixtures.Failing
            Events:
              Rest: {Type: Api, Properties: {Path: /fail, Method: get}}
              Http: {Type: HttpApi, Properties: {Path: /http/fail, Method: get}}
        Slow:
          Type: AWS::Serverless::Function
          Properties:
            Handler: fixtures.Sleepy
            Timeout: 1
            Events:
              Get: {Type: Api, Properties: {Path: /slow, Method: get}}
        Reply:
          Type: AWS::Serverless::Function
          Properties:
            Handler: fixtures.Reply::handle
            Events:
              Rest: {Type: Api, Properties: {Path: /reply, Method: post}}
              Http: {Type: HttpApi, Properties: {Path: /http/reply, Method: post}}
        Inline:
          Type: AWS::Serverless::Function
          Properties:
            InlineCode: "exports.handler = async () => 1"
            Handler: index.handler
            Events:
              Get: {Type: Api, Properties: {Path: /inline, Method: get}}
      """);

  @Test
  void rest_route_runs_the_function_and_returns_its_response() throws Exception {
    Response response = api.http().get("/hello?name=ada");

    assertEquals(200, response.status());
    JsonNode body = JSON.readTree(response.body());
    assertEquals("hello ada", body.get("message").asText());
    assertEquals("Hello", body.get("function").asText());
    assertEquals("application/json", response.header("Content-Type"));
    assertTrue(response.header("x-amzn-RequestId").matches("[0-9a-f-]{36}"));
  }

  @Test
  void http_api_route_gets_path_parameters_and_body_and_sets_cookies() throws Exception {
    Response response =
        api.http().post("/items/a%2Fb", "{\"n\":1}", "Content-Type", "application/json");

    assertEquals(201, response.status());
    JsonNode body = JSON.readTree(response.body());
    assertEquals("a/b", body.get("name").asText(), "an encoded slash stays inside the parameter");
    assertEquals("{\"n\":1}", body.get("body").asText());
    assertEquals("seen=a/b", response.header("Set-Cookie"));
    assertTrue(response.header("apigw-requestid") != null);
  }

  @Test
  void trailing_slash_reaches_the_route() {
    assertEquals(200, api.http().get("/hello/").status());
  }

  @Test
  void unmatched_path_and_unmatched_method_answer_missing_authentication_token() {
    Response noPath = api.http().get("/nothing/here");
    Response wrongMethod = api.http().post("/hello", "");

    assertEquals(403, noPath.status());
    assertEquals("{\"message\":\"Missing Authentication Token\"}", noPath.body());
    assertEquals(403, wrongMethod.status());
    assertEquals("{\"message\":\"Missing Authentication Token\"}", wrongMethod.body());
  }

  @Test
  void unmatched_method_on_an_http_api_path_answers_not_found() {
    Response response = api.http().get("/items/x");

    assertEquals(404, response.status());
    assertEquals("{\"message\":\"Not Found\"}", response.body());
  }

  @Test
  void function_error_is_502_on_rest_and_500_on_http_apis_and_is_logged() {
    Response rest = api.http().get("/fail");
    Response http = api.http().get("/http/fail");

    assertEquals(502, rest.status());
    assertEquals("{\"message\": \"Internal server error\"}", rest.body());
    assertEquals(500, http.status());
    assertEquals("{\"message\":\"Internal Server Error\"}", http.body());
    assertTrue(
        api.logged("Failing failed: java.lang.IllegalStateException: outer boom"),
        api.logs().toString());
    assertTrue(
        api.logs().stream().noneMatch(line -> rest.body().contains("at ")),
        "no stack trace in a response");
  }

  @Test
  void function_timeout_is_a_function_error_and_the_next_call_gets_a_fresh_environment() {
    Response timedOut = api.http().get("/slow?ms=10000");
    Response next = api.http().get("/slow?ms=1");

    assertEquals(502, timedOut.status());
    assertTrue(api.logged("Task timed out after 1."), api.logs().toString());
    assertEquals(200, next.status());
    assertEquals("slept 1", next.body());
  }

  @Test
  void response_that_api_gateway_rejects_is_502_on_rest() {
    assertEquals(502, api.http().post("/reply", "{\"foo\":\"bar\"}").status(), "unknown key");
    assertEquals(
        502,
        api.http().post("/reply", "{\"statusCode\":200,\"body\":42}").status(),
        "body not a string");
    assertEquals(502, api.http().post("/reply", "[1,2]").status(), "not an object");
    assertEquals(502, api.http().post("/reply", "not json").status(), "not JSON");
    assertEquals(
        502,
        api.http()
            .post("/reply", "{\"statusCode\":200,\"headers\":{\"X\":\"a\\r\\nInjected: 1\"}}")
            .status(),
        "a line break in a header value is never written through");
    assertTrue(api.logged("returned a response API Gateway would reject"));
  }

  @Test
  void rest_response_headers_merge_multi_value_first_and_default_to_json() {
    Response response =
        api.http()
            .post(
                "/reply",
                "{\"statusCode\":\"201\",\"headers\":{\"X\":\"Custom\"},\"multiValueHeaders\":{\"X\":[\"Value1\",\"Value2\"]},\"body\":\"ok\"}");

    assertEquals(201, response.status());
    assertEquals(List.of("Value1", "Value2", "Custom"), response.headerValues("X"));
    assertEquals("application/json", response.header("Content-Type"));
    assertEquals("ok", response.body());
  }

  @Test
  void http_api_response_without_status_code_is_the_output_itself_with_200() {
    Response object =
        api.http().post("/http/reply", "{\"foo\":\"bar\"}", "Content-Type", "application/json");
    Response string =
        api.http().post("/http/reply", "\"text\"", "Content-Type", "application/json");

    assertEquals(200, object.status());
    assertEquals("{\"foo\":\"bar\"}", object.body());
    assertEquals("application/json", object.header("Content-Type"));
    assertEquals(200, string.status());
    assertEquals(
        "text",
        string.body(),
        "a JSON string is sent as its text (AWS docs' example; README, fidelity)");
  }

  @Test
  void http_api_structured_response_decodes_base64_and_sends_cookies() {
    String output =
        "{\"statusCode\":200,\"headers\":{\"Content-Type\":\"image/png\"},\"cookies\":[\"a=1\",\"b=2\"],"
            + "\"isBase64Encoded\":true,\"body\":\""
            + Base64.getEncoder().encodeToString(new byte[] {1, 2, (byte) 0xff})
            + "\"}";

    Response response = api.http().post("/http/reply", output, "Content-Type", "application/json");

    assertEquals(200, response.status());
    assertEquals(List.of("a=1", "b=2"), response.headerValues("Set-Cookie"));
    assertEquals(3, response.bytes().length);
    assertEquals((byte) 0xff, response.bytes()[2]);
  }

  @Test
  void inline_code_answers_501_as_sam_cli_does() {
    Response response = api.http().get("/inline");

    assertEquals(501, response.status());
    assertTrue(response.body().contains("Inline code is not supported"));
  }

  @Test
  void warm_requests_each_get_their_own_request_id() {
    Response first = api.http().get("/hello");
    Response second = api.http().get("/hello");

    assertNotEquals(first.header("x-amzn-RequestId"), second.header("x-amzn-RequestId"));
  }
}
