package io.localsam.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The supported JUnit range, each end and one between: a user project (src/it/junit-versions) that declares
 * only its own JUnit runs its {@code @LocalApi} tests with that JUnit, they pass, and the shared emulator
 * is closed once the engine has finished.
 */
class JunitVersionsIT {

  private static UserProjectRepository repository;

  @BeforeAll
  static void publishLocalSam() {
    repository = UserProjectRepository.withLocalSam(Path.of("target/it-repository").toAbsolutePath());
  }

  @ParameterizedTest(name = "JUnit {0}")
  @ValueSource(strings = {"5.10.3", "5.14.1", "6.0.3", "6.1.3"})
  void runs_and_closes_the_emulator(String junitVersion) throws Exception {
    String name = "junit-" + junitVersion;

    UserProjectBuild.Result build = UserProjectBuild.run("junit-versions", name, repository,
        List.of("-Djunit.version=" + junitVersion, "test"));

    assertEquals(0, build.exitCode(), build.log());
    assertTrue(build.log().contains("Tests run: 3, Failures: 0, Errors: 0, Skipped: 0"), build.log());
    List<String> ports = Files.readAllLines(Path.of("target/it", name, "target/run-end.txt"));
    assertFalse(ports.isEmpty(), "the tests recorded the port they were served on");
    assertTrue(ports.stream().allMatch(line -> line.startsWith("closed ")), "after the run: " + ports);
  }
}
