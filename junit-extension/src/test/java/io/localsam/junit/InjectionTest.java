package io.localsam.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.localsam.Emulator;
import java.net.URI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@LocalApi(template = Fixtures.ECHO)
class InjectionTest {

  private static URI beforeAllApi;
  private final URI constructorApi;
  private final Emulator constructorEmulator;
  private URI beforeEachApi;

  InjectionTest(URI api, Emulator emulator) {
    this.constructorApi = api;
    this.constructorEmulator = emulator;
  }

  @BeforeAll
  static void beforeAll(URI api) {
    beforeAllApi = api;
  }

  @BeforeEach
  void beforeEach(URI api) {
    beforeEachApi = api;
  }

  @Test
  void injects_the_same_base_uri_everywhere(URI api) {
    assertEquals(api, constructorApi);
    assertEquals(api, beforeAllApi);
    assertEquals(api, beforeEachApi);
    assertEquals(200, ApiClient.get(api.resolve("echo/injected")).status());
  }

  @Test
  void injects_the_emulator_behind_that_uri(URI api, Emulator emulator) {
    assertSame(constructorEmulator, emulator);
    assertEquals(api, emulator.baseUri());
    assertEquals(api.getPort(), emulator.port());
  }

  @Test
  void injects_the_info_of_that_same_api(URI api, Emulator emulator, LocalApiInfo info) {
    assertEquals(api, info.baseUri());
    assertEquals(api.getPort(), info.port());
    assertSame(emulator, info.emulator());
    assertEquals(200, ApiClient.get(info.uri("/echo/info")).status());
  }
}
