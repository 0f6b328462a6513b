package io.localsam.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.localsam.reliability.RawHttp.Answer;
import io.localsam.testsupport.TestApi;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A function answering something API Gateway cannot send (not JSON, wrong types, line breaks or
 * control characters in headers, too large) gets API Gateway's answer: exactly 502 {"message":
 * "Internal server error"} on REST, 500 {"message":"Internal Server Error"} on HTTP APIs, with the
 * reason logged. The responses are read off a raw socket, so nothing a client library tolerates or
 * repairs is hidden. (GatewayTest covers unknown keys, a number body, a list, text and CR/LF in a
 * value; UnsettledOutputsTest a missing statusCode, which REST answers with 200.)
 */
class BadFunctionOutputTest {
  static final String REST_ERROR = "{\"message\": \"Internal server error\"}";
  static final String HTTP_ERROR = "{\"message\":\"Internal Server Error\"}";

  @RegisterExtension
  static final TestApi api =
      TestApi.forClass(
          """
      Globals:
        Function: {Runtime: java17, CodeUri: ${CODE}, Timeout: 10}
      Resources:
        Reply:
          Type: AWS::Serverless::Function
          Properties:
            Handler: fixtures.Reply::handle
            Events:
              Rest: {Type: Api, Properties: {Path: /reply, Method: post}}
              Http: {Type: HttpApi, Properties: {Path: /http/reply, Method: post}}
        Huge:
          Type: AWS::Serverless::Function
          Properties:
            Handler: fixtures.Misbehaving
            Events:
              Http: {Type: HttpApi, Properties: {Path: /http/huge, Method: post}}
      """);

  /**
   * The function answers {@code output} (sent as the request body, which Reply returns as its raw
   * output).
   */
  static Answer reply(String route, String output) {
    byte[] body = output.getBytes(StandardCharsets.UTF_8);
    String head =
        "POST "
            + route
            + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: "
            + body.length
            + "\r\n\r\n";
    byte[] request = new byte[head.length() + body.length];
    System.arraycopy(head.getBytes(StandardCharsets.ISO_8859_1), 0, request, 0, head.length());
    System.arraycopy(body, 0, request, head.length(), body.length);
    return RawHttp.exchange(api.emulator().port(), request);
  }

  /** REST answers 502, HTTP APIs 500, each with its exact body, and the reason is logged. */
  static void assertRejected(String output, String reason) {
    Answer rest = reply("/reply", output);
    Answer http = reply("/http/reply", output);

    assertNotNull(rest, "REST answers " + output);
    assertEquals(502, rest.status(), output + " -> " + rest);
    assertEquals(REST_ERROR, rest.body());
    assertEquals("application/json", rest.header("Content-Type"));
    assertNotNull(http, "HTTP API answers " + output);
    assertEquals(500, http.status(), output + " -> " + http);
    assertEquals(HTTP_ERROR, http.body());
    assertTrue(
        api.logged("Reply returned a response API Gateway would reject (" + reason),
        reason + " in " + api.logs());
  }

  @Test
  void output_that_is_not_json_is_rejected_with_the_reason_logged() {
    for (String output :
        List.of(
            "{\"statusCode\":200",
            "{\"statusCode\":200,\"body\":NaN}",
            "{'statusCode':200}",
            "{\"statusCode\":200,}",
            "\u00ff\u00fe")) {
      assertRejected(output, "the output is not JSON");
    }
  }

  @Test
  void a_status_code_of_the_wrong_type_or_range_is_rejected() {
    for (String status :
        List.of(
            "true",
            "{\"code\":200}",
            "[200]",
            "200.5",
            "2e2",
            "\"abc\"",
            "\"\"",
            "-1",
            "99",
            "600",
            "70000")) {
      String output = "{\"statusCode\":" + status + ",\"body\":\"x\"}";
      Answer rest = reply("/reply", output);
      Answer http = reply("/http/reply", output);

      assertEquals(502, rest.status(), output + " -> " + rest);
      assertEquals(REST_ERROR, rest.body());
      assertEquals(500, http.status(), output + " -> " + http);
      assertEquals(HTTP_ERROR, http.body());
    }
    assertTrue(api.logged("statusCode must be a number"));
    assertTrue(api.logged("is not an HTTP status"));
  }

  @Test
  void headers_of_the_wrong_shape_are_rejected_on_rest() {
    for (String output :
        List.of(
            "{\"statusCode\":200,\"headers\":[\"X: 1\"]}",
            "{\"statusCode\":200,\"headers\":\"X: 1\"}",
            "{\"statusCode\":200,\"multiValueHeaders\":{\"X\":\"not a list\"}}",
            "{\"statusCode\":200,\"multiValueHeaders\":[[\"X\",\"1\"]]}",
            "{\"statusCode\":200,\"isBase64Encoded\":1}",
            "{\"statusCode\":200,\"isBase64Encoded\":\"yes\"}",
            "{\"statusCode\":200,\"body\":{\"an\":\"object\"}}",
            "{\"statusCode\":200,\"body\":[\"a\",\"list\"]}")) {
      Answer rest = reply("/reply", output);

      assertEquals(502, rest.status(), output + " -> " + rest);
      assertEquals(REST_ERROR, rest.body());
    }
  }

