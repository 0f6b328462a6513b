package io.localsam.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A user project (src/it/junit-versions) that declares only its own JUnit (and, in one run, older
 * Jackson and SnakeYAML) builds against the published localsam-junit: its {@code @LocalApi} tests
 * pass, they see none of LocalSAM's libraries, the shared emulator is closed once the engine has
 * finished, and what is JVM-wide ({@code System.out}/{@code err}, AWS's {@code LambdaRuntime}
 * logger, logging settings) is as it was.
 */
class UserProjectIT {

  private static UserProjectRepository repository;

  @BeforeAll
  static void publishLocalSam() {
    repository =
        UserProjectRepository.withLocalSam(Path.of("target/it-repository").toAbsolutePath());
  }

  /** The supported JUnit range, each end and between. */
  @ParameterizedTest(name = "JUnit {0}")
  @ValueSource(strings = {"5.10.3", "5.14.1", "6.0.3", "6.1.3"})
  void runs_on_each_supported_junit(String junitVersion) throws Exception {
    assertPassedAndLeftNoTrace(
        "junit-" + junitVersion, List.of("-Djunit.version=" + junitVersion, "test"));
  }

  /**
   * What older Spring Boot BOMs pin: the project's code sees its versions, LocalSAM works on its
   * own.
   */
  @Test
  void runs_beside_older_jackson_and_snakeyaml() throws Exception {
    assertPassedAndLeftNoTrace(
        "old-libraries", List.of("-Djunit.version=5.14.1", "-Pold-libraries", "test"));
  }

  private static void assertPassedAndLeftNoTrace(String name, List<String> arguments)
      throws Exception {
    UserProjectBuild.Result build =
        UserProjectBuild.run("junit-versions", name, repository, arguments);

    assertEquals(0, build.exitCode(), build.log());
    assertTrue(
        build.log().contains("Tests run: 6, Failures: 0, Errors: 0, Skipped: 0"), build.log());
    List<String> afterTheRun = Files.readAllLines(Path.of("target/it", name, "target/run-end.txt"));
    assertTrue(
        afterTheRun.stream().anyMatch(line -> line.startsWith("closed ")),
        "a port was served: " + afterTheRun);
    assertEquals(
        7,
        afterTheRun.stream().filter(line -> line.startsWith("unchanged ")).count(),
        "" + afterTheRun);
    assertTrue(
        afterTheRun.stream()
            .allMatch(line -> line.startsWith("closed ") || line.startsWith("unchanged ")),
        "after the run: " + afterTheRun);
  }
}
