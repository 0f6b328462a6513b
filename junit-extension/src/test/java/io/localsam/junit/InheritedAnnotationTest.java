package io.localsam.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** {@code @LocalApi} is {@code @Inherited}: a base class can carry it for all its subclasses. */
class InheritedAnnotationTest extends EchoApiTestBase {

  @Test
  void uses_the_annotation_of_the_superclass(URI api) {
    ApiResponse response = ApiClient.get(api.resolve("echo/inherited"));

    assertEquals(200, response.status(), response.body());
    assertEquals("inherited", response.field("greeting"));
  }
}
