package io.localsam.gateway.auth;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks API Gateway makes on a bearer token, in its order (AWS docs, "Control access to HTTP
 * APIs with JWT authorizers", evaluation workflow): a JWT, signed by a key of the key set found by
 * {@code kid}; {@code iss} one of the expected issuers; {@code aud} (or {@code client_id} when
 * there is no {@code aud}) one of the expected audiences; {@code exp} after now; {@code nbf} and
 * {@code iat} not after now; and, when the route asks for scopes, at least one of them in {@code
 * scope} or {@code scp}.
 *
 * <p>Without keys ({@link Jwks#NONE}) the signature is not checked and every other check still is.
 */
public final class JwtValidator {

  /** Why a token was refused; {@link #description()} is what goes into {@code www-authenticate}. */
  public enum Failure {
    MISSING("the token is missing"),
    MALFORMED("the token is not a valid JWT"),
    SIGNATURE("the token does not have a valid signature"),
    ISSUER("the token does not have a valid issuer"),
    AUDIENCE("the token does not have a valid audience"),
    EXPIRED("the token has expired"),
    NOT_YET_VALID("the token is not valid yet"),
    TOKEN_USE("the token is an access token, and the method asks for no scopes"),
    SCOPE("the token does not have the required scopes");

    private final String description;

    Failure(String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }
  }

  /**
   * What a route's authorizer expects.
   *
   * @param issuers accepted {@code iss} values; empty accepts any
   * @param audiences accepted {@code aud} / {@code client_id} values; empty accepts any
   * @param scopes the route's scopes, one of which the token must carry; empty asks for none
   * @param idTokensOnly Cognito without scopes: an access token ({@code token_use: access}) is
   *     refused
   */
  public record Expectations(
      List<String> issuers, List<String> audiences, List<String> scopes, boolean idTokensOnly) {
    public Expectations {
      issuers = List.copyOf(issuers);
      audiences = List.copyOf(audiences);
      scopes = List.copyOf(scopes);
    }
  }

  /**
   * The decoded token and its scopes when valid; else the failure (and the token when it decoded).
   */
  public record Result(Jwt token, Failure failure, List<String> scopes) {
    public boolean valid() {
      return failure == null;
    }
  }

  private final Jwks keys;
  private final Clock clock;

  public JwtValidator(Jwks keys, Clock clock) {
    this.keys = keys;
    this.clock = clock;
  }

  /** True when signatures are checked (a key set was given). */
  public boolean checksSignatures() {
    return !keys.isEmpty();
  }

  /** Checks a token (with or without its {@code Bearer } prefix). */
  public Result validate(String presented, Expectations expected) {
    if (presented == null || presented.isBlank()) {
      return new Result(null, Failure.MISSING, List.of());
    }
    String compact = presented.strip();
    if (compact.regionMatches(true, 0, "Bearer ", 0, 7)) {
      compact = compact.substring(7).strip();
    }
    Jwt token;
    try {
      token = Jwt.decode(compact);
    } catch (Jwt.Malformed e) {
      return new Result(null, Failure.MALFORMED, List.of());
    }
    if (!token.supportedAlgorithm()) {
      return new Result(token, Failure.SIGNATURE, List.of());
    }
    if (checksSignatures() && !token.signedBy(keys.key(token.keyId()))) {
      return new Result(token, Failure.SIGNATURE, List.of());
    }
    JsonNode claims = token.claims();
    String issuer = claims.path("iss").asText(null);
    if (!expected.issuers().isEmpty() && (issuer == null || !expected.issuers().contains(issuer))) {
      return new Result(token, Failure.ISSUER, List.of());
    }
    if (!expected.audiences().isEmpty() && !audienceMatches(claims, expected.audiences())) {
      return new Result(token, Failure.AUDIENCE, List.of());
    }
    long now = clock.millis() / 1000;
    if (!claims.path("exp").isNumber() || claims.get("exp").asLong() <= now) {
      return new Result(token, Failure.EXPIRED, List.of());
    }
    if (claims.path("nbf").isNumber() && claims.get("nbf").asLong() > now
        || claims.path("iat").isNumber() && claims.get("iat").asLong() > now) {
      return new Result(token, Failure.NOT_YET_VALID, List.of());
    }
    List<String> scopes = scopes(claims);
    if (expected.scopes().isEmpty()) {
      if (expected.idTokensOnly() && "access".equals(claims.path("token_use").asText(null))) {
        return new Result(token, Failure.TOKEN_USE, scopes);
      }
    } else if (scopes.stream().noneMatch(expected.scopes()::contains)) {
      return new Result(token, Failure.SCOPE, scopes);
    }
    return new Result(token, null, scopes);
  }

  /**
   * {@code aud} (a string or a list) when present, else {@code client_id}, as API Gateway reads
   * them.
   */
  private static boolean audienceMatches(JsonNode claims, List<String> audiences) {
    JsonNode aud = claims.get("aud");
    if (aud == null || aud.isNull()) {
      String clientId = claims.path("client_id").asText(null);
      return clientId != null && audiences.contains(clientId);
    }
    if (aud.isArray()) {
      for (JsonNode one : aud) {
        if (audiences.contains(one.asText())) {
          return true;
        }
      }
      return false;
    }
    return audiences.contains(aud.asText());
  }

  /**
   * The token's scopes: {@code scope} (space-separated), else {@code scp} (a list or
   * space-separated text).
   */
  public static List<String> scopes(JsonNode claims) {
    List<String> scopes = new ArrayList<>();
    JsonNode declared = claims.has("scope") ? claims.get("scope") : claims.get("scp");
    if (declared == null || declared.isNull()) {
      return scopes;
    }
    if (declared.isArray()) {
      declared.forEach(scope -> scopes.add(scope.asText()));
    } else {
      for (String scope : declared.asText().split("\\s+")) {
        if (!scope.isEmpty()) {
          scopes.add(scope);
        }
      }
    }
    return scopes;
  }
}
