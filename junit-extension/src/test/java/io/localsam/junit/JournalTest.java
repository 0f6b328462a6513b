package io.localsam.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.localsam.Emulator;
import io.localsam.Invocation;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@LocalApi(template = Fixtures.ECHO)
@TestMethodOrder(OrderAnnotation.class)
class JournalTest {

  @Test
  @Order(1)
  void records_each_invocation_of_the_test(Emulator emulator) {
    ApiClient.get(emulator.uri("/echo/journal"));
    ApiClient.get(emulator.uri("/fail"));

    assertEquals(2, emulator.invocations().size());
    Invocation echo = emulator.invocations().get(0);
    assertEquals("EchoFunction", echo.functionId());
    assertTrue(echo.event().contains("/echo/journal"), echo.event());
    assertFalse(echo.failed());
    Invocation failing = emulator.invocations().get(1);
    assertEquals("FailingFunction", failing.functionId());
    assertTrue(failing.failed());
    assertEquals(
        List.of(echo), emulator.invocations("EchoFunction"), "one function's, by its logical id");
    assertEquals(List.of(failing), emulator.invocations("FailingFunction"));
  }

  @Test
  @Order(2)
  void starts_each_test_with_an_empty_journal(Emulator emulator) {
    assertEquals(0, emulator.invocations().size());

    ApiClient.get(emulator.uri("/echo/again"));

    assertEquals(1, emulator.invocations().size());
  }
}
