package io.localsam.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

/**
 * With one instance per class, JUnit builds the instance before beforeAll: injection must still
 * work.
 */
@LocalApi(template = Fixtures.ECHO)
@TestInstance(Lifecycle.PER_CLASS)
class PerClassLifecycleTest {

  private final URI constructorApi;
  private URI beforeAllApi;

  PerClassLifecycleTest(URI api) {
    this.constructorApi = api;
  }

  @BeforeAll
  void beforeAll(URI api) {
    beforeAllApi = api;
  }

  @Test
  void injects_into_the_constructor_and_instance_before_all(URI api) {
    assertEquals(api, constructorApi);
    assertEquals(api, beforeAllApi);
    assertEquals(200, ApiClient.get(api.resolve("echo/per-class")).status());
  }
}
