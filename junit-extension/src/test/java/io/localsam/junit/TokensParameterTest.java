package io.localsam.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The annotation form: a {@link Tokens} parameter, and authorizer options on {@link LocalApi}. */
@LocalApi(template = Fixtures.PROTECTED)
class TokensParameterTest {

  @Test
  void takes_a_tokens_parameter_with_the_templates_issuer_and_audience(URI api, Tokens tokens)
      throws Exception {
    String token = tokens.subject("bob").expiresIn(Duration.ofMinutes(5)).bearer();

    HttpResponse<String> response =
        ProtectedRoutesTest.get(api.resolve("me"), "Authorization", token);

    assertEquals(200, response.statusCode(), response.body());
    assertTrue(response.body().startsWith("{\"sub\":\"bob\""), response.body());
  }

  @Nested
  @LocalApi(
      template = Fixtures.PROTECTED,
      disableAuthorizer = true,
      apiKeys = "annotation-key-0123456789")
  class WithAuthorizersDisabled {
    @Test
    void routes_answer_without_a_token_and_api_keys_still_count(URI api) throws Exception {
      assertEquals(200, ProtectedRoutesTest.get(api.resolve("orders")).statusCode());
      assertEquals(403, ProtectedRoutesTest.get(api.resolve("keyed")).statusCode());
      assertEquals(
          200,
          ProtectedRoutesTest.get(api.resolve("keyed"), "x-api-key", "annotation-key-0123456789")
              .statusCode());
    }
  }
}
