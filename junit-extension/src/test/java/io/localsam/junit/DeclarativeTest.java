package io.localsam.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.localsam.Emulator;
import java.net.URI;
import org.junit.jupiter.api.Test;

@LocalApi(template = Fixtures.ECHO)
class DeclarativeTest {

  @Test
  void serves_the_template_routes_under_the_injected_base_uri(URI api) {
    assertEquals("http", api.getScheme());
    assertTrue(api.getPath().endsWith("/"), api.toString());

    ApiResponse response = ApiClient.get(api.resolve("echo/hi"));

    assertEquals(200, response.status(), response.body());
    assertEquals("/echo/hi", response.field("path"));
    assertEquals("hello", response.field("greeting"));
  }

  @Test
  void injects_the_running_emulator(Emulator emulator) {
    ApiResponse response = ApiClient.post(emulator.uri("/echo/things"), "{\"a\":1}");

    assertEquals(200, response.status(), response.body());
    assertEquals("POST", response.field("method"));
    assertEquals("{\"a\":1}", response.field("body"));
    assertEquals(1, emulator.invocations().size());
    assertEquals("EchoFunction", emulator.invocations().get(0).functionId());
  }

  @Test
  void answers_an_unknown_route_as_sam_does(URI api) {
    ApiResponse response = ApiClient.get(api.resolve("no/such/route"));

    assertEquals(403, response.status());
    assertEquals("Missing Authentication Token", response.field("message"));
  }
}