  @Test
  void line_breaks_in_header_names_or_values_are_never_written_through() {
    assertRejected(
        "{\"statusCode\":200,\"headers\":{\"X-A\\r\\nInjected\":\"1\"},\"body\":\"x\"}", "header");
    assertRejected(
        "{\"statusCode\":200,\"headers\":{\"X-A\":\"a\\nInjected: 1\"},\"body\":\"x\"}", "header");
    assertRejected("{\"statusCode\":200,\"headers\":{\"X-A\":\"a\\rb\"},\"body\":\"x\"}", "header");
    assertRejected("{\"statusCode\":200,\"headers\":{\"\":\"no name\"},\"body\":\"x\"}", "header");
    Answer cookie =
        reply(
            "/http/reply",
            "{\"statusCode\":200,\"cookies\":[\"a=1\\r\\nInjected: 1\"],\"body\":\"x\"}");
    assertEquals(
        500,
        cookie.status(),
        "a cookie is a Set-Cookie header on HTTP APIs (REST ignores cookies): " + cookie);
    Answer rest =
        reply(
            "/reply",
            "{\"statusCode\":200,\"multiValueHeaders\":{\"X-M\":[\"ok\",\"a\\r\\nInjected: 1\"]}}");
    assertEquals(502, rest.status(), rest.toString());
  }

  @Test
  void characters_beyond_latin_1_in_a_header_value_cannot_smuggle_a_line_break() {
    // U+010D and U+010A end in the bytes of CR and LF: a writer that kept only the low byte would
    // split the response
    Answer rest =
        reply(
            "/reply",
            "{\"statusCode\":200,\"headers\":{\"X-A\":\"a\\u010d\\u010aInjected: 1\"},\"body\":\"x\"}");

    assertNotNull(rest);
    assertTrue(rest.status() == 200 || rest.status() == 502, rest.toString());
    assertEquals(null, rest.header("Injected"), "no header line of the function's making: " + rest);
  }

  @Test
  void a_response_over_six_megabytes_is_a_function_error_on_http_apis_too() {
    Answer http =
        RawHttp.exchange(
            api.emulator().port(),
            "POST /http/huge?do=huge HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");

    assertEquals(500, http.status());
    assertEquals(HTTP_ERROR, http.body());
    assertTrue(api.logged("Huge failed: Function.ResponseSizeTooLarge"), api.logs().toString());
  }

  @Test
  void a_base64_body_that_is_not_base64_is_rejected_on_http_apis() {
    Answer http =
        reply(
            "/http/reply",
            "{\"statusCode\":200,\"isBase64Encoded\":true,\"body\":\"***not base64***\"}");

    assertEquals(500, http.status(), http.toString());
    assertEquals(HTTP_ERROR, http.body());
    assertTrue(api.logged("isBase64Encoded is true but the body is not base64"));
  }

  @Test
  void a_large_but_valid_header_and_many_headers_are_sent_whole() {
    String big = "b".repeat(20_000);
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      many.append(i == 0 ? "" : ",")
          .append("\"X-H")
          .append(i)
          .append("\":\"")
          .append(i)
          .append('"');
    }

    Answer large =
        reply(
            "/reply",
            "{\"statusCode\":200,\"headers\":{\"X-Big\":\"" + big + "\"},\"body\":\"ok\"}");
    Answer count =
        reply("/reply", "{\"statusCode\":200,\"headers\":{" + many + "},\"body\":\"ok\"}");

    assertEquals(big, large.header("X-Big"));
    assertEquals("ok", large.body());
    assertEquals("199", count.header("X-H199"));
  }

  // ---- engine bugs these tests found; see the README's Reliability section

  @Test
  void output_with_trailing_data_after_the_json_is_rejected() {
    assertRejected("{\"statusCode\":200,\"body\":\"x\"} trailing", "the output is not JSON");
    assertRejected(
        "{\"statusCode\":200,\"body\":\"x\"}{\"statusCode\":500}", "the output is not JSON");
  }

  @Test
  void header_names_that_are_not_http_tokens_are_rejected() {
    assertRejected("{\"statusCode\":200,\"headers\":{\"X Y\":\"1\"},\"body\":\"x\"}", "header");
    assertRejected("{\"statusCode\":200,\"headers\":{\"X:Y\":\"1\"},\"body\":\"x\"}", "header");
    assertRejected("{\"statusCode\":200,\"headers\":{\"X(Y)\":\"1\"},\"body\":\"x\"}", "header");
  }

  @Test
  void a_header_name_beyond_latin_1_is_rejected_not_left_unanswered() {
    assertRejected(
        "{\"statusCode\":200,\"headers\":{\"X-\\u010d\\u010aInjected\":\"1\"},\"body\":\"x\"}",
        "header");
  }

  @Test
  void control_characters_in_header_values_are_rejected() {
    assertRejected(
        "{\"statusCode\":200,\"headers\":{\"X-A\":\"a\\u0000b\"},\"body\":\"x\"}", "header");
    assertRejected(
        "{\"statusCode\":200,\"headers\":{\"X-A\":\"a\\u0007b\"},\"body\":\"x\"}", "header");
  }

  @Test
  void a_content_length_header_from_the_function_does_not_cut_the_body() {
    Answer rest =
        reply(
            "/reply",
            "{\"statusCode\":200,\"headers\":{\"Content-Length\":\"1\"},\"body\":\"xyz\"}");

    assertEquals(200, rest.status());
    assertEquals("xyz", rest.body());
  }

  @Test
  void a_status_code_beyond_the_int_range_is_rejected() {
    assertRejected("{\"statusCode\":4294967496,\"body\":\"x\"}", "statusCode");
  }

  @Test
  void an_informational_status_code_is_rejected() {
    assertRejected("{\"statusCode\":100,\"body\":\"x\"}", "statusCode");
    assertRejected("{\"statusCode\":101,\"body\":\"x\"}", "statusCode");
  }
}
