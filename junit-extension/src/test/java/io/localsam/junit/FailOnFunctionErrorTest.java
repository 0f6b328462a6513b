package io.localsam.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class FailOnFunctionErrorTest {

  @Test
  void fails_the_test_with_the_function_error_document() {
    EngineExecutionResults results = EngineRuns.run(FailingCase.class);

    Throwable failure = EngineRuns.failureOf(results, FailingCase.class);

    assertInstanceOf(AssertionError.class, failure);
    String message = failure.getMessage();
    assertTrue(
        message.contains("FailingFunction failed with java.lang.IllegalStateException"), message);
    assertTrue(message.contains("boom on /fail"), message);
    assertTrue(
        message.contains("fixtures.FailingFunction.handleRequest"),
        "has the stack trace: " + message);
    assertTrue(
        message.contains("Its event: {") && message.contains("\"path\":\"/fail\""),
        "and the request that failed: " + message);
  }

  @Test
  void leaves_the_test_alone_when_not_asked_to() {
    EngineExecutionResults results = EngineRuns.run(QuietCase.class);

    assertEquals(1, results.testEvents().succeeded().count(), EngineRuns.describe(results));
  }

  @Test
  void works_from_the_builder_too() {
    EngineExecutionResults results = EngineRuns.run(ProgrammaticCase.class);

    Throwable failure = EngineRuns.failureOf(results, ProgrammaticCase.class);

    assertTrue(failure.getMessage().contains("FailingFunction failed"), failure.getMessage());
  }

  @Test
  void judges_each_test_by_its_own_invocations() {
    EngineExecutionResults results = EngineRuns.run(FailureThenSuccessCase.class);

    assertEquals(1, results.testEvents().failed().count(), EngineRuns.describe(results));
    assertEquals(1, results.testEvents().succeeded().count(), EngineRuns.describe(results));
  }

  @LocalApi(template = Fixtures.ECHO, failOnFunctionError = true)
  static class FailingCase {
    @Test
    void calls_a_function_that_throws(URI api) {
      ApiClient.get(api.resolve("fail"));
    }
  }

  @LocalApi(template = Fixtures.ECHO)
  static class QuietCase {
    @Test
    void calls_a_function_that_throws(URI api) {
      ApiClient.get(api.resolve("fail"));
    }
  }

  static class ProgrammaticCase {
    @RegisterExtension
    static LocalApiExtension api =
        LocalApiExtension.builder().template(Fixtures.ECHO).failOnFunctionError(true).build();

    @Test
    void calls_a_function_that_throws() {
      ApiClient.get(api.uri("/fail"));
    }
  }

  @LocalApi(template = Fixtures.ECHO, failOnFunctionError = true)
  @TestMethodOrder(OrderAnnotation.class)
  static class FailureThenSuccessCase {
    @Test
    @Order(1)
    void calls_a_function_that_throws(URI api) {
      ApiClient.get(api.resolve("fail"));
    }

    @Test
    @Order(2)
    void calls_a_function_that_works(URI api) {
      assertEquals(200, ApiClient.get(api.resolve("echo/fine")).status());
    }
  }
}
