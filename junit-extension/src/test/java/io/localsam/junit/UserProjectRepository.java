package io.localsam.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A Maven local repository for user projects the ITs build: LocalSAM's just-built artifacts laid
 * out as {@code mvn install} would put them, without touching the machine's own repository, which
 * the user projects read everything else from (see {@link UserProjectBuild}).
 */
final class UserProjectRepository {

  private final Path root;

  UserProjectRepository(Path root) {
    this.root = root;
  }

  Path root() {
    return root;
  }

  /**
   * Publishes the parent POM and this extension as they were just built: the shaded jar, with the
   * POM the shade plugin reduced (what {@code mvn install} would publish), so the user project gets
   * what users get.
   */
  static UserProjectRepository withLocalSam(Path root) {
    String version = ItProperties.required("localsam.it.version");
    Path projectRoot = Path.of(ItProperties.required("localsam.it.projectRoot"));
    UserProjectRepository repository = new UserProjectRepository(root);
    repository.publish("localsam-parent", version, projectRoot.resolve("pom.xml"), null);
    Path target = projectRoot.resolve("junit-extension/target");
    repository.publish(
        "localsam-junit",
        version,
        target.resolve("dependency-reduced-pom.xml"),
        target.resolve("localsam-junit-" + version + ".jar"));
    return repository;
  }

  private void publish(String artifactId, String version, Path pom, Path jar) {
    Path directory = root.resolve("io/localsam").resolve(artifactId).resolve(version);
    try {
      Files.createDirectories(directory);
      if (!Files.isRegularFile(pom)) {
        throw new IllegalStateException(pom + " is missing: run the ITs after `package`");
      }
      Files.copy(
          pom,
          directory.resolve(artifactId + "-" + version + ".pom"),
          StandardCopyOption.REPLACE_EXISTING);
      if (jar != null) {
        if (!Files.isRegularFile(jar)) {
          throw new IllegalStateException(jar + " is missing: run the ITs after `package`");
        }
        Files.copy(
            jar,
            directory.resolve(artifactId + "-" + version + ".jar"),
            StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
