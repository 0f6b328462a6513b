package io.localsam.gateway.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keys and signed tokens for tests: an RSA key ("test-rsa"), an EC P-256 key ("test-ec") and a
 * stranger's RSA key.
 */
public final class TestTokens {
  private static final ObjectMapper JSON = new ObjectMapper();
  public static final KeyPair RSA = generate("RSA", null);
  public static final KeyPair EC = generate("EC", "secp256r1");

  /** Same kid as {@link #RSA}, different key: its signatures must fail. */
  public static final KeyPair STRANGER = generate("RSA", null);

  private TestTokens() {}

  /** The JWKS of {@link #RSA} and {@link #EC}. */
  public static String jwks() {
    RSAPublicKey rsa = (RSAPublicKey) RSA.getPublic();
    ECPublicKey ec = (ECPublicKey) EC.getPublic();
    return "{\"keys\":["
        + "{\"kty\":\"RSA\",\"kid\":\"test-rsa\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\""
        + b64(rsa.getModulus())
        + "\",\"e\":\""
        + b64(rsa.getPublicExponent())
        + "\"},"
        + "{\"kty\":\"EC\",\"kid\":\"test-ec\",\"crv\":\"P-256\",\"x\":\""
        + b64(ec.getW().getAffineX(), 32)
        + "\",\"y\":\""
        + b64(ec.getW().getAffineY(), 32)
        + "\"}]}";
  }

  /** Claims that pass: issued now, expiring in an hour, with the given extras. */
  public static Map<String, Object> claims(Object... keyValues) {
    long now = System.currentTimeMillis() / 1000;
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("sub", "alice");
    claims.put("iat", now);
    claims.put("exp", now + 3600);
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      claims.put((String) keyValues[i], keyValues[i + 1]);
    }
    return claims;
  }

  public static String rs256(Map<String, Object> claims) {
    return sign("RS256", "test-rsa", RSA.getPrivate(), claims);
  }

  public static String sign(String alg, String kid, PrivateKey key, Map<String, Object> claims) {
    try {
      Map<String, Object> header = new LinkedHashMap<>();
      header.put("alg", alg);
      header.put("typ", "JWT");
      if (kid != null) {
        header.put("kid", kid);
      }
      String input =
          part(JSON.writeValueAsBytes(header)) + "." + part(JSON.writeValueAsBytes(claims));
      Signature signer =
          Signature.getInstance(
              alg.startsWith("RS") ? "SHA256withRSA" : "SHA256withECDSAinP1363Format");
      signer.initSign(key);
      signer.update(input.getBytes(StandardCharsets.US_ASCII));
      return input + "." + part(signer.sign());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String part(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String b64(BigInteger value) {
    byte[] bytes = value.toByteArray();
    if (bytes[0] == 0) {
      bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
    }
    return part(bytes);
  }

  private static String b64(BigInteger value, int length) {
    byte[] bytes = value.toByteArray();
    byte[] fixed = new byte[length];
    int copy = Math.min(bytes.length, length);
    System.arraycopy(bytes, bytes.length - copy, fixed, length - copy, copy);
    return part(fixed);
  }

  private static KeyPair generate(String algorithm, String curve) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
      if (curve != null) {
        generator.initialize(new ECGenParameterSpec(curve));
      } else {
        generator.initialize(2048);
      }
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
