package io.localsam.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Runs real annotated classes through the Jupiter engine, in a run of their own (their own root
 * store, so their emulators close when the run ends), and reads what happened.
 */
final class EngineRuns {

  private EngineRuns() {}

  static EngineExecutionResults run(Class<?>... testClasses) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectors(testClasses)).execute();
  }

  static EngineExecutionResults runInParallel(Class<?>... testClasses) {
    return EngineTestKit.engine("junit-jupiter")
        .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
        .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
        .configurationParameter(
            "junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
        .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
        .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "4")
        .selectors(selectors(testClasses))
        .execute();
  }

  /** Every failure of a test or container, as its throwable. */
  static List<Throwable> failures(EngineExecutionResults results) {
    return results.allEvents().failed().stream().map(EngineRuns::throwable).toList();
  }

  /** The failure of the class container or of one of its tests; fails when there is none. */
  static Throwable failureOf(EngineExecutionResults results, Class<?> testClass) {
    return results.allEvents().failed().stream()
        .filter(event -> belongsTo(event, testClass))
        .map(EngineRuns::throwable)
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    testClass.getSimpleName() + " did not fail; failures: " + failures(results)));
  }

  /** What finished how, one line each, for assertion messages. */
  static String describe(EngineExecutionResults results) {
    StringBuilder account = new StringBuilder();
    results.allEvents().finished().stream()
        .forEach(
            event -> {
              TestExecutionResult result =
                  event.getPayload(TestExecutionResult.class).orElseThrow();
              account
                  .append("\n  ")
                  .append(event.getTestDescriptor().getUniqueId().getLastSegment().getValue())
                  .append(": ")
                  .append(result.getStatus())
                  .append(result.getThrowable().map(t -> " " + t).orElse(""));
            });
    return account.toString();
  }

  private static boolean belongsTo(Event event, Class<?> testClass) {
    Optional<TestSource> source = event.getTestDescriptor().getSource();
    return source.isPresent()
        && (source.get() instanceof ClassSource cs && cs.getJavaClass().equals(testClass)
            || source.get() instanceof MethodSource ms && ms.getJavaClass().equals(testClass));
  }

  private static Throwable throwable(Event event) {
    return event
        .getPayload(TestExecutionResult.class)
        .flatMap(TestExecutionResult::getThrowable)
        .orElseThrow();
  }

  private static DiscoverySelector[] selectors(Class<?>... testClasses) {
    return Arrays.stream(testClasses).map(c -> selectClass(c)).toArray(DiscoverySelector[]::new);
  }
}
