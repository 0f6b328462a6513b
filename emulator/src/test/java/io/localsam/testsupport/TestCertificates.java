package io.localsam.testsupport;

import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The self-signed test certificates and keys in src/test/resources/tls, and a client that trusts
 * one.
 */
public final class TestCertificates {
  private TestCertificates() {}

  /** A file of src/test/resources/tls, e.g. {@code rsa.cert}. */
  public static Path file(String name) {
    try {
      return Path.of(TestCertificates.class.getResource("/tls/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("no test resource tls/" + name, e);
    }
  }

  /**
   * An HTTP client that trusts {@code certificate} alone, as a browser would after the user
   * accepted it.
   */
  public static HttpClient clientTrusting(String certificate) throws Exception {
    KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
    trusted.load(null, null);
    try (InputStream in = Files.newInputStream(file(certificate))) {
      trusted.setCertificateEntry(
          "localsam-test", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return HttpClient.newBuilder().sslContext(context).build();
  }
}
