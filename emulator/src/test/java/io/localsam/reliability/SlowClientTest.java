package io.localsam.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.localsam.reliability.RawHttp.Answer;
import io.localsam.testsupport.TestApi;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Clients that trickle a request or stop half way hold only their own connection: no worker waits
 * on them, everyone else is served meanwhile, and a body that never completes never reaches a
 * function. "Meanwhile" is made certain by order, not by time: the normal request runs while the
 * slow one is known to be incomplete.
 */
class SlowClientTest {
  @RegisterExtension static final TestApi api = EchoApi.forClass();

  private static void assertServed() {
    Answer answer =
        RawHttp.exchange(
            api.port(), "GET /echo?normal=1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assertNotNull(answer, "a normal request is answered while slow clients hold connections");
    assertEquals(200, answer.status(), answer.toString());
  }

  /** Writes one byte at a time with a short pause between bytes, as a slow link delivers them. */
  private static void trickle(RawHttp http, String text) {
    for (byte b : text.getBytes(StandardCharsets.ISO_8859_1)) {
      http.send(new byte[] {b});
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
    }
  }

  @Test
  void headers_sent_byte_by_byte_hold_no_worker_and_are_answered_when_complete() {
    String request =
        "POST /echo HTTP/1.1\r\nHost: x\r\nX-Slow: one byte at a time\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello";
    int half = request.indexOf("Content-Length");
    try (RawHttp slow = RawHttp.connect(api.port())) {
      trickle(slow, request.substring(0, half));

      assertServed();
      assertServed();
      trickle(slow, request.substring(half));
      Answer answer = slow.read();

      assertNotNull(answer);
      assertEquals(200, answer.status(), answer.toString());
      assertTrue(
          answer.body().contains("\"X-Slow\":\"one byte at a time\"")
              && answer.body().contains("\"body\":\"hello\""),
          answer.body());
    }
  }

  @Test
  void many_clients_stalled_in_headers_or_body_do_not_stop_others_being_served() {
    api.emulator().resetJournal();
    List<RawHttp> stalled = new ArrayList<>();
    try {
      for (int i = 0; i < 16; i++) { // more than the server's I/O and worker threads together
        stalled.add(
            RawHttp.connect(api.port())
                .send("GET /echo?stalled=" + i + " HTTP/1.1\r\nHost: x\r\nX-Partial: "));
        stalled.add(
            RawHttp.connect(api.port())
                .send(
                    "POST /echo?stalled="
                        + i
                        + " HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\nonly ten b"));
      }

      for (int i = 0; i < 8; i++) {
        assertServed();
      }
    } finally {
      stalled.forEach(RawHttp::close); // the clients give up mid-request
    }

    assertServed();
    assertTrue(
        api.emulator().invocations().stream().noneMatch(i -> i.event().contains("stalled")),
        "no function ran for a request that never completed");
  }

  @Test
  void a_body_that_stops_half_way_then_completes_is_answered_in_full() {
    try (RawHttp slow = RawHttp.connect(api.port())) {
      slow.send(
          "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\nConnection: close\r\n\r\nfirst");

      assertServed();
      slow.send("-last");
      Answer answer = slow.read();

      assertNotNull(answer);
      assertEquals(200, answer.status());
      assertTrue(answer.body().contains("\"body\":\"first-last\""), answer.body());
    }
  }

  @Test
  void a_client_that_stalls_inside_its_headers_is_disconnected_by_the_server() {
    try (RawHttp stalled = RawHttp.connect(api.port())) {
      stalled.send("GET /echo HTTP/1.1\r\nHost: x\r\nX-Never-Finished: ");

      // the server's request-parse timeout (10 s) closes it; wait up to three times that
      assertTrue(
          stalled.closedByServer(Duration.ofSeconds(30)),
          "a half-sent request does not hold its connection for ever");
    }
    assertServed();
  }
}
