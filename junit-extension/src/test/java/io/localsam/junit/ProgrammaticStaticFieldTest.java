package io.localsam.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.localsam.Emulator;
import java.net.URI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ProgrammaticStaticFieldTest {

  @RegisterExtension
  static LocalApiExtension api =
      LocalApiExtension.builder()
          .template(Fixtures.ECHO)
          .parameter("Greeting", "hello from a static field")
          .region("ap-southeast-2")
          .build();

  private static URI beforeAllUri;

  @BeforeAll
  static void startedBeforeAll() {
    beforeAllUri = api.baseUri();
  }

  @Test
  void serves_the_template_with_the_builder_options() {
    ApiResponse response = ApiClient.get(api.uri("/echo/static"));

    assertEquals(200, response.status(), response.body());
    assertEquals("hello from a static field", response.field("greeting"));
    assertEquals("ap-southeast-2", response.field("region"));
  }

  @Test
  void keeps_one_emulator_for_the_class() {
    assertEquals(beforeAllUri, api.baseUri());
  }

  @Test
  void injects_parameters_like_the_annotation(URI baseUri, Emulator emulator) {
    assertEquals(api.baseUri(), baseUri);
    assertSame(api.emulator(), emulator);
  }
}
