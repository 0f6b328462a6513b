package io.localsam.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * AWS_IAM authorization (a well-formed SigV4 header, the signature itself not checked) and API
 * keys, and {@code --disable-authorizer}. Sources: AWS Knowledge Center "How do I troubleshoot
 * signature mismatch errors with IAM authentication for API Gateway?" (an unsigned request gets
 * "Missing Authentication Token"); the IncompleteSignatureException text API Gateway gives a bearer
 * token on an IAM route (as widely reported; the exact wording unverified against AWS docs);
 * "Gateway response types" (INVALID_API_KEY 403; the {"message":"Forbidden"} body unverified).
 */
class IamAndApiKeyTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SIGNED =
      "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/us-east-1/execute-api/aws4_request, "
          + "SignedHeaders=host;x-amz-date, Signature="
          + "0123456789abcdef".repeat(4);
  static final String TEMPLATE =
      """
      Transform: AWS::Serverless-2016-10-31
      Globals:
        Function: {Runtime: java17, CodeUri: ${CODE}, Handler: fixtures.EchoEvent}
      Resources:
        IamRest:
          Type: AWS::Serverless::Api
          Properties:
            StageName: dev
            Auth: {DefaultAuthorizer: AWS_IAM}
        IamHttp:
          Type: AWS::Serverless::HttpApi
          Properties:
            Auth: {EnableIamAuthorizer: true, DefaultAuthorizer: AWS_IAM}
        KeyedApi:
          Type: AWS::Serverless::Api
          Properties:
            StageName: dev
            Auth: {ApiKeyRequired: true}
        ClientKey:
          Type: AWS::ApiGateway::ApiKey
          Properties: {Enabled: true, Value: template-key-0123456789}
        Echo:
          Type: AWS::Serverless::Function
          Properties:
            Events:
              IamRest: {Type: Api, Properties: {RestApiId: !Ref IamRest, Path: /iam, Method: get}}
              IamHttp: {Type: HttpApi, Properties: {ApiId: !Ref IamHttp, Path: /iam-http, Method: get}}
              Keyed: {Type: Api, Properties: {RestApiId: !Ref KeyedApi, Path: /keyed, Method: get}}
              Free: {Type: Api, Properties: {RestApiId: !Ref KeyedApi, Path: /free, Method: get, Auth: {ApiKeyRequired: false}}}
      """;

  @RegisterExtension
  static final TestApi api =
      TestApi.forClass(TEMPLATE, options -> options.apiKey("command-line-key-0123456789"));

  private static JsonNode event(Response response) throws Exception {
    return JSON.readTree(response.body());
  }

  @Test
  void rest_iam_routes_need_a_signature_and_say_what_is_missing() {
    Response unsigned = api.http().get("/iam");
    Response bearer = api.http().get("/iam", "Authorization", "Bearer abc");

    assertEquals(403, unsigned.status());
    assertEquals("{\"message\":\"Missing Authentication Token\"}", unsigned.body());
    assertEquals("MissingAuthenticationTokenException", unsigned.header("x-amzn-ErrorType"));
    assertEquals(403, bearer.status());
    assertEquals("IncompleteSignatureException", bearer.header("x-amzn-ErrorType"));
    assertEquals(
        "{\"message\":\"Authorization header requires 'Credential' parameter. Authorization header requires"
            + " 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization header requires"
            + " existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=Bearer abc\"}",
        bearer.body());
  }

  @Test
  void a_well_formed_signature_passes_with_the_callers_access_key() throws Exception {
    Response rest =
        api.http().get("/iam", "Authorization", SIGNED, "X-Amz-Date", "20240101T000000Z");
    Response http =
        api.http().get("/iam-http", "Authorization", SIGNED, "X-Amz-Date", "20240101T000000Z");

    assertEquals(200, rest.status(), rest.body());
    assertEquals("AKIDEXAMPLE", event(rest).at("/requestContext/identity/accessKey").asText());
    assertEquals(200, http.status(), http.body());
    assertEquals(
        "AKIDEXAMPLE", event(http).at("/requestContext/authorizer/iam/accessKey").asText());
    assertTrue(
        api.logged(
            "AWS_IAM authorization on GET /iam, GET /iam-http is checked for a well-formed SigV4"));
  }

  @Test
  void http_iam_routes_answer_forbidden() {
    Response unsigned = api.http().get("/iam-http");

    assertEquals(403, unsigned.status());
    assertEquals("{\"message\":\"Forbidden\"}", unsigned.body());
  }

  @Test
  void api_keys_come_from_the_template_or_the_command_line() throws Exception {
    Response none = api.http().get("/keyed");
    Response wrong = api.http().get("/keyed", "x-api-key", "guess");
    Response fromTemplate = api.http().get("/keyed", "x-api-key", "template-key-0123456789");
    Response fromFlag = api.http().get("/keyed", "X-API-Key", "command-line-key-0123456789");

    assertEquals(403, none.status());
    assertEquals("{\"message\":\"Forbidden\"}", none.body());
    assertEquals("ForbiddenException", none.header("x-amzn-ErrorType"));
    assertEquals(403, wrong.status());
    assertEquals(200, fromTemplate.status(), fromTemplate.body());
    assertEquals(
        "template-key-0123456789",
        event(fromTemplate).at("/requestContext/identity/apiKey").asText());
    assertEquals("ClientKey", event(fromTemplate).at("/requestContext/identity/apiKeyId").asText());
    assertEquals(200, fromFlag.status());
    assertEquals(
        200,
        api.http().get("/free").status(),
        "the event's ApiKeyRequired: false wins over the API's");
  }

  @Test
  void disable_authorizer_lets_requests_through_and_says_so(@TempDir Path other) throws Exception {
    try (TestApi open =
        TestApi.start(
            Files.createDirectories(other.resolve("app")),
            TEMPLATE,
            options -> options.disableAuthorizer(true))) {
      assertEquals(200, open.http().get("/iam").status());
      assertTrue(open.logged("--disable-authorizer: 2 route(s) run without their authorizers"));
      assertEquals(
          200,
          open.http().get("/keyed", "x-api-key", "template-key-0123456789").status(),
          "API keys are not authorizers: still checked");
    }
  }
}
