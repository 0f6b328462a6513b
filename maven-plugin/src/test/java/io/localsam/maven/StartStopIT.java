package io.localsam.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code mvn verify -Plocalsam-it} in a copy of sample-app/: localsam:start serves the template on
 * a free port in pre-integration-test, failsafe's HelloWorldIT reaches it through the exported
 * {@code localsam.baseUri}, and localsam:stop closes it in post-integration-test; the build
 * succeeds.
 */
class StartStopIT {

  @Test
  void start_and_stop_surround_a_failsafe_test() throws Exception {
    SampleAppCopy sample =
        SampleAppCopy.create(
            "start-stop",
            PluginRepository.publish(Path.of("target/it-repository").toAbsolutePath()));

    try (MavenRun maven =
        sample.start(
            "verify",
            "-Plocalsam-it",
            "-Dtest=NoUnitTests",
            "-Dsurefire.failIfNoSpecifiedTests=false")) {
      int exit = maven.awaitExit(Duration.ofMinutes(4));
      String log = maven.log();

      assertEquals(0, exit, log);
      Matcher started =
          Pattern.compile("LocalSAM serves .* on (http://127\\.0\\.0\\.1:\\d+/)").matcher(log);
      assertTrue(started.find(), log);
      assertTrue(log.contains("Running helloworld.HelloWorldIT"), log);
      assertTrue(log.contains("Tests run: 1, Failures: 0, Errors: 0, Skipped: 0"), log);
      assertTrue(log.contains("LocalSAM on " + started.group(1) + " stopped"), log);
      assertTrue(
          log.indexOf("Running helloworld.HelloWorldIT")
              < log.indexOf("LocalSAM on " + started.group(1) + " stopped"),
          log);
    }
  }
}
