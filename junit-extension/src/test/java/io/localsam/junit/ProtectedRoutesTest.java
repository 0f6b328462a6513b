package io.localsam.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Testing protected routes as a given user: tokens signed with the test key every emulator trusts.
 */
class ProtectedRoutesTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @RegisterExtension
  static LocalApiExtension api =
      LocalApiExtension.builder()
          .template(Fixtures.PROTECTED)
          .apiKey("test-api-key-0123456789")
          .build();

  static HttpResponse<String> get(URI uri, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri);
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void a_minted_token_carries_the_user_to_the_function() throws Exception {
    String token = api.tokens().subject("alice").scope("orders/read").sign();

    HttpResponse<String> response = get(api.uri("/orders"), "Authorization", "Bearer " + token);

    assertEquals(200, response.statusCode(), response.body());
    assertEquals(
        "{\"sub\":\"alice\",\"scopes\":\"[orders/read]\",\"apiKey\":null}", response.body());
  }

  @Test
  void tokens_start_with_the_issuer_and_audience_the_template_expects() throws Exception {
    HttpResponse<String> defaults = get(api.uri("/me"), "Authorization", api.tokens().bearer());
    HttpResponse<String> otherAudience =
        get(api.uri("/me"), "Authorization", api.tokens().audience("billing").bearer());
    HttpResponse<String> blank = get(api.uri("/me"), "Authorization", Tokens.create().bearer());

    assertEquals(200, defaults.statusCode(), defaults.body());
    assertEquals(401, otherAudience.statusCode());
    assertEquals(401, blank.statusCode(), "no issuer: not the authorizer's");
  }

  @Test
  void refusals_are_api_gateways() throws Exception {
    assertEquals(401, get(api.uri("/me")).statusCode());
    assertEquals(
        401, get(api.uri("/me"), "Authorization", api.tokens().expired().bearer()).statusCode());
    assertEquals(
        403,
        get(api.uri("/orders"), "Authorization", api.tokens().scope("profile").bearer())
            .statusCode());
  }

  @Test
  void api_keys_from_the_builder_are_accepted() throws Exception {
    assertEquals(403, get(api.uri("/keyed")).statusCode());
    HttpResponse<String> keyed = get(api.uri("/keyed"), "x-api-key", "test-api-key-0123456789");
    assertEquals(200, keyed.statusCode(), keyed.body());
    assertTrue(keyed.body().contains("\"apiKey\":\"test-api-key-0123456789\""));
  }
}
