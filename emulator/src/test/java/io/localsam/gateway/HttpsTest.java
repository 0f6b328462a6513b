package io.localsam.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.localsam.error.LocalSamException;
import io.localsam.server.Tls;
import io.localsam.testsupport.TestApi;
import io.localsam.testsupport.TestCertificates;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code --ssl-cert-file}/{@code --ssl-key-file}: the gateway serves HTTPS with the PEM files
 * OpenSSL and mkcert write, its base URL and start-up lines say {@code https}, and files it cannot
 * use are one message.
 */
class HttpsTest {
  @TempDir Path folder;

  @ParameterizedTest(name = "{0} with {1}")
  @CsvSource({
    "rsa.cert, rsa.key", // PKCS#8, as openssl req -x509 -nodes writes it
    "rsa.cert, rsa-pkcs1.key", // BEGIN RSA PRIVATE KEY
    "ec.cert, ec.key",
    "ec.cert, ec-sec1.key", // BEGIN EC PRIVATE KEY
  })
  void servesHttpsWithTheCertificateAndKey(String certificate, String key) throws Exception {
    try (TestApi api =
        TestApi.start(
            folder,
            TestApi.HELLO_TEMPLATE,
            options ->
                options.tls(
                    new Tls(TestCertificates.file(certificate), TestCertificates.file(key))))) {
      String base = api.emulator().baseUri().toString();
      assertTrue(base.startsWith("https://127.0.0.1:"), base);
      assertTrue(api.logged("Mounting Hello at " + base + "hello [GET]"), api.logs().toString());

      HttpResponse<String> response =
          TestCertificates.clientTrusting(certificate)
              .send(
                  HttpRequest.newBuilder(api.emulator().uri("/hello?name=tls")).build(),
                  HttpResponse.BodyHandlers.ofString());

      assertEquals(200, response.statusCode(), response.body());
      assertEquals("{\"message\":\"hello tls\",\"function\":\"Hello\"}", response.body());
    }
  }

  @ParameterizedTest(name = "{0} with {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "rsa.cert | rsa-encrypted.key | is encrypted; LocalSAM reads unencrypted keys. Write one with `openssl pkey -in",
        "rsa.cert | other-rsa.key     | is not the private key of the certificate in",
        "rsa.cert | ec.key            | cannot be read as the RSA key of the certificate",
        "rsa.cert | rsa.cert          | holds no PEM private key (-----BEGIN PRIVATE KEY-----)",
        "rsa.key  | rsa.key           | holds no PEM certificate (-----BEGIN CERTIFICATE-----)",
      })
  void filesItCannotUseAreOneMessageBeforeAnythingStarts(
      String certificate, String key, String message) {
    LocalSamException refused =
        assertThrows(
            LocalSamException.class,
            () ->
                TestApi.start(
                    folder,
                    TestApi.HELLO_TEMPLATE,
                    options ->
                        options.tls(
                            new Tls(
                                TestCertificates.file(certificate), TestCertificates.file(key)))));
    assertTrue(refused.getMessage().contains(message), refused.getMessage());
  }

  @Test
  void aMissingFileIsNamed() {
    LocalSamException refused =
        assertThrows(
            LocalSamException.class,
            () ->
                TestApi.start(
                    folder,
                    TestApi.HELLO_TEMPLATE,
                    options ->
                        options.tls(
                            new Tls(
                                folder.resolve("nope.pem"), TestCertificates.file("rsa.key")))));
    assertEquals(
        "--ssl-cert-file " + folder.resolve("nope.pem") + ": no such file.", refused.getMessage());
  }
}
