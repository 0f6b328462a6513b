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
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * REST API Lambda authorizers, TOKEN and REQUEST, as deployed API Gateway runs them. Sources: AWS
 * docs "Input to an API Gateway Lambda authorizer" and "Output from an API Gateway Lambda
 * authorizer" (event shapes; "the returned values are all stringified"); the 401/403/500 bodies and
 * x-amzn-ErrorType headers from real responses (Luciano Mammino, "Debugging custom ApiGateway
 * authorizers", loige.co, Nov 2023: 401 UnauthorizedException, 403 AccessDeniedException
 * {"Message":...}, 500 AuthorizerConfigurationException {"message":null}); the explicit-deny
 * wording with "in an identity-based policy" as AWS answers since 2024 (a captured test
 * expectation, unverified beyond that); caching per identity source with the policy re-evaluated
 * per method (AWS Knowledge Center, "API Gateway Lambda authorizer with caching returns 403").
 */
class RestLambdaAuthorizerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final TestApi api =
      TestApi.forClass(
          """
      Transform: AWS::Serverless-2016-10-31
      Globals:
        Function: {Runtime: java17, CodeUri: ${CODE}, Timeout: 10}
      Resources:
        Api:
          Type: AWS::Serverless::Api
          Properties:
            StageName: dev
            Cors: "'*'"
            Auth:
              DefaultAuthorizer: Token
              Authorizers:
                Token:
                  FunctionArn: !GetAtt PolicyAuthorizer.Arn
                  Identity: {Header: Authorization, ReauthorizeEvery: 0}
                Cached:
                  FunctionArn: !GetAtt PolicyAuthorizer.Arn
                  Identity: {Header: X-Token}
                Brief:
                  FunctionArn: !GetAtt PolicyAuthorizer.Arn
                  Identity: {Header: X-Token, ReauthorizeEvery: 1}
                Validated:
                  FunctionArn: !GetAtt PolicyAuthorizer.Arn
                  Identity: {Header: Authorization, ValidationExpression: "Bearer [a-z-]+", ReauthorizeEvery: 0}
                Unmatchable:
                  FunctionArn: !GetAtt PolicyAuthorizer.Arn
                  Identity: {Header: Authorization, ValidationExpression: "Bearer [a-z", ReauthorizeEvery: 0}
                Request:
                  FunctionPayloadType: REQUEST
                  FunctionArn: !GetAtt PolicyAuthorizer.Arn
                  Identity: {Headers: [X-Token], QueryStrings: [tenant], ReauthorizeEvery: 0}
        PolicyAuthorizer:
          Type: AWS::Serverless::Function
          Properties:
            Handler: fixtures.Authorizers::policy
        Echo:
          Type: AWS::Serverless::Function
          Properties:
            Handler: fixtures.EchoEvent
            Events:
              Token: {Type: Api, Properties: {RestApiId: !Ref Api, Path: /token, Method: get}}
              Cached: {Type: Api, Properties: {RestApiId: !Ref Api, Path: "/cached/{id}", Method: any, Auth: {Authorizer: Cached}}}
              Brief: {Type: Api, Properties: {RestApiId: !Ref Api, Path: /brief, Method: get, Auth: {Authorizer: Brief}}}
              Validated: {Type: Api, Properties: {RestApiId: !Ref Api, Path: /validated, Method: get, Auth: {Authorizer: Validated}}}
              Unmatchable: {Type: Api, Properties: {RestApiId: !Ref Api, Path: /unmatchable, Method: get, Auth: {Authorizer: Unmatchable}}}
              Request: {Type: Api, Properties: {RestApiId: !Ref Api, Path: "/request/{id}", Method: post, Auth: {Authorizer: Request}}}
              Open: {Type: Api, Properties: {RestApiId: !Ref Api, Path: /open, Method: get, Auth: {Authorizer: NONE}}}
      """);

  @BeforeEach
  void reset() {
    api.emulator().resetJournal();
  }

  private static List<Invocation> authorizerCalls() {
    return api.emulator().invocations().stream()
        .filter(i -> i.functionId().equals("PolicyAuthorizer"))
        .toList();
  }

  private static JsonNode event(Response response) throws Exception {
    return JSON.readTree(response.body());
  }

  @Test
  void token_authorizer_allows_and_its_context_reaches_the_function_stringified() throws Exception {
    Response response = api.http().get("/token", "Authorization", "allow");

    assertEquals(200, response.status(), response.body());
    JsonNode authorizer = event(response).at("/requestContext/authorizer");
    assertEquals("allow", authorizer.get("user").asText());
    assertEquals("7", authorizer.get("number").textValue(), "REST stringifies context values");
    assertEquals("true", authorizer.get("flag").textValue());
    assertEquals("1.5", authorizer.get("ratio").textValue());
    assertEquals("user-allow", authorizer.get("principalId").textValue());
    assertTrue(authorizer.get("integrationLatency").isNumber());
    JsonNode authorizerEvent = JSON.readTree(authorizerCalls().get(0).event());
    String apiId = event(response).at("/requestContext/apiId").asText();
    assertEquals(
        JSON.readTree(
            "{\"type\":\"TOKEN\",\"authorizationToken\":\"allow\",\"methodArn\":"
                + "\"arn:aws:execute-api:us-east-1:123456789012:"
                + apiId
                + "/dev/GET/token\"}"),
        authorizerEvent);
  }

  @Test
  void a_missing_token_is_401_without_calling_the_authorizer() {
    Response response = api.http().get("/token");

    assertEquals(401, response.status());
    assertEquals("{\"message\":\"Unauthorized\"}", response.body());
    assertEquals("UnauthorizedException", response.header("x-amzn-ErrorType"));
    assertTrue(authorizerCalls().isEmpty());
  }

  @Test
  void an_explicit_deny_wins_over_an_allow_and_says_so() {
    Response response = api.http().get("/token", "Authorization", "deny");

    assertEquals(403, response.status());
    assertEquals(
        "{\"Message\":\"User is not authorized to access this resource with an explicit deny in an identity-based policy\"}",
        response.body());
    assertEquals("AccessDeniedException", response.header("x-amzn-ErrorType"));
  }

  @Test
  void a_policy_that_does_not_name_the_method_is_an_implicit_deny() {
    Response response = api.http().get("/token", "Authorization", "elsewhere");

    assertEquals(403, response.status());
    assertEquals(
        "{\"Message\":\"User is not authorized to access this resource\"}", response.body());
  }

  @Test
  void unauthorized_is_401_and_other_failures_are_configuration_errors() {
    Response unauthorized = api.http().get("/token", "Authorization", "unauthorized");
    Response crash = api.http().get("/token", "Authorization", "crash");
    Response garbage = api.http().get("/token", "Authorization", "garbage");
    Response nested = api.http().get("/token", "Authorization", "nested");

    assertEquals(401, unauthorized.status());
    assertEquals("{\"message\":\"Unauthorized\"}", unauthorized.body());
    for (Response failure : List.of(crash, garbage, nested)) {
      assertEquals(500, failure.status());
      assertEquals("{\"message\":null}", failure.body());
      assertEquals("AuthorizerConfigurationException", failure.header("x-amzn-ErrorType"));
    }
    assertTrue(api.logged("context values must be strings, numbers or booleans"));
  }

  @Test
  void the_validation_expression_must_match_the_whole_token_before_the_authorizer_runs() {
    assertEquals(200, api.http().get("/validated", "Authorization", "Bearer allow").status());
    assertEquals(401, api.http().get("/validated", "Authorization", "allow").status());
    assertEquals(401, api.http().get("/validated", "Authorization", "Bearer allow!").status());
    assertEquals(1, authorizerCalls().size());
  }

  @Test
  void an_invalid_validation_expression_is_warned_about_and_refuses_every_token() {
    assertEquals(401, api.http().get("/unmatchable", "Authorization", "Bearer allow").status());
    assertTrue(
        api.logged(
            "authorizer Unmatchable ('Bearer [a-z'): the ValidationExpression is not a valid regular"
                + " expression, so no token matches it and every request to its routes gets 401"));
  }

  @Test
  void request_authorizer_needs_every_identity_source_and_gets_the_request() throws Exception {
    Response missingQuery = api.http().post("/request/7", "{}", "X-Token", "allow");
    Response allowed =
        api.http().post("/request/7?tenant=acme", "{\"secret\":1}", "X-Token", "allow");

    assertEquals(401, missingQuery.status());
    assertEquals(200, allowed.status(), allowed.body());
    JsonNode authorizerEvent = JSON.readTree(authorizerCalls().get(0).event());
    assertEquals("REQUEST", authorizerEvent.get("type").asText());
    assertTrue(authorizerEvent.get("methodArn").asText().endsWith("/dev/POST/request/7"));
    assertEquals("/request/{id}", authorizerEvent.get("resource").asText());
    assertEquals("acme", authorizerEvent.at("/queryStringParameters/tenant").asText());
    assertEquals("allow", authorizerEvent.at("/headers/X-Token").asText());
    assertEquals("7", authorizerEvent.at("/pathParameters/id").asText());
    assertEquals(
        event(allowed).at("/requestContext/requestId"),
        authorizerEvent.at("/requestContext/requestId"),
        "one request, one request id");
    assertFalse(authorizerEvent.has("body"), "REQUEST authorizers do not get the body");
  }

  @Test
  void results_are_cached_by_identity_source_and_the_policy_evaluated_per_method() {
    assertEquals(200, api.http().get("/cached/1", "X-Token", "get-only").status());
    assertEquals(200, api.http().get("/cached/2", "X-Token", "get-only").status());
    assertEquals(
        403,
        api.http().send("DELETE", "/cached/1", null, "X-Token", "get-only").status(),
        "the cached policy allows GET only");
    assertEquals(1, authorizerCalls().size(), "one call for one token within the TTL");

    assertEquals(200, api.http().get("/cached/1", "X-Token", "allow").status());
    assertEquals(2, authorizerCalls().size(), "another token is another cache entry");
  }

  @Test
  void without_caching_every_request_calls_the_authorizer_and_a_ttl_expires() {
    api.http().get("/token", "Authorization", "allow");
    api.http().get("/token", "Authorization", "allow");
    assertEquals(2, authorizerCalls().size(), "ReauthorizeEvery: 0");

    api.emulator().resetJournal();
    api.http().get("/brief", "X-Token", "allow");
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (authorizerCalls().size() < 2 && System.nanoTime() < deadline) {
      api.http()
          .get("/brief", "X-Token", "allow"); // cached for ReauthorizeEvery: 1, then called again
      LockSupport.parkNanos(100_000_000L);
    }
    assertEquals(2, authorizerCalls().size());
  }

  @Test
  void routes_with_auth_none_and_cors_preflights_never_reach_the_authorizer() throws Exception {
    Response open = api.http().get("/open");
    Response preflight =
        api.http()
            .send(
                "OPTIONS",
                "/token",
                null,
                "Origin",
                "https://app.example",
                "Access-Control-Request-Method",
                "GET");

    assertEquals(200, open.status());
    assertTrue(event(open).at("/requestContext/authorizer").isMissingNode());
    assertEquals(200, preflight.status());
    assertEquals("*", preflight.header("Access-Control-Allow-Origin"));
    assertTrue(authorizerCalls().isEmpty());
  }
}
