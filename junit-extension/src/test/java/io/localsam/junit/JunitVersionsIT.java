package io.localsam.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The supported JUnit range, each end and one between: a user project (src/it/junit-versions) that declares
 * only its own JUnit runs its {@code @LocalApi} tests with that JUnit, they pass, the shared emulator is
 * closed once the engine has finished, and what is JVM-wide ({@code System.out}/{@code err}, AWS's
 * {@code LambdaRuntime} logger, logging settings) is as it was before the run.
 */
class JunitVersionsIT {

  private static UserProjectRepository repository;

  @BeforeAll
  static void publishLocalSam() {
    repository = UserProjectRepository.withLocalSam(Path.of("target/it-repository").toAbsolutePath());
  }

  @ParameterizedTest(name = "JUnit {0}")
  @ValueSource(strings = {"5.10.3", "5.14.1", "6.0.3", "6.1.3"})
  void runs_closes_the_emulator_and_leaves_the_jvm_as_it_was(String junitVersion) throws Exception {
    String name = "junit-" + junitVersion;

    UserProjectBuild.Result build = UserProjectBuild.run("junit-versions", name, repository,
        List.of("-Djunit.version=" + junitVersion, "test"));

    assertEquals(0, build.exitCode(), build.log());
    assertTrue(build.log().contains("Tests run: 3, Failures: 0, Errors: 0, Skipped: 0"), build.log());
    List<String> afterTheRun = Files.readAllLines(Path.of("target/it", name, "target/run-end.txt"));
    assertTrue(afterTheRun.stream().anyMatch(line -> line.startsWith("closed ")), "a port was served: " + afterTheRun);
    assertEquals(7, afterTheRun.stream().filter(line -> line.startsWith("unchanged ")).count(), "" + afterTheRun);
    assertTrue(afterTheRun.stream().allMatch(line -> line.startsWith("closed ") || line.startsWith("unchanged ")),
        "after the run: " + afterTheRun);
  }
}
