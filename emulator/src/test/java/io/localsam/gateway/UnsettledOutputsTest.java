package io.localsam.gateway;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.localsam.testsupport.HttpTestClient.Response;
import io.localsam.testsupport.TestApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cases left unsettled by the evidence at hand, pinned as the README's fidelity section decides
 * them, each with its source there: REST accepts {@code base64Encoded} and a missing {@code
 * statusCode} (200) but not a bare number; a payload 2.0 bare string is its own text as the body;
 * of two HTTP API stages, {@code $default} is served.
 */
class UnsettledOutputsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final TestApi api =
      TestApi.forClass(
          """
      Globals:
        Function: {Runtime: java17, CodeUri: ${CODE}}
      Resources:
        Rest:
          Type: AWS::Serverless::Api
          Properties:
            StageName: live
            BinaryMediaTypes: ["image~1gif"]
        Reply:
          Type: AWS::Serverless::Function
          Properties:
            Handler: fixtures.Reply::handle
            Events:
              Rest: {Type: Api, Properties: {RestApiId: !Ref Rest, Path: /rest, Method: post}}
              Http: {Type: HttpApi, Properties: {Path: /http, Method: post}}
      """);

  @Test
  void rest_takes_base64Encoded_as_jackson_writes_isBase64Encoded() {
    String output =
        "{\"statusCode\":200,\"headers\":{\"Content-Type\":\"image/gif\"},\"base64Encoded\":true,"
            + "\"body\":\""
            + Base64.getEncoder().encodeToString(new byte[] {'G', 'I', 'F', 0})
            + "\"}";

    Response response = api.http().post("/rest", output, "Accept", "image/gif");

    assertEquals(200, response.status(), response.body());
    assertArrayEquals(new byte[] {'G', 'I', 'F', 0}, response.bytes());
  }

  @Test
  void rest_without_status_code_answers_200() {
    Response response =
        api.http().post("/rest", "{\"headers\":{\"X-Kind\":\"no-status\"},\"body\":\"fine\"}");

    assertEquals(200, response.status());
    assertEquals("fine", response.body());
    assertEquals("no-status", response.header("X-Kind"));
  }

  @Test
  void rest_bare_number_is_a_malformed_proxy_response() {
    Response response = api.http().post("/rest", "42");

    assertEquals(502, response.status());
    assertEquals("{\"message\": \"Internal server error\"}", response.body());
  }

  @Test
  void http_api_bare_json_string_is_sent_as_its_text() {
    Response response = api.http().post("/http", "\"Hello from Lambda!\"");

    assertEquals(200, response.status());
    assertEquals("Hello from Lambda!", response.body());
    assertEquals("application/json", response.header("Content-Type"));
  }

  @Test
  void of_two_http_api_stages_default_is_served_and_the_choice_is_warned_about(@TempDir Path folder)
      throws Exception {
    try (TestApi stages =
        TestApi.start(
            Files.createDirectories(folder.resolve("stages")),
            """
        Resources:
          Api:
            Type: AWS::ApiGatewayV2::Api
            Properties: {Name: staged, ProtocolType: HTTP}
          Dev:
            Type: AWS::ApiGatewayV2::Stage
            Properties: {ApiId: !Ref Api, StageName: dev, StageVariables: {env: dev}}
          Default:
            Type: AWS::ApiGatewayV2::Stage
            Properties: {ApiId: !Ref Api, StageName: $default, AutoDeploy: true, StageVariables: {env: default}}
          Integration:
            Type: AWS::ApiGatewayV2::Integration
            Properties:
              ApiId: !Ref Api
              IntegrationType: AWS_PROXY
              PayloadFormatVersion: "2.0"
              IntegrationUri: !GetAtt Echo.Arn
          Route:
            Type: AWS::ApiGatewayV2::Route
            Properties: {ApiId: !Ref Api, RouteKey: GET /echo, Target: !Sub "integrations/${Integration}"}
          Echo:
            Type: AWS::Lambda::Function
            Properties: {Runtime: java17, Handler: fixtures.EchoEvent, Code: ${CODE}, Role: arn:aws:iam::123456789012:role/x}
        """)) {
      var event = JSON.readTree(stages.http().get("/echo").body());

      assertEquals("$default", event.at("/requestContext/stage").asText());
      assertEquals("default", event.at("/stageVariables/env").asText());
      assertTrue(
          stages.logged(
              "Warning: Api has several stages (dev, $default); locally one is served: $default, the stage"
                  + " AWS serves at the root of the API's URL, as LocalSAM serves every API"),
          stages.logs().toString());
    }
  }
}
