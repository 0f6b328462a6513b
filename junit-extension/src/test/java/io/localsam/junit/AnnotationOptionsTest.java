package io.localsam.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import org.junit.jupiter.api.Test;

@LocalApi(
    template = Fixtures.ECHO,
    parameters = {"Greeting=bonjour"},
    region = "eu-west-1")
class AnnotationOptionsTest {

  @Test
  void passes_parameters_to_the_template(URI api) {
    ApiResponse response = ApiClient.get(api.resolve("echo/parameters"));

    assertEquals(200, response.status(), response.body());
    assertEquals("bonjour", response.field("greeting"));
  }

  @Test
  void passes_the_region_to_the_functions(URI api) {
    ApiResponse response = ApiClient.get(api.resolve("echo/region"));

    assertEquals("eu-west-1", response.field("region"));
  }
}
