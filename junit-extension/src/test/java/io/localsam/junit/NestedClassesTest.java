package io.localsam.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.URI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@LocalApi(template = Fixtures.ECHO, parameters = "Greeting=outer")
class NestedClassesTest {

  private static URI outerApi;

  @BeforeAll
  static void rememberTheOuterEmulator(URI api) {
    outerApi = api;
  }

  @Test
  void the_outer_class_is_served(URI api) {
    assertEquals("outer", ApiClient.get(api.resolve("echo/outer")).field("greeting"));
  }

  @Nested
  class WithoutItsOwnAnnotation {

    @Test
    void reuses_the_outer_emulator(URI api) {
      assertEquals(outerApi, api);
      assertEquals("outer", ApiClient.get(api.resolve("echo/inner")).field("greeting"));
    }

    @Nested
    class TwoLevelsDown {

      @Test
      void still_reuses_the_outer_emulator(URI api) {
        assertEquals(outerApi, api);
      }
    }
  }

  @Nested
  @LocalApi(template = Fixtures.ECHO, parameters = "Greeting=inner")
  class WithItsOwnAnnotation {

    @Test
    void gets_its_own_emulator(URI api) {
      assertNotEquals(outerApi.getPort(), api.getPort());
      assertEquals("inner", ApiClient.get(api.resolve("echo/own")).field("greeting"));
    }

    @Nested
    class AndANestedClassInside {

      @Test
      void reuses_the_nearest_annotated_class_emulator(URI api) {
        assertNotEquals(outerApi.getPort(), api.getPort());
        assertEquals("inner", ApiClient.get(api.resolve("echo/own-inner")).field("greeting"));
      }
    }
  }
}
