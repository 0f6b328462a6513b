package io.localsam.junit;

/**
 * Paths of the test templates, relative to the module directory as {@code @LocalApi} reads them.
 */
final class Fixtures {

  /**
   * EchoFunction on {@code ANY /echo/{proxy+}}, FailingFunction on {@code GET /fail}; parameter
   * {@code Greeting}.
   */
  static final String ECHO = "target/test-classes/templates/echo.yaml";

  /** EchoFunction alone, greeting "hello from the twin". */
  static final String ECHO_TWIN = "target/test-classes/templates/echo-twin.yaml";

  /**
   * The echo template beside a samconfig.toml whose local_start_api table sets Greeting (its deploy
   * table too).
   */
  static final String CONFIGURED = "target/test-classes/templates/configured/template.yaml";

  /** CodeUri points at a folder that does not exist. */
  static final String BROKEN = "target/test-classes/templates/broken.yaml";

  /**
   * WhoAmIFunction behind a JWT authorizer ({@code /me}, {@code /orders} asking for orders/read)
   * and an API key ({@code /keyed}).
   */
  static final String PROTECTED = "target/test-classes/templates/protected.yaml";

  /** Sets EchoFunction's GREETING and FAREWELL. */
  static final String ECHO_ENV = "src/test/resources/env/echo-env.json";

  /** {@code .env} lines: FAREWELL for every function. */
  static final String ECHO_DOTENV = "src/test/resources/env/echo.env";

  private Fixtures() {}
}
