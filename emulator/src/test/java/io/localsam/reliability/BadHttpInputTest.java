package io.localsam.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.localsam.reliability.RawHttp.Answer;
import io.localsam.testsupport.TestApi;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Requests no well-behaved client sends, written byte for byte on a socket: each gets a clear 4xx
 * (the connection closed where the stream can no longer be trusted), never a 5xx from the emulator
 * and never a stack trace, and the server goes on serving.
 */
class BadHttpInputTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension static final TestApi api = EchoApi.forClass();

  /** A 4xx with no stack trace, after which the server closes the connection. */
  private static void assertRejectedAndClosed(String request) {
    try (RawHttp http = RawHttp.connect(api.port())) {
      http.trySend(request.getBytes(StandardCharsets.ISO_8859_1));
      Answer answer = http.read();
      String shown = shorten(request);
      assertNotNull(answer, "no answer at all to " + shown);
      assertClientError(answer, shown);
      assertTrue(
          answer.closing() || http.closedByServer(Duration.ofSeconds(5)),
          "the connection is closed after " + shown);
    }
  }

  static void assertClientError(Answer answer, String what) {
    assertTrue(answer.status() >= 400 && answer.status() < 500, what + " -> " + answer);
    assertFalse(
        answer.body().contains("\tat ") || answer.body().contains("Exception"),
        "no stack trace: " + answer);
  }

  private static String shorten(String request) {
    String shown =
        request.length() > 120
            ? request.substring(0, 120) + "...(" + request.length() + " chars)"
            : request;
    return shown.replace("\r", "\\r").replace("\n", "\\n");
  }

  private static void assertStillServing() {
    Answer answer =
        RawHttp.exchange(
            api.port(), "GET /echo HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    assertNotNull(answer, "a normal request is answered");
    assertEquals(200, answer.status(), answer.toString());
  }

  @Test
  void garbage_request_lines_get_400_and_the_connection_closed() {
    for (String request :
        List.of(
            "GARBAGE\r\n\r\n",
            "GET\r\n\r\n",
            "G@T /echo HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET * HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET echo HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /echo/\u00e9t\u00e9 HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /echo HTTP/1.1 extra\r\nHost: x\r\n\r\n",
            "\0\0\0\0\0\0\r\n\r\n",
            "GET /echo HTTP/1.1\r\n\r\n")) { // HTTP/1.1 without Host
      assertRejectedAndClosed(request);
    }
    assertStillServing();
  }

  @Test
  void http_0_9_style_request_lines_get_400() {
    assertRejectedAndClosed("GET /echo\r\n\r\n");
    assertRejectedAndClosed("GET /echo\r\n");
    assertStillServing();
  }

  @Test
  @Disabled(
      "limitation (Undertow): an unknown HTTP version (HTTP/9.9, HTTP/2.0 in plain text) is parsed as HTTP/1.1"
          + " and served with 200, before any handler sees it; expected 400 and close (see the README's Reliability section)")
  void an_unknown_http_version_gets_400() {
    assertRejectedAndClosed("GET /echo HTTP/9.9\r\nHost: x\r\n\r\n");
    assertRejectedAndClosed("GET /echo HTTP/2.0\r\nHost: x\r\n\r\n");
  }

  @Test
  void bad_header_syntax_gets_400_and_the_connection_closed() {
    for (String header :
        List.of(
            "No colon here",
            "Space In Name: x",
            ": no name",
            "X-Bare-CR: a\rb",
            " X-Folded: continuation of the previous line",
            "X-Nul: a\0b",
            "X\u0001Ctl: x")) {
      assertRejectedAndClosed("GET /echo HTTP/1.1\r\nHost: x\r\n" + header + "\r\n\r\n");
    }
    assertStillServing();
  }

  @Test
  void contradictory_body_framing_gets_400_and_the_connection_closed() {
    assertRejectedAndClosed("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n");
    assertRejectedAndClosed("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n");
    assertRejectedAndClosed(
        "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 5\r\n\r\nabc");
    assertRejectedAndClosed(
        "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n");
    assertStillServing();
  }

  @Test
  void a_transfer_encoding_other_than_chunked_gets_400_and_the_connection_closed() {
    assertRejectedAndClosed("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\nabc");
    assertRejectedAndClosed(
        "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, identity\r\n\r\nabc");
  }

  @Test
  @Disabled(
      "limitation (Undertow): an invalid chunk size makes Undertow's chunk reader close the connection itself"
          + " (UT000042) before the gateway can answer 400, and a chunk longer than its declared size is accepted and cut;"
          + " no 5xx and no invocation either way (next test); see the README's Reliability section")
  void invalid_chunked_encoding_gets_400_and_the_connection_closed() {
    assertRejectedAndClosed(
        "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\nabc\r\n0\r\n\r\n");
    assertRejectedAndClosed(
        "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcdef\r\n0\r\n\r\n");
  }

  @Test
  void a_broken_chunked_body_never_reaches_the_function_and_the_server_goes_on() {
    api.emulator().resetJournal();
    try (RawHttp http = RawHttp.connect(api.port())) {
      http.send(
          "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\nabc\r\n0\r\n\r\n");
      Answer answer = http.read();
      if (answer != null) {
        assertClientError(answer, "an invalid chunk size");
      }
    }

    assertStillServing();
    assertTrue(
        api.emulator().invocations().stream()
            .noneMatch(i -> i.event().contains("\"httpMethod\":\"POST\"")),
        "the function never ran with a broken body");
  }

  @Test
  void headers_over_64_kilobytes_get_a_4xx_and_the_connection_closed() {
    assertRejectedAndClosed(
        "GET /echo HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(70_000) + "\r\n\r\n");
    assertRejectedAndClosed(
        "GET /echo HTTP/1.1\r\nHost: x\r\n"
            + "X-Many: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n".repeat(2000)
            + "\r\n");
    assertRejectedAndClosed("GET /echo?" + "q".repeat(70_000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
    assertStillServing();
  }

  @Test
  void headers_under_api_gateways_10240_bytes_reach_the_function() throws Exception {
    String value = "v".repeat(10_000); // ServerLimitsTest tries the exact limit

    Answer answer =
        RawHttp.exchange(
            api.port(),
            "GET /echo HTTP/1.1\r\nHost: x\r\nX-Large: " + value + "\r\nConnection: close\r\n\r\n");

    assertEquals(value, EchoApi.event(answer).path("headers").path("X-Large").asText());
  }

  @Test
  void a_declared_body_over_ten_megabytes_is_refused_with_413_before_it_is_sent() {
    try (RawHttp http = RawHttp.connect(api.port())) {
      http.send(
          "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 20000000\r\n\r\nonly the first bytes");
      Answer answer = http.read();

      assertNotNull(answer);
      assertEquals(413, answer.status());
      assertEquals("{\"message\":\"Request Too Long\"}", answer.body());
      assertTrue(
          answer.closing() || http.closedByServer(Duration.ofSeconds(5)),
          "the rest of the body is not read");
    }
    assertStillServing();
  }

  /** Streams 1 MB chunks until the server answers or 12 MB are sent, reading all the while. */
  private static Answer sendTwelveMegabytesChunked() throws Exception {
    byte[] chunk =
        ("100000\r\n" + "c".repeat(0x100000) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    try (RawHttp http = RawHttp.connect(api.port())) {
      // read while writing: the server may answer as soon as the limit is passed
      CompletableFuture<Answer> answer = CompletableFuture.supplyAsync(http::read);
      http.send(
          "POST /h/big HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n");
      for (int i = 0; i < 12 && !answer.isDone() && http.trySend(chunk); i++) {
        // the server may refuse and close before all twelve are written
      }
      http.trySend("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      return answer.get(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void a_chunked_body_growing_past_ten_megabytes_never_reaches_the_function() throws Exception {
    api.emulator().resetJournal();

    Answer answer = sendTwelveMegabytesChunked();

    if (answer != null) {
      assertClientError(answer, "a 12 MB chunked body");
    }
    assertStillServing();
    assertTrue(
        api.emulator().invocations().stream()
            .noneMatch(i -> i.event().contains("\"method\":\"POST\"")));
  }

  @Test
  void a_chunked_body_growing_past_ten_megabytes_is_refused_with_413() throws Exception {
    Answer answer = sendTwelveMegabytesChunked();

    assertNotNull(answer, "a 413, not a reset connection");
    assertEquals(413, answer.status(), answer.toString());
    assertEquals("{\"message\":\"Request Too Long\"}", answer.body());
  }

  @Test
  void an_invalid_utf8_body_reaches_the_function_without_a_server_error() throws Exception {
    byte[] invalid = {'o', 'k', (byte) 0xc3, (byte) 0x28, (byte) 0xff, (byte) 0xfe, 'e', 'n', 'd'};

    JsonNode http =
        EchoApi.event(RawHttp.exchange(api.port(), request("POST /h/bytes", "", invalid)));
    JsonNode httpJson =
        EchoApi.event(
            RawHttp.exchange(
                api.port(),
                request("POST /h/bytes", "Content-Type: application/json\r\n", invalid)));
    JsonNode rest =
        EchoApi.event(
            RawHttp.exchange(
                api.port(), request("POST /echo", "Content-Type: text/plain\r\n", invalid)));

    assertTrue(
        http.path("isBase64Encoded").asBoolean(),
        "without a Content-Type, bytes that are not UTF-8 travel as base64");
    assertArrayEquals(
        invalid, Base64.getDecoder().decode(http.path("body").asText()), "nothing is lost");
    assertTrue(
        httpJson.path("body").asText().startsWith("ok")
            && httpJson.path("body").asText().endsWith("end"),
        httpJson.toString());
    assertFalse(rest.path("isBase64Encoded").asBoolean());
    assertTrue(
        rest.path("body").asText().startsWith("ok") && rest.path("body").asText().endsWith("end"),
        rest.toString());
  }

  private static byte[] request(String requestLine, String headers, byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(
        (requestLine
                + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                + headers
                + "Content-Length: "
                + body.length
                + "\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(body);
    return out.toByteArray();
  }

  @Test
  void dot_segments_and_encoded_slashes_are_routed_or_refused_never_a_server_error()
      throws Exception {
    for (String path :
        List.of(
            "/echo/../echo",
            "/echo/a/../b",
            "/../echo",
            "/echo/./x",
            "/echo/%2e%2e/x",
            "/echo/a%2Fb",
            "/echo/%2F%2F",
            "/echo//x",
            "/echo/a%00b",
            "/echo/%c3",
            "/echo/%25",
            "/echo/a%5cb",
            "/echo\\..\\x",
            "//echo",
            "/h/..",
            "/h/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
            "/echo/a;b=c",
            "/echo/%zz")) {
      Answer answer =
          RawHttp.exchange(
              api.port(), "GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
      assertNotNull(answer, path);
      assertTrue(answer.status() < 500, path + " -> " + answer);
      assertFalse(answer.body().contains("\tat "), path + " -> " + answer);
      if (answer.status() == 200 && path.startsWith("/echo/")) {
        assertTrue(
            JSON.readTree(answer.body()).path("path").asText().startsWith("/echo/"),
            path + " -> " + answer.body());
      }
    }

    assertEquals(
        "a/b",
        EchoApi.event(
                RawHttp.exchange(
                    api.port(), "GET /echo/a%2Fb HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
            .path("pathParameters")
            .path("proxy")
            .asText(),
        "an encoded slash stays inside the parameter");
    assertStillServing();
  }

  @Test
  void a_semicolon_in_a_path_stays_in_the_path() throws Exception {
    JsonNode event =
        EchoApi.event(
            RawHttp.exchange(
                api.port(), "GET /echo/a;b=c/d HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));

    assertEquals("/echo/a;b=c/d", event.path("path").asText());
    assertEquals("a;b=c/d", event.path("pathParameters").path("proxy").asText());
  }

  @Test
  void unusual_methods_get_api_gateways_own_answer() {
    for (String method : List.of("TRACE", "PROPFIND", "MKCOL", "FOOBAR", "get")) {
      Answer rest =
          RawHttp.exchange(
              api.port(),
              method
                  + " /echo HTTP/1.1\r\nHost: x\r\nX-Secret: s3cr3t\r\nConnection: close\r\n\r\n");
      Answer http =
          RawHttp.exchange(
              api.port(),
              method
                  + " /h/x HTTP/1.1\r\nHost: x\r\nX-Secret: s3cr3t\r\nConnection: close\r\n\r\n");

      assertEquals(403, rest.status(), method + " is not one of ANY's seven methods: " + rest);
      assertEquals("{\"message\":\"Missing Authentication Token\"}", rest.body());
      assertEquals(404, http.status(), method + " " + http);
      assertEquals("{\"message\":\"Not Found\"}", http.body());
      assertFalse(
          rest.body().contains("s3cr3t") || http.body().contains("s3cr3t"),
          "TRACE never reflects the request");
    }
    Answer connect = RawHttp.exchange(api.port(), "CONNECT /echo HTTP/1.1\r\nHost: x\r\n\r\n");
    assertClientError(connect, "CONNECT");
    assertStillServing();
  }

  @Test
  void a_tls_handshake_on_the_plain_port_gets_no_server_error() {
    byte[] clientHello = {
      0x16,
      0x03,
      0x01,
      0x00,
      (byte) 0xa5,
      0x01,
      0x00,
      0x00,
      (byte) 0xa1,
      0x03,
      0x03,
      0x0d,
      0x0a,
      0x0d,
      0x0a
    };
    try (RawHttp http = RawHttp.connect(api.port())) {
      http.send(clientHello);
      Answer answer = http.read();
      if (answer != null) {
        assertClientError(answer, "TLS ClientHello");
      }
    }
    assertStillServing();
  }
}
