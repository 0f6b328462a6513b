package io.localsam.gateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.localsam.gateway.auth.JwtValidator.Expectations;
import io.localsam.gateway.auth.JwtValidator.Failure;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * API Gateway's token checks (AWS docs, "Control access to HTTP APIs with JWT authorizers": kid,
 * iss, aud or client_id, exp, nbf, iat, scope or scp) over signatures the JDK checks.
 */
class JwtValidatorTest {
  private static final Expectations ISSUER_AND_AUDIENCE =
      new Expectations(List.of("https://issuer.example"), List.of("api"), List.of(), false);
  private final JwtValidator validator =
      new JwtValidator(Jwks.parse(TestTokens.jwks(), "test"), Clock.systemUTC());

  private static String good(Object... extra) {
    Object[] claims = new Object[extra.length + 4];
    claims[0] = "iss";
    claims[1] = "https://issuer.example";
    claims[2] = "aud";
    claims[3] = "api";
    System.arraycopy(extra, 0, claims, 4, extra.length);
    return TestTokens.rs256(TestTokens.claims(claims));
  }

  private Failure failure(String token, Expectations expected) {
    return validator.validate(token, expected).failure();
  }

  @Test
  void accepts_rs256_and_es256_tokens_signed_by_a_key_of_the_set_with_or_without_bearer() {
    String es =
        TestTokens.sign(
            "ES256",
            "test-ec",
            TestTokens.EC.getPrivate(),
            TestTokens.claims("iss", "https://issuer.example", "aud", "api"));

    assertNull(failure(good(), ISSUER_AND_AUDIENCE));
    assertNull(failure("Bearer " + good(), ISSUER_AND_AUDIENCE));
    assertNull(failure(es, ISSUER_AND_AUDIENCE));
  }

  @Test
  void refuses_other_keys_unknown_kids_unsigned_and_tampered_tokens() {
    String stranger =
        TestTokens.sign("RS256", "test-rsa", TestTokens.STRANGER.getPrivate(), TestTokens.claims());
    String unknownKid =
        TestTokens.sign("RS256", "nobody", TestTokens.RSA.getPrivate(), TestTokens.claims());
    String[] parts = good().split("\\.");
    String none =
        Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[1]
            + ".";
    String tampered =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                    "{\"sub\":\"mallory\",\"exp\":9999999999}".getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];
    Expectations any = new Expectations(List.of(), List.of(), List.of(), false);

