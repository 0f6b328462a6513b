package io.localsam.gateway.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.Set;

/**
 * A compact JWS ({@code header.payload.signature}), decoded: its header and claims, and a signature
 * check by nimbus-jose-jwt for the algorithms API Gateway's JWT authorizers take, RS256/384/512 and
 * ES256/384/512. A token with any other algorithm ({@code none} included) decodes, so that the
 * authorizer can refuse it for its signature, as API Gateway does.
 */
public final class Jwt {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<JWSAlgorithm> RSA =
      Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512);
  private static final Set<JWSAlgorithm> ECDSA =
      Set.of(JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);

  private final JsonNode header;
  private final JsonNode claims;
  private final Base64URL[] parts;

  private Jwt(JsonNode header, JsonNode claims, Base64URL[] parts) {
    this.header = header;
    this.claims = claims;
    this.parts = parts;
  }

  /** Thrown for text that is not a compact JWS with JSON objects for header and claims. */
  public static final class Malformed extends Exception {
    Malformed(String message) {
      super(message);
    }
  }

  public static Jwt decode(String compact) throws Malformed {
    Base64URL[] parts;
    try {
      parts = JOSEObject.split(compact);
    } catch (ParseException e) {
      throw new Malformed(e.getMessage());
    }
    if (parts.length != 3) {
      throw new Malformed("a JWT has three dot-separated parts, this has " + parts.length);
    }
    try {
      JsonNode header = JSON.readTree(parts[0].decode());
      JsonNode claims = JSON.readTree(parts[1].decode());
      if (header == null || !header.isObject() || claims == null || !claims.isObject()) {
        throw new Malformed("the header and payload must be JSON objects");
      }
      return new Jwt(header, claims, parts);
    } catch (IOException e) {
      throw new Malformed("not base64url-encoded JSON (" + e.getMessage() + ")");
    }
  }

  public String algorithm() {
    return header.path("alg").asText("");
  }

  public String keyId() {
    return header.hasNonNull("kid") ? header.get("kid").asText() : null;
  }

  public JsonNode claims() {
    return claims;
  }

  /** True for an algorithm API Gateway checks (RSA or ECDSA with SHA-2). */
  public boolean supportedAlgorithm() {
    JWSAlgorithm algorithm = JWSAlgorithm.parse(algorithm());
    return RSA.contains(algorithm) || ECDSA.contains(algorithm);
  }

  /**
   * True when {@code key} made the signature with the header's algorithm (whose key type must
   * match).
   */
  public boolean signedBy(PublicKey key) {
    if (!supportedAlgorithm() || key == null) {
      return false;
    }
    try {
      SignedJWT token = new SignedJWT(parts[0], parts[1], parts[2]);
      JWSVerifier verifier = verifier(token.getHeader(), key);
      return verifier != null && token.verify(verifier);
    } catch (ParseException | JOSEException | IllegalStateException e) {
      return false; // a header nimbus refuses, or a signature of the wrong length or shape, is
      // simply not valid
    }
  }

  private static JWSVerifier verifier(JWSHeader header, PublicKey key) throws JOSEException {
    if (RSA.contains(header.getAlgorithm()) && key instanceof RSAPublicKey rsa) {
      return new RSASSAVerifier(rsa);
    }
    if (ECDSA.contains(header.getAlgorithm()) && key instanceof ECPublicKey ec) {
      return new ECDSAVerifier(ec);
    }
    return null;
  }
}
