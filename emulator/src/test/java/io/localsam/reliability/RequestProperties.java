package io.localsam.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.localsam.reliability.RawHttp.Answer;
import io.localsam.testsupport.TestApi;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Generated requests against a function that echoes its event: whatever the method, path, query,
 * headers and body, the request is never answered with a server error of the emulator's making, and
 * the event carries what was sent, decoded as API Gateway decodes it (path and query
 * percent-decoded, "+" kept in paths; REST: last value per name plus every value in order; HTTP
 * APIs: lower-case header names and repeated values comma-joined).
 */
class RequestProperties {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Kept as written in a path: RFC 3986 unreserved characters and the sub-delimiters that need no
   * escaping.
   */
  private static final String PATH_SAFE =
      "-._~!$&'()*+,=:@"; // ";" is encoded: see BadHttpInputTest

  private static final char[] TEXT =
      ("abcXYZ019 -._~!$&'()*+,;=:@/?#[]%\"<>\\^`{|}\u00e9\u00df\u4e2d\u00a0").toCharArray();

  static Path folder;
  static TestApi api;

  @BeforeContainer
  static void start() throws IOException {
    folder = Files.createTempDirectory("request-properties");
    api =
        TestApi.start(
            folder,
            """
        Resources:
          Echo:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: ${CODE}
              Handler: fixtures.EchoEvent
              Runtime: java17
              Events:
                Rest: {Type: Api, Properties: {Path: "/rest/{proxy+}", Method: any}}
                Http: {Type: HttpApi, Properties: {Path: "/http/{proxy+}", Method: any}}
        """);
  }

  @AfterContainer
  static void stop() throws IOException {
    api.close();
    try (var files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
    }
  }

  /** One generated request: the values as meant, before they are encoded onto the wire. */
  record Request(
      String api,
      String method,
      List<String> segments,
      List<Map.Entry<String, String>> query,
      List<Map.Entry<String, String>> headers,
      String body) {

    String target() {
      StringBuilder target = new StringBuilder("/").append(api);
      for (String segment : segments) {
        target.append('/').append(encode(segment, PATH_SAFE));
      }
      for (int i = 0; i < query.size(); i++) {
        target.append(i == 0 ? '?' : '&').append(encode(query.get(i).getKey(), "-._~"));
        if (query.get(i).getValue() != null) {
          target.append('=').append(encode(query.get(i).getValue(), "-._~"));
        }
      }
      return target.toString();
    }

    byte[] wire() {
      StringBuilder head =
          new StringBuilder(method)
              .append(' ')
              .append(target())
              .append(" HTTP/1.1\r\nHost: localhost\r\n");
      for (Map.Entry<String, String> header : headers) {
        head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
      }
      byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
      if (body != null) {
        head.append("Content-Type: text/plain; charset=utf-8\r\nContent-Length: ")
            .append(bytes.length)
            .append("\r\n");
      }
      head.append("Connection: close\r\n\r\n");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.writeBytes(bytes);
      return out.toByteArray();
    }

    String proxy() {
      return String.join("/", segments);
    }

    /** Names in order of first appearance, with every value in order ({@code ?k} counts as ""). */
    Map<String, List<String>> queryValues() {
      Map<String, List<String>> values = new LinkedHashMap<>();
      query.forEach(
          p ->
              values
                  .computeIfAbsent(p.getKey(), k -> new ArrayList<>())
                  .add(p.getValue() == null ? "" : p.getValue()));
      return values;
    }

    Map<String, List<String>> headerValues() {
      Map<String, List<String>> values = new LinkedHashMap<>();
      headers.forEach(
          h -> values.computeIfAbsent(h.getKey(), k -> new ArrayList<>()).add(h.getValue()));
      return values;
    }
  }

