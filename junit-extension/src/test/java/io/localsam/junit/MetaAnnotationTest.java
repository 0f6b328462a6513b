package io.localsam.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import org.junit.jupiter.api.Test;

@MetaAnnotationTest.NordicEchoApi
class MetaAnnotationTest {

  /** A team's own annotation, composed from {@code @LocalApi}. */
  @Target(ElementType.TYPE)
  @Retention(RetentionPolicy.RUNTIME)
  @LocalApi(template = Fixtures.ECHO, parameters = "Greeting=hej")
  @interface NordicEchoApi {}

  @Test
  void starts_the_emulator_the_composed_annotation_describes(URI api) {
    ApiResponse response = ApiClient.get(api.resolve("echo/meta"));

    assertEquals(200, response.status(), response.body());
    assertEquals("hej", response.field("greeting"));
  }
}
