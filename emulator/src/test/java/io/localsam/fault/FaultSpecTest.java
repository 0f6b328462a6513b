package io.localsam.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code --fault TARGET:FAULT[,one-in=N]}: one test per form, and the messages of bad ones. */
class FaultSpecTest {

  @Test
  void a_function_throttle() {
    FaultSpec spec = FaultSpec.parse("OrdersFunction:throttle");

    assertEquals(new FaultSpec("OrdersFunction", false, Fault.of(Fault.Kind.THROTTLE, 1)), spec);
  }

  @Test
  void a_route_latency_in_milliseconds_or_seconds() {
    assertEquals(
        Duration.ofMillis(200), FaultSpec.parse("get /hello:latency=200ms").fault().latency());
    assertEquals(Duration.ofSeconds(2), FaultSpec.parse("GET /hello:latency=2s").fault().latency());
    assertEquals("GET /hello", FaultSpec.parse("get /hello:latency=2s").target());
  }

  @Test
  void an_error_with_and_without_a_message() {
    Fault withMessage =
        FaultSpec.parse("Orders:error=java.io.UncheckedIOException:table: gone").fault();
    Fault without = FaultSpec.parse("Orders:error=java.lang.IllegalStateException").fault();

    assertEquals("java.io.UncheckedIOException", withMessage.errorType());
    assertEquals("table: gone", withMessage.errorMessage());
    assertEquals("Injected fault", without.errorMessage());
  }

  @Test
  void a_route_status_and_timeout_one_in_n() {
    Fault status = FaultSpec.parse("POST /orders/{id}:status=503,one-in=4").fault();

    assertEquals(503, status.status());
    assertEquals(4, status.oneIn());
    assertEquals("status=503,one-in=4", status.describe());
    assertEquals(Fault.Kind.TIMEOUT, FaultSpec.parse("Orders:timeout").fault().kind());
  }

  @Test
  void bad_specs_say_what_is_wrong_and_what_is_expected() {
    assertMessage("throttle", "no TARGET: before the fault");
    assertMessage("Orders:explode", "unknown fault 'explode'");
    assertMessage("Orders:latency=fast", "latency needs a duration");
    assertMessage("Orders:status=503", "status=CODE is for a route");
    assertMessage("GET /x:error=Boom", "a route takes status=CODE");
    assertMessage("GET /x:status=99", "status needs an HTTP status from 100 to 599");
    assertMessage("Orders:throttle=yes", "throttle takes no value");
    assertMessage("Orders:throttle,one-in=0", "one-in must be 1 or more");
  }

  private static void assertMessage(String spec, String expected) {
    IllegalArgumentException bad =
        assertThrows(IllegalArgumentException.class, () -> FaultSpec.parse(spec));
    assertTrue(
        bad.getMessage().contains(expected)
            && bad.getMessage().contains("Write TARGET:FAULT[,one-in=N]"),
        bad.getMessage());
  }
}
