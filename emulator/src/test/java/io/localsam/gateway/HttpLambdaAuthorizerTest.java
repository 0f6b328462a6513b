package io.localsam.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.localsam.Invocation;
import io.localsam.testsupport.HttpTestClient.Response;
import io.localsam.testsupport.TestApi;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * HTTP API Lambda authorizers at payload 1.0 and 2.0, simple and IAM policy responses. Sources: AWS
 * docs "Control access to HTTP APIs with AWS Lambda authorizers" (event formats per authorizer
 * payload version, simple responses, caching by identity source) and the samples apigw_auth.json /
 * apigw_auth_v2.json; the 2.0 event's {@code requestContext.authorizer.lambda} (AWS docs, "Create
 * AWS Lambda proxy integrations for HTTP APIs"). The 403 {"message":"Forbidden"} and 500
 * {"message":"Internal Server Error"} bodies are not in AWS's documentation (unverified beliefs);
 * the README's "Authorizers" table lists them.
 */
class HttpLambdaAuthorizerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final TestApi api =
      TestApi.forClass(
          """
      Transform: AWS::Serverless-2016-10-31
      Globals:
        Function: {Runtime: java17, CodeUri: ${CODE}, Timeout: 10}
      Resources:
        Http:
          Type: AWS::Serverless::HttpApi
          Properties:
            Auth:
              DefaultAuthorizer: Simple
              Authorizers:
                Simple:
                  FunctionArn: !GetAtt SimpleAuthorizer.Arn
                  AuthorizerPayloadFormatVersion: "2.0"
                  EnableSimpleResponses: true
                  Identity: {Headers: [Authorization], ReauthorizeEvery: 0}
                Cached:
                  FunctionArn: !GetAtt SimpleAuthorizer.Arn
                  AuthorizerPayloadFormatVersion: "2.0"
                  EnableSimpleResponses: true
                  Identity: {Headers: [Authorization], ReauthorizeEvery: 300}
                Policy2:
                  FunctionArn: !GetAtt PolicyAuthorizer.Arn
                  AuthorizerPayloadFormatVersion: "2.0"
                  Identity: {Headers: [Authorization], ReauthorizeEvery: 0}
                Policy1:
                  FunctionArn: !GetAtt PolicyAuthorizer.Arn
                  AuthorizerPayloadFormatVersion: "1.0"
                  Identity: {Headers: [Authorization], QueryStrings: [tenant], ReauthorizeEvery: 0}
        SimpleAuthorizer:
          Type: AWS::Serverless::Function
          Properties:
            Handler: fixtures.Authorizers::simple
        PolicyAuthorizer:
          Type: AWS::Serverless::Function
          Properties:
            Handler: fixtures.Authorizers::policy
        Echo:
          Type: AWS::Serverless::Function
          Properties:
            Handler: fixtures.EchoEvent
            Events:
              Simple: {Type: HttpApi, Properties: {ApiId: !Ref Http, Path: /simple, Method: get}}
              SimpleV1: {Type: HttpApi, Properties: {ApiId: !Ref Http, Path: /simple-v1, Method: get, PayloadFormatVersion: "1.0"}}
              Cached: {Type: HttpApi, Properties: {ApiId: !Ref Http, Path: /cached, Method: get, Auth: {Authorizer: Cached}}}
              Policy2: {Type: HttpApi, Properties: {ApiId: !Ref Http, Path: /policy2, Method: get, Auth: {Authorizer: Policy2}}}
              Policy1: {Type: HttpApi, Properties: {ApiId: !Ref Http, Path: /policy1, Method: get, Auth: {Authorizer: Policy1}}}
      """);

  @BeforeEach
  void reset() {
    api.emulator().resetJournal();
  }

  private static List<Invocation> calls(String authorizer) {
    return api.emulator().invocations().stream()
        .filter(i -> i.functionId().equals(authorizer))
        .toList();
  }

  private static JsonNode event(Response response) throws Exception {
    return JSON.readTree(response.body());
  }

  @Test
  void simple_response_allows_with_its_context_under_lambda_with_json_types_kept()
      throws Exception {
    Response response = api.http().get("/simple", "Authorization", "allow");

    assertEquals(200, response.status(), response.body());
    assertEquals(
        JSON.readTree(
            "{\"lambda\":{\"user\":\"allow\",\"number\":7,\"flag\":true,\"ratio\":1.5,\"list\":[1,2]}}"),
        event(response).at("/requestContext/authorizer"));
    JsonNode authorizerEvent = JSON.readTree(calls("SimpleAuthorizer").get(0).event());
    assertEquals("2.0", authorizerEvent.get("version").asText());
    assertEquals("REQUEST", authorizerEvent.get("type").asText());
    assertEquals(
        "arn:aws:execute-api:us-east-1:123456789012:"
            + event(response).at("/requestContext/apiId").asText()
            + "/$default/GET/simple",
        authorizerEvent.get("routeArn").asText());
    assertEquals(JSON.readTree("[\"allow\"]"), authorizerEvent.get("identitySource"));
    assertEquals("GET /simple", authorizerEvent.get("routeKey").asText());
    assertEquals("allow", authorizerEvent.at("/headers/authorization").asText());
    assertFalse(authorizerEvent.has("body"));
  }

  @Test
  void simple_response_false_is_403_a_missing_source_401_and_a_bad_answer_500() {
    Response denied = api.http().get("/simple", "Authorization", "nobody");
    Response missing = api.http().get("/simple");
    Response bad = api.http().get("/simple", "Authorization", "bad");
    Response unauthorized = api.http().get("/simple", "Authorization", "unauthorized");

    assertEquals(403, denied.status());
    assertEquals("{\"message\":\"Forbidden\"}", denied.body());
    assertEquals(401, missing.status());
    assertEquals("{\"message\":\"Unauthorized\"}", missing.body());
    assertEquals(500, bad.status());
    assertEquals("{\"message\":\"Internal Server Error\"}", bad.body());
    assertEquals(401, unauthorized.status());
    assertEquals(
        3,
        calls("SimpleAuthorizer").size(),
        "a missing identity source never calls the authorizer");
  }

  @Test
  void payload_1_route_gets_the_context_flat() throws Exception {
    Response response = api.http().get("/simple-v1", "Authorization", "allow");

    assertEquals(200, response.status(), response.body());
    assertEquals("1.0", event(response).get("version").asText());
    assertEquals(
        JSON.readTree(
            "{\"user\":\"allow\",\"number\":7,\"flag\":true,\"ratio\":1.5,\"list\":[1,2]}"),
        event(response).at("/requestContext/authorizer"));
  }

  @Test
  void policy_response_at_2_0_evaluates_the_policy_deny_winning() throws Exception {
    Response allowed = api.http().get("/policy2", "Authorization", "allow");
    Response denied = api.http().get("/policy2", "Authorization", "deny");

    assertEquals(200, allowed.status(), allowed.body());
    assertEquals("allow", event(allowed).at("/requestContext/authorizer/lambda/user").asText());
    assertEquals(403, denied.status());
    assertEquals("{\"message\":\"Forbidden\"}", denied.body());
  }

  @Test
  void authorizer_at_payload_1_0_gets_the_1_0_event_whatever_the_route_format() throws Exception {
    Response missingTenant = api.http().get("/policy1", "Authorization", "allow");
    Response allowed = api.http().get("/policy1?tenant=acme", "Authorization", "allow");

    assertEquals(401, missingTenant.status());
    assertEquals(200, allowed.status(), allowed.body());
    JsonNode authorizerEvent = JSON.readTree(calls("PolicyAuthorizer").get(0).event());
    assertEquals("1.0", authorizerEvent.get("version").asText());
    assertEquals("REQUEST", authorizerEvent.get("type").asText());
    assertTrue(authorizerEvent.get("methodArn").asText().endsWith("/$default/GET/policy1"));
    assertEquals("allow,acme", authorizerEvent.get("identitySource").asText());
    assertEquals("allow,acme", authorizerEvent.get("authorizationToken").asText());
    assertEquals("/policy1", authorizerEvent.get("path").asText());
    assertEquals("acme", authorizerEvent.at("/queryStringParameters/tenant").asText());
    assertEquals(
        "2.0",
        event(allowed).get("version").asText(),
        "the function still gets its route's 2.0 event");
    assertEquals("allow", event(allowed).at("/requestContext/authorizer/lambda/user").asText());
  }

  @Test
  void results_are_cached_by_identity_source_for_the_ttl() {
    assertEquals(200, api.http().get("/cached", "Authorization", "allow").status());
    assertEquals(200, api.http().get("/cached", "Authorization", "allow").status());
    assertEquals(403, api.http().get("/cached", "Authorization", "nobody").status());
    assertEquals(403, api.http().get("/cached", "Authorization", "nobody").status());

    assertEquals(
        2, calls("SimpleAuthorizer").size(), "one call per distinct identity, denials cached too");
  }
}
