package io.localsam.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The samconfig.toml beside a template gives parameter values as start-api's table does; the
 * class's own win.
 */
class SamConfigParametersTest {

  @Nested
  @LocalApi(template = Fixtures.CONFIGURED)
  class FromTheFile {
    @Test
    void the_local_start_api_table_gives_the_value_never_the_deploy_table(URI api) {
      ApiResponse response = ApiClient.get(api.resolve("echo/config"));

      assertEquals(200, response.status(), response.body());
      assertEquals("from-samconfig", response.field("greeting"));
    }
  }

  @Nested
  @LocalApi(template = Fixtures.CONFIGURED, parameters = "Greeting=from-the-class")
  class OverriddenByTheClass {
    @Test
    void the_classs_parameters_win(URI api) {
      assertEquals("from-the-class", ApiClient.get(api.resolve("echo/config")).field("greeting"));
    }
  }
}
