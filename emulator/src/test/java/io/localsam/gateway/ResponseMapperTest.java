package io.localsam.gateway;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.localsam.template.ApiKind;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every response shape real handlers return, valid and invalid (README, Gateway, with deployed API
 * Gateway's rules: "If the function output is of a different format, API Gateway returns a 502",
 * AWS docs "Set up Lambda proxy integrations in API Gateway", output format section).
 */
class ResponseMapperTest {

  private static GatewayResponse rest(String output, List<String> binary, String accept)
      throws ResponseMapper.Malformed {
    return ResponseMapper.v1(output.getBytes(StandardCharsets.UTF_8), ApiKind.REST, binary, accept);
  }

  private static GatewayResponse rest(String output) throws ResponseMapper.Malformed {
    return rest(output, List.of(), null);
  }

  private static GatewayResponse v2(String output) throws ResponseMapper.Malformed {
    return ResponseMapper.v2(output.getBytes(StandardCharsets.UTF_8));
  }

  private static String body(GatewayResponse response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  @Test
  void v1_accepts_the_shapes_the_event_library_writes() throws Exception {
    GatewayResponse full =
        rest(
            "{\"statusCode\":200,\"headers\":{\"A\":\"1\"},\"multiValueHeaders\":{\"B\":[\"2\",\"3\"]},"
                + "\"body\":\"hello\",\"isBase64Encoded\":false}");
    GatewayResponse headersOnly = rest("{\"statusCode\":204,\"headers\":{\"A\":\"1\"}}");
    GatewayResponse nulls =
        rest("{\"statusCode\":200,\"headers\":null,\"multiValueHeaders\":null,\"body\":null}");

    assertEquals(200, full.status());
    assertEquals("hello", body(full));
    assertEquals(
        List.of(
            Map.entry("B", "2"),
            Map.entry("B", "3"),
            Map.entry("A", "1"),
            Map.entry("Content-Type", "application/json")),
        full.headers());
    assertEquals(204, headersOnly.status());
    assertEquals("", body(headersOnly));
    assertEquals(200, nulls.status());
  }

  @Test
  void v1_rejects_what_api_gateway_rejects() {
    for (String output :
        List.of(
            "{\"foo\":\"bar\"}",
            "{\"statusCode\":\"abc\"}",
            "{\"statusCode\":99}",
            "42",
            "{\"statusCode\":200,\"body\":{}}",
            "{\"statusCode\":200,\"isBase64Encoded\":1}",
            "\"text\"",
            "[]",
            "x",
            "{\"statusCode\":200,\"headers\":{\"A\\nB\":\"1\"}}",
            "{\"statusCode\":200,\"multiValueHeaders\":{\"A\":\"1\"}}")) {
      assertThrows(ResponseMapper.Malformed.class, () -> rest(output), output);
    }
  }

  @Test
  void rest_defaults_a_missing_status_to_200_and_reads_jacksons_base64Encoded_first()
      throws Exception {
    GatewayResponse noStatus = rest("{\"body\":\"x\"}");
    String both =
        "{\"statusCode\":200,\"base64Encoded\":false,\"isBase64Encoded\":true,\"body\":\"aGk=\"}";

    assertEquals(200, noStatus.status());
    assertEquals("x", body(noStatus));
    assertEquals(
        "aGk=",
        body(rest(both, List.of("*/*"), null)),
        "base64Encoded is read first, as SAM CLI reads it");
    assertThrows(
        ResponseMapper.Malformed.class,
        () ->
            ResponseMapper.v1(
                "{\"body\":\"x\"}".getBytes(StandardCharsets.UTF_8), ApiKind.HTTP, List.of(), null),
        "an HTTP API at 1.0 needs statusCode");
  }

  @Test
  void v1_keeps_an_explicit_content_type_and_an_identical_pair_once() throws Exception {
    GatewayResponse response =
        rest(
            "{\"statusCode\":200,\"headers\":{\"content-type\":\"text/html\",\"X\":\"a\"},"
                + "\"multiValueHeaders\":{\"X\":[\"a\"]}}");

    assertEquals(
        List.of(Map.entry("X", "a"), Map.entry("content-type", "text/html")), response.headers());
  }

  @Test
  void rest_decodes_base64_only_when_the_client_accepts_a_binary_media_type() throws Exception {
    String output =
        "{\"statusCode\":200,\"headers\":{\"Content-Type\":\"image/gif\"},\"isBase64Encoded\":true,\"body\":\"R0lG\"}";

    assertArrayEquals(
        new byte[] {'G', 'I', 'F'}, rest(output, List.of("image/gif"), "image/gif").body());
    assertArrayEquals(
        new byte[] {'G', 'I', 'F'}, rest(output, List.of("image/*"), "image/gif").body());
    assertEquals("R0lG", body(rest(output, List.of("image/gif"), "text/html")));
    assertEquals("R0lG", body(rest(output, List.of("image/gif"), null)));
    assertArrayEquals(new byte[] {'G', 'I', 'F'}, rest(output, List.of("*/*"), null).body());
  }

  @Test
  void http_api_at_1_0_ignores_unknown_keys_and_always_decodes() throws Exception {
    GatewayResponse response =
        ResponseMapper.v1(
            "{\"statusCode\":200,\"extra\":1,\"isBase64Encoded\":true,\"body\":\"aGk=\"}"
                .getBytes(StandardCharsets.UTF_8),
            ApiKind.HTTP,
            List.of(),
            null);

    assertEquals("hi", body(response));
  }

  @Test
  void v2_structured_response_uses_headers_cookies_and_ignores_the_rest() throws Exception {
    GatewayResponse response =
        v2(
            "{\"statusCode\":201,\"headers\":{\"A\":\"1\"},\"multiValueHeaders\":{\"B\":[\"2\"]},"
                + "\"cookies\":[\"k=v\"],\"body\":\"made\",\"unknown\":true}");

    assertEquals(201, response.status());
    assertEquals(
        List.of(
            Map.entry("A", "1"),
            Map.entry("Set-Cookie", "k=v"),
            Map.entry("Content-Type", "application/json")),
        response.headers());
    assertEquals("made", body(response));
    assertThrows(
        ResponseMapper.Malformed.class,
        () -> v2("{\"statusCode\":0,\"isBase64Encoded\":false}"),
        "a new APIGatewayV2HTTPResponse() without a status is not a valid response");
  }

  @Test
  void v2_output_without_status_code_is_the_body_itself() throws Exception {
    assertEquals("{\"message\":\"hi\"}", body(v2("{\"message\":\"hi\"}")));
    assertEquals("plain", body(v2("\"plain\"")));
    assertEquals("42", body(v2("42")));
    assertEquals(200, v2("null").status());
    assertThrows(ResponseMapper.Malformed.class, () -> v2("not json"));
  }
}