    assertEquals(Failure.SIGNATURE, failure(stranger, any));
    assertEquals(Failure.SIGNATURE, failure(unknownKid, any));
    assertEquals(Failure.SIGNATURE, failure(none, any));
    assertEquals(Failure.SIGNATURE, failure(tampered, any));
    assertEquals(Failure.MALFORMED, failure("not-a-jwt", any));
    assertEquals(Failure.MISSING, failure(null, any));
  }

  @Test
  void checks_issuer_audience_or_client_id_and_times() {
    long now = System.currentTimeMillis() / 1000;
    String clientId =
        TestTokens.rs256(TestTokens.claims("iss", "https://issuer.example", "client_id", "api"));
    String audList =
        TestTokens.rs256(
            TestTokens.claims("iss", "https://issuer.example", "aud", List.of("other", "api")));
    String audWins =
        TestTokens.rs256(
            TestTokens.claims("iss", "https://issuer.example", "aud", "other", "client_id", "api"));

    assertEquals(
        Failure.ISSUER,
        failure(
            TestTokens.rs256(TestTokens.claims("iss", "https://evil.example", "aud", "api")),
            ISSUER_AND_AUDIENCE));
    assertEquals(
        Failure.ISSUER,
        failure(TestTokens.rs256(TestTokens.claims("aud", "api")), ISSUER_AND_AUDIENCE));
    assertEquals(
        Failure.AUDIENCE,
        failure(
            TestTokens.rs256(TestTokens.claims("iss", "https://issuer.example")),
            ISSUER_AND_AUDIENCE),
        "neither aud nor client_id");
    assertEquals(Failure.AUDIENCE, failure(good("aud", "someone-else"), ISSUER_AND_AUDIENCE));
    assertNull(failure(clientId, ISSUER_AND_AUDIENCE), "client_id counts when there is no aud");
    assertNull(failure(audList, ISSUER_AND_AUDIENCE));
    assertEquals(
        Failure.AUDIENCE,
        failure(audWins, ISSUER_AND_AUDIENCE),
        "aud is evaluated when both are present");
    assertEquals(Failure.EXPIRED, failure(good("exp", now - 1), ISSUER_AND_AUDIENCE));
    assertEquals(Failure.NOT_YET_VALID, failure(good("nbf", now + 600), ISSUER_AND_AUDIENCE));
    assertEquals(Failure.NOT_YET_VALID, failure(good("iat", now + 600), ISSUER_AND_AUDIENCE));
  }

  @Test
  void needs_one_of_the_routes_scopes_from_scope_or_scp() {
    Expectations scoped =
        new Expectations(List.of(), List.of(), List.of("orders/read", "admin"), false);

    JwtValidator.Result viaScope = validator.validate(good("scope", "profile orders/read"), scoped);
    assertTrue(viaScope.valid());
    assertEquals(List.of("profile", "orders/read"), viaScope.scopes());
    assertNull(failure(good("scp", List.of("admin")), scoped));
    assertEquals(Failure.SCOPE, failure(good("scope", "profile"), scoped));
    assertEquals(Failure.SCOPE, failure(good(), scoped));
  }

  @Test
  void cognito_without_scopes_takes_id_tokens_only() {
    Expectations idOnly = new Expectations(List.of(), List.of(), List.of(), true);

    assertNull(failure(good("token_use", "id"), idOnly));
    assertEquals(Failure.TOKEN_USE, failure(good("token_use", "access"), idOnly));
  }

  @Test
  void without_a_key_set_signatures_are_not_checked_but_claims_are() {
    JwtValidator unverified = new JwtValidator(Jwks.NONE, Clock.systemUTC());
    String stranger =
        TestTokens.sign(
            "RS256",
            null,
            TestTokens.STRANGER.getPrivate(),
            TestTokens.claims("iss", "https://issuer.example", "aud", "api"));

    assertNull(unverified.validate(stranger, ISSUER_AND_AUDIENCE).failure());
    assertEquals(
        Failure.AUDIENCE, unverified.validate(good("aud", "x"), ISSUER_AND_AUDIENCE).failure());
  }

  @Test
  void key_sets_load_from_a_url() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/.well-known/jwks.json",
        exchange -> {
          byte[] body = TestTokens.jwks().getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();

      assertEquals(2, Jwks.load(base + "/.well-known/jwks.json").size());
      assertTrue(
          assertThrows(IllegalArgumentException.class, () -> Jwks.load(base + "/nothing"))
              .getMessage()
              .contains("answered HTTP 404"));
    } finally {
      server.stop(0);
    }
  }

  @Test
  void key_sets_load_from_inline_json_and_files_and_say_what_is_wrong(@TempDir Path folder)
      throws Exception {
    Path file = folder.resolve("jwks.json");
    Files.writeString(file, TestTokens.jwks());

    assertEquals(2, Jwks.load(TestTokens.jwks()).size());
    assertEquals(2, Jwks.load(file.toString()).size());
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> Jwks.load(folder.resolve("none.json").toString()))
            .getMessage()
            .contains("does not exist"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> Jwks.parse("{\"x\":1}", "k.json"))
            .getMessage()
            .contains("needs a \"keys\" array"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    Jwks.parse(
                        "{\"keys\":[{\"kty\":\"RSA\",\"n\":\"AQ\",\"e\":\"AQ\"}]}", "k.json"))
            .getMessage()
            .contains("no \"kid\""));
  }
}
