package io.localsam.gateway.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Map;

/**
 * A compact JWS ({@code header.payload.signature}), decoded: its header and claims, and a signature check
 * over the JDK's {@link Signature} for RS256/384/512 and ES256/384/512.
 */
public final class Jwt {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> ALGORITHMS = Map.of(
      "RS256", "SHA256withRSA", "RS384", "SHA384withRSA", "RS512", "SHA512withRSA",
      // JWS carries ECDSA signatures as R||S, which the JDK reads as "P1363 format"
      "ES256", "SHA256withECDSAinP1363Format", "ES384", "SHA384withECDSAinP1363Format",
      "ES512", "SHA512withECDSAinP1363Format");

  private final JsonNode header;
  private final JsonNode claims;
  private final byte[] signingInput;
  private final byte[] signature;

  private Jwt(JsonNode header, JsonNode claims, byte[] signingInput, byte[] signature) {
    this.header = header;
    this.claims = claims;
    this.signingInput = signingInput;
    this.signature = signature;
  }

  /** Thrown for text that is not a compact JWS with JSON objects for header and claims. */
  public static final class Malformed extends Exception {
    Malformed(String message) {
      super(message);
    }
  }

  public static Jwt decode(String compact) throws Malformed {
    String[] parts = compact.split("\\.", -1);
    if (parts.length != 3) {
      throw new Malformed("a JWT has three dot-separated parts, this has " + parts.length);
    }
    try {
      JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
      JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
      if (header == null || !header.isObject() || claims == null || !claims.isObject()) {
        throw new Malformed("the header and payload must be JSON objects");
      }
      byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
      return new Jwt(header, claims, (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII), signature);
    } catch (IllegalArgumentException | IOException e) {
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

  /** True for an algorithm this class can check (RSA or ECDSA with SHA-2). */
  public boolean supportedAlgorithm() {
    return ALGORITHMS.containsKey(algorithm());
  }

  /** True when {@code key} made the signature with the header's algorithm (whose key type must match). */
  public boolean signedBy(PublicKey key) {
    String algorithm = ALGORITHMS.get(algorithm());
    if (algorithm == null || key == null) {
      return false;
    }
    boolean rsa = algorithm().startsWith("RS");
    if (rsa ? !(key instanceof RSAPublicKey) : !(key instanceof ECPublicKey)) {
      return false;
    }
    try {
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(key);
      verifier.update(signingInput);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false; // a signature of the wrong length or shape is simply not valid
    }
  }
}
