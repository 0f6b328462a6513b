package io.localsam.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.localsam.testsupport.TestApi;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The JDK's common pool serves every function: a worker it starts while one function runs is not
 * that function's thread, so discarding the function leaves it alone; what a function prints from
 * there is still its output.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedThreadsTest {
  @RegisterExtension
  static final TestApi api =
      TestApi.forClass(
          """
      Globals:
        Function: {Runtime: java17, CodeUri: ${CODE}, Handler: fixtures.CommonPool, Timeout: 20}
      Resources:
        Starter:
          Type: AWS::Serverless::Function
        Other:
          Type: AWS::Serverless::Function
        Printer:
          Type: AWS::Serverless::Function
      """);

  @Test
  @Order(1) // the first to use the common pool in this JVM starts its worker
  void discarding_a_function_does_not_interrupt_or_stop_common_pool_workers_it_happened_to_start() {
    assumeTrue(
        api.emulator().invoke("Starter", "{\"do\":\"where\"}").response().equals("\"own group\""),
        "the common pool already had its workers, so none was started inside the function's thread group");
    assertEquals(
        "Runtime.ExitError", api.emulator().invoke("Starter", "{\"do\":\"exit\"}").error());

    // Runs on the same worker for longer than the grace after which a discarded environment's
    // threads are stopped.
    assertEquals("\"undisturbed\"", api.emulator().invoke("Other", "{\"do\":\"slow\"}").response());
  }

  @Test
  @Order(2)
  void what_a_function_prints_on_a_common_pool_worker_is_in_its_log() {
    assertEquals("\"printed\"", api.emulator().invoke("Printer", "{\"do\":\"print\"}").response());

    assertTrue(api.logged("[Printer] printed on the common pool"), String.join("\n", api.logs()));
  }
}
