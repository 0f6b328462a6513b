package io.localsam.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * {@code sslCertFile}/{@code sslKeyFile}: the class's emulator serves HTTPS, and the injected base
 * URL says so.
 */
@LocalApi(
    template = Fixtures.ECHO,
    sslCertFile = HttpsOptionTest.CERTIFICATE,
    sslKeyFile = HttpsOptionTest.KEY)
class HttpsOptionTest {
  // the emulator module's self-signed test certificate for localhost and 127.0.0.1
  static final String CERTIFICATE = "../emulator/src/test/resources/tls/rsa.cert";
  static final String KEY = "../emulator/src/test/resources/tls/rsa.key";

  @Test
  void serves_https_with_the_certificate(URI api) throws Exception {
    assertEquals("https", api.getScheme(), api.toString());

    HttpResponse<String> response =
        clientTrustingTheCertificate()
            .send(
                HttpRequest.newBuilder(api.resolve("echo/secure")).build(),
                HttpResponse.BodyHandlers.ofString());

    assertEquals(200, response.statusCode(), response.body());
    assertTrue(response.body().contains("\"function\":\"EchoFunction\""), response.body());
  }

  @Test
  void a_certificate_without_its_key_is_a_configuration_error() {
    ExtensionConfigurationException error =
        assertThrows(
            ExtensionConfigurationException.class,
            () ->
                EmulatorKey.resolve(
                    LocalApiExtension.builder()
                        .template(Fixtures.ECHO)
                        .tls(CERTIFICATE, "")
                        .settings(),
                    "Owner"));
    assertEquals(
        "Owner: sslCertFile and sslKeyFile go together: give both to serve HTTPS, or neither.",
        error.getMessage());
  }

  private static HttpClient clientTrustingTheCertificate() throws Exception {
    KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
    trusted.load(null, null);
    try (InputStream in = Files.newInputStream(ModuleDirectory.resolve(CERTIFICATE))) {
      trusted.setCertificateEntry(
          "test", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return HttpClient.newBuilder().sslContext(context).build();
  }
}
