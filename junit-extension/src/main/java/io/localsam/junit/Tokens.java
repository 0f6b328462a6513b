package io.localsam.junit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.localsam.Emulator;
import io.localsam.LocalTemplate.TokenAuthorizerInfo;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Mints a signed token for one test user, accepted by the JWT and Cognito authorizers of an
 * emulator the extension started (it trusts this JVM's test key), so protected routes can be tested
 * without an identity provider:
 *
 * <pre>{@code
 * @RegisterExtension
 * static LocalApiExtension api = LocalApiExtension.builder().template("template.yaml").build();
 *
 * @Test
 * void alice_reads_her_orders() throws Exception {
 *   String token = api.tokens().subject("alice").scope("orders/read").sign();
 *   HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(api.uri("/orders"))
 *       .header("Authorization", "Bearer " + token).build(), BodyHandlers.ofString());
 *   assertEquals(200, response.statusCode());
 * }
 * }</pre>
 *
 * <p>{@link LocalApiExtension#tokens()} (or a {@code Tokens} parameter under {@link LocalApi})
 * starts with the issuer and audience the template's authorizers expect; {@link #create()} starts
 * blank. A token is issued now and expires in an hour unless told otherwise. Each setter returns
 * this builder; {@link #sign()} may be called more than once.
 */
public final class Tokens {
  private static final ObjectMapper JSON = new ObjectMapper();

  private String issuer;
  private final List<String> audience = new ArrayList<>();
  private String subject = "test-user";
  private final Set<String> scopes = new LinkedHashSet<>();
  private final Map<String, Object> claims = new LinkedHashMap<>();
  private Instant issuedAt;
  private Duration lifetime = Duration.ofHours(1);

  private Tokens() {}

  /** A builder with no issuer or audience: set them, or use {@link LocalApiExtension#tokens()}. */
  public static Tokens create() {
    return new Tokens();
  }

  /**
   * A builder with what a template's authorizer expects: for {@code authorizer} (a name), or, when
   * null, for the JWT and Cognito authorizers of the template when they agree on one issuer.
   */
  static Tokens forTemplate(Emulator emulator, String authorizer) {
    Tokens tokens = new Tokens();
    Set<String> issuers = new LinkedHashSet<>();
    List<String> audiences = new ArrayList<>();
    boolean found = false;
    for (TokenAuthorizerInfo candidate : emulator.tokenAuthorizers()) {
      if (authorizer == null || candidate.name().equals(authorizer)) {
        found = true;
        issuers.addAll(candidate.issuers());
        audiences.addAll(candidate.audiences());
      }
    }
    if (authorizer != null && !found) {
      throw new IllegalArgumentException(
          "The template has no JWT or Cognito authorizer named '" + authorizer + "'");
    }
    if (issuers.size() == 1) {
      tokens.issuer = issuers.iterator().next();
    }
    if (!audiences.isEmpty()) {
      tokens.audience.add(audiences.get(0));
    }
    return tokens;
  }

  /**
   * The JSON Web Key Set with this JVM's test key, which every emulator of the extension trusts.
   */
  public static String jwks() {
    return TestKeys.jwks();
  }

  /** {@code sub}; {@code test-user} unless set. */
  public Tokens subject(String subject) {
    this.subject = Objects.requireNonNull(subject, "subject");
    return this;
  }

  /** {@code iss}. */
  public Tokens issuer(String issuer) {
    this.issuer = issuer;
    return this;
  }

  /** {@code aud}, replacing the default; one value is written as a string, several as a list. */
  public Tokens audience(String... audience) {
    this.audience.clear();
    this.audience.addAll(List.of(audience));
    return this;
  }

  /** Adds OAuth scopes, written space-separated in {@code scope}. */
  public Tokens scope(String... scopes) {
    this.scopes.addAll(List.of(scopes));
    return this;
  }

  /**
   * Any other claim ({@code email}, {@code cognito:groups}, {@code token_use}...); a list stays a
   * list.
   */
  public Tokens claim(String name, Object value) {
    claims.put(name, value);
    return this;
  }

  /** Expires this long after it is issued (an hour unless set). */
  public Tokens expiresIn(Duration lifetime) {
    this.lifetime = lifetime;
    return this;
  }

  /** Issued an hour ago, expired a minute ago: for testing refusals. */
  public Tokens expired() {
    this.issuedAt = Instant.now().minus(Duration.ofHours(1));
    this.lifetime = Duration.ofMinutes(59);
    return this;
  }

  /** The signed token, compact JWS (RS256, this JVM's test key). */
  public String sign() {
    Instant issued = issuedAt != null ? issuedAt : Instant.now();
    Map<String, Object> payload = new LinkedHashMap<>();
    if (issuer != null) {
      payload.put("iss", issuer);
    }
    payload.put("sub", subject);
    if (audience.size() == 1) {
      payload.put("aud", audience.get(0));
    } else if (!audience.isEmpty()) {
      payload.put("aud", List.copyOf(audience));
    }
    payload.put("iat", issued.getEpochSecond());
    payload.put("exp", issued.plus(lifetime).getEpochSecond());
    if (!scopes.isEmpty()) {
      payload.put("scope", String.join(" ", scopes));
    }
    payload.putAll(claims);
    String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + TestKeys.KEY_ID + "\"}";
    try {
      String input =
          TestKeys.base64(header.getBytes(StandardCharsets.UTF_8))
              + "."
              + TestKeys.base64(JSON.writeValueAsBytes(payload));
      return input + "." + TestKeys.sign(input);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "a claim cannot be written as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** {@code "Bearer " + sign()}, for an {@code Authorization} header. */
  public String bearer() {
    return "Bearer " + sign();
  }
}