  static String encode(String text, String safe) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || safe.indexOf(c) >= 0) {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
  }

  @Provide
  Arbitrary<Request> requests() {
    Arbitrary<String> text =
        Arbitraries.of(TEXT)
            .list()
            .ofMinSize(1)
            .ofMaxSize(8)
            .map(chars -> chars.stream().map(String::valueOf).reduce("", String::concat));
    Arbitrary<String> segment =
        text.filter(s -> !s.equals(".") && !s.equals("..") && !s.contains("/"));
    Arbitrary<Map.Entry<String, String>> parameter =
        Combinators.combine(
                Arbitraries.of("q", "page", "a b", "na=me", "&x", "\u00e9t\u00e9"),
                text.injectNull(0.15))
            .as(AbstractMap.SimpleImmutableEntry::new);
    Arbitrary<String> headerValue =
        Arbitraries.strings()
            .withCharRange('!', '~')
            .withChars(' ')
            .ofMinLength(1)
            .ofMaxLength(24)
            .map(String::strip)
            .filter(
                v ->
                    !v.isEmpty()
                        && !v.contains("  ")); // Undertow folds runs of spaces, as RFC 2616 allows
    Arbitrary<Map.Entry<String, String>> header =
        Combinators.combine(
                Arbitraries.of("X-Alpha", "X-Beta", "x-lower", "X-Dup-Name", "Accept-Language"),
                headerValue)
            .as(AbstractMap.SimpleImmutableEntry::new);
    Arbitrary<String> body =
        Arbitraries.strings()
            .withCharRange(' ', '~')
            .withCharRange('\u00a0', '\u02ff')
            .withCharRange('\u4e00', '\u4e20')
            .withChars('\n', '\t', '\r')
            .ofMaxLength(300);
    Arbitrary<String> method = Arbitraries.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");
    return Combinators.combine(
            Arbitraries.of("rest", "http"),
            method,
            segment.list().ofMinSize(1).ofMaxSize(4),
            parameter.list().ofMaxSize(4),
            header.list().ofMaxSize(4),
            body)
        .as(
            (api, verb, segments, query, headers, text2) ->
                new Request(
                    api,
                    verb,
                    segments,
                    query,
                    headers,
                    verb.equals("POST") || verb.equals("PUT") || verb.equals("PATCH")
                        ? text2
                        : null));
  }

  @Property(tries = 150)
  void the_event_carries_the_path_query_headers_and_body_that_were_sent(
      @ForAll("requests") Request request) throws Exception {
    Answer answer = RawHttp.exchange(api.emulator().port(), request.wire());

    assertNotNull(answer, request.target());
    assertEquals(200, answer.status(), request.target() + " -> " + answer);
    JsonNode event = JSON.readTree(answer.body());
    assertEquals(
        request.proxy(),
        event.path("pathParameters").path("proxy").asText(),
        "decoded path parameter");
    if (request.api().equals("rest")) {
      assertRestEvent(request, event);
    } else {
      assertHttpEvent(request, event);
    }
  }

  private static void assertRestEvent(Request request, JsonNode event) {
    assertEquals(request.method(), event.path("httpMethod").asText());
    assertEquals("/rest/" + request.proxy(), event.path("path").asText(), "the decoded path");
    Map<String, List<String>> query = request.queryValues();
    if (query.isEmpty()) {
      assertTrue(event.path("queryStringParameters").isNull(), event.toString());
    }
    query.forEach(
        (name, values) -> {
          assertEquals(
              values.get(values.size() - 1),
              event.path("queryStringParameters").path(name).asText(),
              "last value of " + name);
          assertEquals(
              values,
              strings(event.path("multiValueQueryStringParameters").path(name)),
              "every value of " + name);
        });
    request
        .headerValues()
        .forEach(
            (name, values) -> {
              assertEquals(
                  values.get(values.size() - 1),
                  event.path("headers").path(name).asText(),
                  name + " in " + event.path("headers"));
              assertEquals(values, strings(event.path("multiValueHeaders").path(name)), name);
            });
    assertEquals(
        request.body() == null || request.body().isEmpty() ? null : request.body(),
        event.path("body").isNull() ? null : event.path("body").asText());
    assertFalse(event.path("isBase64Encoded").asBoolean());
  }

  private static void assertHttpEvent(Request request, JsonNode event) {
    assertEquals(
        request.method(), event.path("requestContext").path("http").path("method").asText());
    request
        .queryValues()
        .forEach(
            (name, values) ->
                assertEquals(
                    String.join(",", values),
                    event.path("queryStringParameters").path(name).asText(),
                    "values of " + name));
    if (request.query().isEmpty()) {
      assertTrue(event.path("queryStringParameters").isMissingNode(), event.toString());
    }
    request
        .headerValues()
        .forEach(
            (name, values) ->
                assertEquals(
                    String.join(",", values),
                    event.path("headers").path(name.toLowerCase(Locale.ROOT)).asText(),
                    name));
    assertEquals(
        request.body() == null || request.body().isEmpty() ? "" : request.body(),
        event.path("body").asText(""));
    assertFalse(event.path("isBase64Encoded").asBoolean());
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }

  /**
   * A request line and headers built from hostile pieces, framed correctly so it always deserves an
   * answer.
   */
  @Provide
  Arbitrary<String> hostileRequests() {
    Arbitrary<String> method =
        Arbitraries.oneOf(
            Arbitraries.of("GET", "POST", "HEAD", "DELETE", "TRACE", "PROPFIND", "OPTIONS"),
            Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(12));
    Arbitrary<String> piece =
        Arbitraries.oneOf(
            Arbitraries.of(
                "..",
                ".",
                "%2e%2e",
                "%2f",
                "%2F",
                "%00",
                "%25",
                "%c3",
                "%ff",
                "%u0041",
                "+",
                ";x=1",
                "//",
                "~",
                "%20",
                "a",
                "rest",
                "http",
                "{proxy+}",
                "%7Bproxy%2B%7D",
                "*",
                "$default"),
            Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(6));
    Arbitrary<String> path =
        piece.list().ofMinSize(0).ofMaxSize(6).map(parts -> "/" + String.join("/", parts));
    Arbitrary<String> prefix = Arbitraries.of("", "/rest", "/http", "/REST");
    Arbitrary<String> query =
        Arbitraries.oneOf(
            Arbitraries.just(""),
            piece.list().ofMinSize(1).ofMaxSize(4).map(parts -> "?" + String.join("&", parts)),
            Arbitraries.of("?a=1&a=2", "?=", "?&&", "?a==b", "?%zz", "?a=%"));
    Arbitrary<String> headerValue =
        Arbitraries.strings()
            .withCharRange(' ', '~')
            .withCharRange('\u0080', '\u00ff')
            .ofMaxLength(40);
    Arbitrary<String> headers =
        Combinators.combine(
                Arbitraries.of(
                    "X-Any",
                    "Accept",
                    "Content-Type",
                    "Cookie",
                    "Authorization",
                    "X-Forwarded-For",
                    "Origin",
                    "Accept-Encoding"),
                headerValue)
            .as((name, value) -> name + ": " + value + "\r\n")
            .list()
            .ofMaxSize(5)
            .map(list -> String.join("", list));
    Arbitrary<String> body = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(100);
    return Combinators.combine(method, prefix, path, query, headers, body)
        .as(
            (verb, start, rest, q, lines, text) ->
                verb
                    + " "
                    + start
                    + rest
                    + q
                    + " HTTP/1.1\r\nHost: localhost\r\n"
                    + lines
                    + "Content-Length: "
                    + text.length()
                    + "\r\nConnection: close\r\n\r\n"
                    + text);
  }

  @Property(tries = 200)
  void no_request_gets_a_server_error_or_a_stack_trace_from_the_emulator(
      @ForAll("hostileRequests") String request) {
    // Every route leads to EchoEvent, which always answers 200: any 5xx here would be the
    // emulator's own.
    Answer answer = RawHttp.exchange(api.emulator().port(), request);

    String shown = request.replace("\r\n", "\\r\\n");
    assertNotNull(answer, "an answer to " + shown);
    assertTrue(answer.status() < 500, shown + " -> " + answer);
    assertFalse(
        answer.body().contains("\tat ") || answer.body().contains("Exception"),
        shown + " -> " + answer);
  }
}
