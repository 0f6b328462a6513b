package io.localsam.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.localsam.reliability.RawHttp.Answer;
import io.localsam.testsupport.TestLambda;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * start-lambda's Invoke API server has the gateway's protections: a client stalled inside its
 * headers is disconnected, a huge header is refused, and {@code Expect: 100-continue} is answered,
 * or refused at once for a payload declared over Lambda's 6 MB.
 */
class InvokeApiServerLimitsTest {
  private static final String INVOKE =
      "POST /2015-03-31/functions/Chatty/invocations HTTP/1.1\r\nHost: x\r\n";

  @TempDir static Path folder;

  static final List<String> invoked = Collections.synchronizedList(new ArrayList<>());
  static TestLambda lambda;

  @BeforeAll
  static void start() {
    lambda =
        TestLambda.start(
            folder,
            """
        Resources:
          Chatty:
            Type: AWS::Serverless::Function
            Properties: {Handler: fixtures.Chatty, Runtime: java17, CodeUri: ${CODE}, Timeout: 5}
        """,
            (id, event, result) -> invoked.add(new String(event, StandardCharsets.UTF_8)));
  }

  @AfterAll
  static void stop() {
    lambda.close();
  }

  private static void assertStillServing() {
    Answer answer =
        RawHttp.exchange(
            lambda.port(), INVOKE + "Content-Length: 2\r\nConnection: close\r\n\r\n{}");
    assertNotNull(answer, "a normal invocation is answered");
    assertEquals(200, answer.status(), answer.toString());
  }

  @Test
  void a_client_that_stalls_inside_its_headers_is_disconnected_by_the_server() {
    try (RawHttp stalled = RawHttp.connect(lambda.port())) {
      stalled.send(INVOKE + "X-Never-Finished: ");

      // the request-parse timeout (10 s) closes it; wait up to three times that
      assertTrue(
          stalled.closedByServer(Duration.ofSeconds(30)),
          "a half-sent request does not hold its connection for ever");
    }
    assertStillServing();
  }

  @Test
  void a_900_kilobyte_header_is_refused_and_the_connection_closed() {
    String marker = "huge-header-" + System.nanoTime();
    try (RawHttp http = RawHttp.connect(lambda.port())) {
      boolean sent =
          http.trySend(
              (INVOKE
                      + "X-Big: "
                      + "b".repeat(900 * 1024)
                      + "\r\nContent-Length: "
                      + (marker.length() + 2)
                      + "\r\n\r\n\""
                      + marker
                      + "\"")
                  .getBytes(StandardCharsets.ISO_8859_1));

      Answer answer =
          http.read(); // null when the refusal was lost to a reset: the server closed with bytes
      // unread
      if (answer != null) {
        assertEquals(400, answer.status(), answer.toString());
      }
      assertTrue(
          !sent
              || answer == null
              || answer.closing()
              || http.closedByServer(Duration.ofSeconds(5)));
    }
    assertStillServing();
    assertFalse(
        invoked.stream().anyMatch(event -> event.contains(marker)), "the function never ran");
  }

  @Test
  void expect_100_continue_is_answered_before_the_payload_is_sent() {
    try (RawHttp http = RawHttp.connect(lambda.port())) {
      http.send(INVOKE + "Content-Length: 7\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n");

      Answer proceed = http.read();
      assertNotNull(proceed, "an interim answer");
      assertEquals("HTTP/1.1 100 Continue", proceed.statusLine());

      http.send("{\"a\":1}");
      Answer answer = http.read();
      assertNotNull(answer);
      assertEquals(200, answer.status(), answer.toString());
      assertTrue(answer.body().contains("\"a\":1"), answer.body());
    }
  }

  @Test
  void a_payload_declared_over_six_megabytes_with_expect_100_continue_is_refused_without_a_100() {
    try (RawHttp http = RawHttp.connect(lambda.port())) {
      http.send(INVOKE + "Content-Length: 7000000\r\nExpect: 100-continue\r\n\r\n");

      Answer answer = http.read();

      assertNotNull(answer);
      assertEquals(413, answer.status(), "the refusal comes first, no 100: " + answer);
      assertEquals("RequestEntityTooLargeException", answer.header("x-amzn-ErrorType"));
      assertTrue(
          answer.closing() || http.closedByServer(Duration.ofSeconds(5)),
          "the payload that was never sent is not awaited");
    }
    assertStillServing();
  }
}
