package io.localsam.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ProgrammaticInstanceFieldTest {

  @RegisterExtension
  LocalApiExtension api =
      LocalApiExtension.builder()
          .template(Fixtures.ECHO)
          .parameter("Greeting", "hello from an instance field")
          .build();

  private URI beforeEachUri;

  @BeforeEach
  void startedBeforeEach() {
    beforeEachUri = api.baseUri();
  }

  @Test
  void serves_the_template_for_each_test() {
    ApiResponse response = ApiClient.get(api.uri("/echo/instance"));

    assertEquals(200, response.status(), response.body());
    assertEquals("hello from an instance field", response.field("greeting"));
    assertEquals(1, api.emulator().invocations().size());
  }

  @Test
  void injects_the_base_uri_of_this_test_extension(URI baseUri) {
    assertEquals(beforeEachUri, baseUri);
    assertEquals(0, api.emulator().invocations().size());
  }
}
