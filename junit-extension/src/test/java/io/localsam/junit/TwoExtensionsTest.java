package io.localsam.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two APIs side by side: each extension serves its own emulator; reach them by field, not
 * injection.
 */
class TwoExtensionsTest {

  @RegisterExtension
  static LocalApiExtension english =
      LocalApiExtension.builder().template(Fixtures.ECHO).parameter("Greeting", "hello").build();

  @RegisterExtension
  static LocalApiExtension twin = LocalApiExtension.builder().template(Fixtures.ECHO_TWIN).build();

  @Test
  void each_extension_serves_its_own_template() {
    assertNotEquals(english.baseUri(), twin.baseUri());

    assertEquals("hello", ApiClient.get(english.uri("/echo/one")).field("greeting"));
    assertEquals("hello from the twin", ApiClient.get(twin.uri("/echo/two")).field("greeting"));
  }

  @Test
  void each_extension_keeps_its_own_journal() {
    ApiClient.get(english.uri("/echo/only-english"));

    assertEquals(1, english.emulator().invocations().size());
    assertEquals(0, twin.emulator().invocations().size());
  }
}
