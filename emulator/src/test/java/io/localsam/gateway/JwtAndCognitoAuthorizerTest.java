package io.localsam.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.localsam.gateway.auth.TestTokens;
import io.localsam.testsupport.HttpTestClient.Response;
import io.localsam.testsupport.TestApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JWT authorizers (HTTP APIs) and Cognito user pool authorizers (REST) checking real tokens against
 * a key set. Sources: AWS docs "Control access to HTTP APIs with JWT authorizers" (the checks; "If
 * you configure scopes for a route, the token must include at least one of the route's scopes") and
 * "Troubleshooting issues with HTTP API JWT authorizers" (401 {"message":"Unauthorized"} with
 * {@code www-authenticate: Bearer scope="" error="invalid_token" error_description="the token does
 * not have a valid audience"}; the other descriptions follow that form, unverified); the 2.0
 * event's {@code authorizer.jwt.claims} with string values, lists as {@code [a b]}, and {@code
 * scopes} null for a route without scopes (captured events in DefinitelyTyped/DefinitelyTyped#75458
 * and floci-io/floci#2011); AWS Knowledge Center "401 from a REST API with a Cognito user pool
 * authorizer" (ID tokens without scopes, access tokens with them); REST claims as
 * aws/serverless-java-container's CognitoAuthorizerClaims shows them.
 */
class JwtAndCognitoAuthorizerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ISSUER = "https://issuer.example";
  private static final String POOL_ISSUER =
      "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_test";
  static final String TEMPLATE =
      """
      Transform: AWS::Serverless-2016-10-31
      Globals:
        Function: {Runtime: java17, CodeUri: ${CODE}, Handler: fixtures.EchoEvent}
      Resources:
        Http:
          Type: AWS::Serverless::HttpApi
          Properties:
            Auth:
              DefaultAuthorizer: Jwt
              Authorizers:
                Jwt:
                  IdentitySource: $request.header.Authorization
                  JwtConfiguration: {issuer: https://issuer.example, audience: [orders-api]}
        Rest:
          Type: AWS::Serverless::Api
          Properties:
            StageName: dev
            Auth:
              DefaultAuthorizer: Users
              Authorizers:
                Users:
                  UserPoolArn: arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_test
        Echo:
          Type: AWS::Serverless::Function
          Properties:
            Events:
              Me: {Type: HttpApi, Properties: {ApiId: !Ref Http, Path: /me, Method: get}}
              MeV1: {Type: HttpApi, Properties: {ApiId: !Ref Http, Path: /me-v1, Method: get, PayloadFormatVersion: "1.0"}}
              Orders: {Type: HttpApi, Properties: {ApiId: !Ref Http, Path: /orders, Method: get, Auth: {AuthorizationScopes: [orders/read]}}}
              Profile: {Type: Api, Properties: {RestApiId: !Ref Rest, Path: /profile, Method: get}}
              Admin: {Type: Api, Properties: {RestApiId: !Ref Rest, Path: /admin, Method: get, Auth: {AuthorizationScopes: [admin]}}}
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

  private static String token(Object... claims) {
    Object[] all = new Object[claims.length + 4];
    all[0] = "iss";
    all[1] = ISSUER;
    all[2] = "aud";
    all[3] = "orders-api";
    System.arraycopy(claims, 0, all, 4, claims.length);
    return "Bearer " + TestTokens.rs256(TestTokens.claims(all));
  }

  private static JsonNode event(Response response) throws Exception {
    return JSON.readTree(response.body());
  }

  @Test
  void a_valid_token_passes_with_its_claims_as_strings_in_the_2_0_event() throws Exception {
    Response response =
        api.http()
            .get(
                "/me",
                "Authorization",
                token("groups", List.of("admin", "dev"), "email_verified", true));

    assertEquals(200, response.status(), response.body());
    JsonNode jwt = event(response).at("/requestContext/authorizer/jwt");
    assertEquals("alice", jwt.at("/claims/sub").asText());
    assertTrue(jwt.at("/claims/exp").isTextual());
    assertEquals("[admin dev]", jwt.at("/claims/groups").asText());
    assertEquals("true", jwt.at("/claims/email_verified").asText());
    assertTrue(jwt.get("scopes").isNull(), "null when the route asks for no scopes");
  }

  @Test
  void a_payload_1_0_route_gets_claims_and_scopes_directly_under_authorizer() throws Exception {
    Response response = api.http().get("/me-v1", "Authorization", token());

    assertEquals(200, response.status(), response.body());
    assertEquals("alice", event(response).at("/requestContext/authorizer/claims/sub").asText());
    assertTrue(event(response).at("/requestContext/authorizer/scopes").isNull());
  }

  @Test
  void invalid_tokens_are_401_with_the_reason_in_www_authenticate() {
    long now = System.currentTimeMillis() / 1000;
    Response audience = api.http().get("/me", "Authorization", token("aud", "another-api"));
    Response expired = api.http().get("/me", "Authorization", token("exp", now - 5));
    Response issuer =
        api.http()
            .get(
                "/me",
                "Authorization",
                TestTokens.rs256(
                    TestTokens.claims("iss", "https://evil.example", "aud", "orders-api")));
    Response forged =
        api.http()
            .get(
                "/me",
                "Authorization",
                TestTokens.sign(
                    "RS256",
                    "test-rsa",
                    TestTokens.STRANGER.getPrivate(),
                    TestTokens.claims("iss", ISSUER, "aud", "orders-api")));
    Response missing = api.http().get("/me");

    assertEquals(401, audience.status());
    assertEquals("{\"message\":\"Unauthorized\"}", audience.body());
    assertEquals(
        "Bearer scope=\"\" error=\"invalid_token\" error_description=\"the token does not have a valid audience\"",
        audience.header("www-authenticate"));
    assertTrue(expired.header("www-authenticate").contains("the token has expired"));
    assertEquals(401, issuer.status());
    assertEquals(401, forged.status());
    assertTrue(forged.header("www-authenticate").contains("signature"));
    assertEquals(401, missing.status());
    assertNull(missing.header("www-authenticate"));
  }

  @Test
  void a_scoped_route_needs_one_of_its_scopes_and_gets_the_tokens_scopes() throws Exception {
    Response allowed =
        api.http().get("/orders", "Authorization", token("scope", "profile orders/read"));
    Response forbidden = api.http().get("/orders", "Authorization", token("scope", "profile"));

    assertEquals(200, allowed.status(), allowed.body());
    assertEquals(
        JSON.readTree("[\"profile\",\"orders/read\"]"),
        event(allowed).at("/requestContext/authorizer/jwt/scopes"));
    assertEquals(403, forbidden.status());
    assertEquals("{\"message\":\"Forbidden\"}", forbidden.body());
    assertTrue(forbidden.header("www-authenticate").contains("insufficient_scope"));
  }

  @Test
  void cognito_checks_the_pool_issuer_and_gives_rest_claims() throws Exception {
    String idToken =
        TestTokens.rs256(
            TestTokens.claims(
                "iss",
                POOL_ISSUER,
                "token_use",
                "id",
                "cognito:username",
                "alice",
                "cognito:groups",
                List.of("admin", "dev"),
                "exp",
                1_900_000_000L));
    Response response = api.http().get("/profile", "Authorization", idToken);
    Response otherPool = api.http().get("/profile", "Authorization", token());

    assertEquals(200, response.status(), response.body());
    JsonNode claims = event(response).at("/requestContext/authorizer/claims");
    assertEquals("alice", claims.get("cognito:username").asText());
    assertEquals("admin,dev", claims.get("cognito:groups").asText());
    assertEquals("Sun Mar 17 17:46:40 UTC 2030", claims.get("exp").asText());
    assertEquals(401, otherPool.status());
    assertEquals("UnauthorizedException", otherPool.header("x-amzn-ErrorType"));
  }

  @Test
  void cognito_takes_id_tokens_without_scopes_and_access_tokens_with_them() {
    String access =
        TestTokens.rs256(
            TestTokens.claims("iss", POOL_ISSUER, "token_use", "access", "scope", "admin"));
    String accessWithout =
        TestTokens.rs256(
            TestTokens.claims("iss", POOL_ISSUER, "token_use", "access", "scope", "profile"));

    assertEquals(
        401,
        api.http().get("/profile", "Authorization", access).status(),
        "an access token, no scopes asked");
    assertEquals(200, api.http().get("/admin", "Authorization", access).status());
    assertEquals(401, api.http().get("/admin", "Authorization", accessWithout).status());
  }

  @Test
  void without_a_key_set_start_up_warns_once_and_signatures_are_not_checked(@TempDir Path other) {
    try (TestApi unverified = TestApi.start(other, TEMPLATE)) {
      String forged =
          TestTokens.sign(
              "RS256",
              "anything",
              TestTokens.STRANGER.getPrivate(),
              TestTokens.claims("iss", ISSUER, "aud", "orders-api"));

      assertEquals(200, unverified.http().get("/me", "Authorization", forged).status());
      assertEquals(
          401,
          unverified.http().get("/me", "Authorization", token("aud", "another-api")).status(),
          "claims are still checked");
      assertEquals(
          1,
          unverified.logs().stream()
              .filter(line -> line.contains("WITHOUT checking their signatures"))
              .count());
      assertTrue(
          unverified.logs().stream()
              .anyMatch(line -> line.contains("Jwt (JWT), Users (COGNITO_USER_POOLS)")));
    }
  }
}
