package io.localsam.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An env vars file that is not JSON is {@code .env} lines for every function; per-function values
 * go over it.
 */
class FunctionEnvironmentDotEnvTest {

  @RegisterExtension
  static LocalApiExtension api =
      LocalApiExtension.builder()
          .template(Fixtures.ECHO)
          .envVars(Fixtures.ECHO_DOTENV)
          .environment("EchoFunction", "GREETING", "hello from the builder")
          .build();

  @Test
  void merges_function_variables_with_a_dotenv_file() {
    ApiResponse response = ApiClient.get(api.uri("/echo/dotenv"));

    assertEquals(200, response.status(), response.body());
    assertEquals("hello from the builder", response.field("greeting"));
    assertEquals("bye from a dotenv file", response.field("farewell"));
  }
}
