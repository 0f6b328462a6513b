package io.localsam.junit;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;

/**
 * The test key pair of this JVM: RSA 2048, generated in-process on first use. Every emulator the
 * extension starts trusts its public half (as a JWKS), and {@link Tokens} signs with its private
 * half, so tests of protected routes need no identity provider. Never leaves the process.
 */
final class TestKeys {
  static final String KEY_ID = "localsam-test-key";

  private static final class Holder {
    static final KeyPair PAIR = generate();
  }

  private TestKeys() {}

  /** The public key as a JSON Web Key Set. */
  static String jwks() {
    RSAPublicKey key = (RSAPublicKey) Holder.PAIR.getPublic();
    return "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\""
        + KEY_ID
        + "\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\""
        + unsigned(key.getModulus())
        + "\",\"e\":\""
        + unsigned(key.getPublicExponent())
        + "\"}]}";
  }

  /** RS256 over {@code header.payload}, both already base64url-encoded. */
  static String sign(String signingInput) {
    try {
      Signature signer = Signature.getInstance("SHA256withRSA");
      signer.initSign(Holder.PAIR.getPrivate());
      signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return base64(signer.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot sign with RSA: " + e.getMessage(), e);
    }
  }

  static String base64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String unsigned(BigInteger value) {
    byte[] bytes = value.toByteArray();
    return base64(bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes);
  }

  private static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot generate an RSA key: " + e.getMessage(), e);
    }
  }
}
