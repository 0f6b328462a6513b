package io.localsam.server;

import io.localsam.error.LocalSamException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.KeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * HTTPS for the gateway, from the two PEM files SAM CLI's {@code --ssl-cert-file} and {@code
 * --ssl-key-file} take: a certificate (with its chain, if any) and its unencrypted private key, as
 * {@code openssl req -x509 -nodes} or mkcert write them. Keys in PKCS#8 ({@code BEGIN PRIVATE KEY}:
 * RSA, EC, Ed25519), PKCS#1 ({@code BEGIN RSA PRIVATE KEY}) and SEC1 ({@code BEGIN EC PRIVATE KEY})
 * are read; anything else, or a key that is not the certificate's, is one message saying what to
 * do.
 *
 * @param certificateFile the PEM certificate chain, the server's own first
 * @param keyFile the PEM private key of the first certificate
 */
public record Tls(Path certificateFile, Path keyFile) {
  private static final Pattern PEM =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
  private static final char[] NO_PASSWORD = new char[0];

  public Tls {
    Objects.requireNonNull(certificateFile, "certificateFile");
    Objects.requireNonNull(keyFile, "keyFile");
  }

  /**
   * The server's TLS context.
   *
   * @throws LocalSamException when a file is missing, holds no PEM of its kind, or the key is not
   *     the certificate's
   */
  public SSLContext sslContext() {
    Certificate[] chain = certificates();
    PrivateKey key = privateKey(chain[0].getPublicKey());
    checkPair(key, chain[0].getPublicKey());
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("localsam", key, NO_PASSWORD, chain);
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, NO_PASSWORD);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new LocalSamException(
          "Cannot serve HTTPS with " + certificateFile + " and " + keyFile + ": " + e.getMessage(),
          e);
    }
  }

  private Certificate[] certificates() {
    try {
      Certificate[] chain =
          CertificateFactory.getInstance("X.509")
              .generateCertificates(
                  new ByteArrayInputStream(read(certificateFile, "--ssl-cert-file")))
              .toArray(Certificate[]::new);
      if (chain.length > 0) {
        return chain;
      }
    } catch (GeneralSecurityException notACertificate) {
      // said below
    }
    throw new LocalSamException(
        "--ssl-cert-file "
            + certificateFile
            + " holds no PEM certificate (-----BEGIN CERTIFICATE-----).");
  }

  private PrivateKey privateKey(PublicKey certified) {
    String text = new String(read(keyFile, "--ssl-key-file"), StandardCharsets.US_ASCII);
    Matcher pem = PEM.matcher(text);
    while (pem.find()) {
      String kind = pem.group(1);
      if (!kind.endsWith("PRIVATE KEY")) {
        continue; // e.g. EC PARAMETERS before the key
      }
      if (kind.equals("ENCRYPTED PRIVATE KEY") || pem.group(2).contains("ENCRYPTED")) {
        throw new LocalSamException(
            "--ssl-key-file "
                + keyFile
                + " is encrypted; LocalSAM reads unencrypted keys. Write one with"
                + " `openssl pkey -in "
                + keyFile
                + " -out key.pem` (it asks for the passphrase) and pass that.");
      }
      byte[] der =
          Base64.getMimeDecoder().decode(pem.group(2).replaceAll("(?m)^[A-Za-z-]+:.*$", ""));
      try {
        return KeyFactory.getInstance(algorithm(certified))
            .generatePrivate(spec(kind, der, certified));
      } catch (GeneralSecurityException
          | RuntimeException e) { // a DER the key spec cannot take, or one that runs short
        throw new LocalSamException(
            "--ssl-key-file "
                + keyFile
                + ": its "
                + kind
                + " cannot be read as the "
                + algorithm(certified)
                + " key of the certificate ("
                + e.getMessage()
                + ").",
            e);
      }
    }
    throw new LocalSamException(
        "--ssl-key-file " + keyFile + " holds no PEM private key (-----BEGIN PRIVATE KEY-----).");
  }

  private static String algorithm(PublicKey certified) {
    return certified.getAlgorithm().equals("EdDSA") ? "Ed25519" : certified.getAlgorithm();
  }

  private static KeySpec spec(String kind, byte[] der, PublicKey certified) {
    return switch (kind) {
      case "RSA PRIVATE KEY" -> { // PKCS#1: version, n, e, d, p, q, d mod (p-1), d mod (q-1), q^-1
        // mod p
        Der key = new Der(der).sequence();
        key.integer();
        yield new RSAPrivateCrtKeySpec(
            key.integer(),
            key.integer(),
            key.integer(),
            key.integer(),
            key.integer(),
            key.integer(),
            key.integer(),
            key.integer());
      }
      case "EC PRIVATE KEY" -> { // SEC1: version, the private value; the curve is the certificate's
        if (!(certified instanceof ECPublicKey ec)) {
          throw new IllegalArgumentException(
              "an EC key for a " + certified.getAlgorithm() + " certificate");
        }
        Der key = new Der(der).sequence();
        key.integer();
        yield new ECPrivateKeySpec(new BigInteger(1, key.octets()), ec.getParams());
      }
      default -> new PKCS8EncodedKeySpec(der);
    };
  }

  /** A key that is not the certificate's would fail every handshake; said at start-up instead. */
  private void checkPair(PrivateKey key, PublicKey certified) {
    String algorithm =
        switch (algorithm(certified)) {
          case "RSA" -> "SHA256withRSA";
          case "EC" -> "SHA256withECDSA";
          default -> algorithm(certified);
        };
    try {
      byte[] challenge = "localsam".getBytes(StandardCharsets.US_ASCII);
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(challenge);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(certified);
      verifier.update(challenge);
      if (verifier.verify(signature)) {
        return;
      }
    } catch (GeneralSecurityException mismatched) {
      // said below
    }
    String size =
        certified instanceof RSAPublicKey rsa
            ? " (" + rsa.getModulus().bitLength() + "-bit RSA)"
            : "";
    throw new LocalSamException(
        "--ssl-key-file "
            + keyFile
            + " is not the private key of the certificate in "
            + certificateFile
            + size
            + ".");
  }

  private static byte[] read(Path file, String option) {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new LocalSamException(option + " " + file + ": no such file.");
    } catch (IOException e) {
      throw new LocalSamException(option + " " + file + " cannot be read: " + e.getMessage(), e);
    }
  }

  /** Just enough DER to read a key's sequence of integers and octet strings. */
  private static final class Der {
    private final ByteBuffer bytes;

    Der(byte[] der) {
      this.bytes = ByteBuffer.wrap(der);
    }

    Der sequence() {
      return new Der(value(0x30));
    }

    BigInteger integer() {
      return new BigInteger(value(0x02));
    }

    byte[] octets() {
      return value(0x04);
    }

    private byte[] value(int tag) {
      int found = bytes.get() & 0xff;
      if (found != tag) {
        throw new IllegalArgumentException("unexpected DER tag " + found);
      }
      int length = bytes.get() & 0xff;
      if (length > 0x80) {
        int octets = length - 0x80;
        length = 0;
        for (int i = 0; i < octets; i++) {
          length = (length << 8) | (bytes.get() & 0xff);
        }
      }
      byte[] value = new byte[length];
      bytes.get(value);
      return value;
    }
  }
}
