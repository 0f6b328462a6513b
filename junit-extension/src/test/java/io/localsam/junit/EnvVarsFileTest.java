package io.localsam.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import org.junit.jupiter.api.Test;

@LocalApi(template = Fixtures.ECHO, envVars = Fixtures.ECHO_ENV)
class EnvVarsFileTest {

  @Test
  void gives_functions_the_values_of_the_env_vars_file(URI api) {
    ApiResponse response = ApiClient.get(api.resolve("echo/env"));

    assertEquals(200, response.status(), response.body());
    assertEquals("hello from the env file", response.field("greeting"));
    assertEquals("bye from the env file", response.field("farewell"));
  }
}
