package io.localsam.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FunctionEnvironmentTest {

  @RegisterExtension
  static LocalApiExtension api =
      LocalApiExtension.builder()
          .template(Fixtures.ECHO)
          .envVars(Fixtures.ECHO_ENV)
          .environment("EchoFunction", "GREETING", "hello from the builder")
          .build();

  @Test
  void sets_a_function_variable_over_the_env_vars_file() {
    ApiResponse response = ApiClient.get(api.uri("/echo/environment"));

    assertEquals(200, response.status(), response.body());
    assertEquals("hello from the builder", response.field("greeting"));
  }

  @Test
  void keeps_the_other_values_of_the_env_vars_file() {
    ApiResponse response = ApiClient.get(api.uri("/echo/environment"));

    assertEquals("bye from the env file", response.field("farewell"));
  }
}
