package io.localsam.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A Maven local repository for user projects the ITs build: LocalSAM's just-built artifacts laid out as
 * {@code mvn install} would put them, without touching the machine's own repository, which the user
 * projects read everything else from (see {@link UserProjectBuild}).
 */
final class UserProjectRepository {

  private final Path root;

  UserProjectRepository(Path root) {
    this.root = root;
  }

  Path root() {
    return root;
  }

  /** Publishes the parent POM, the emulator and this extension as they were just built. */
  static UserProjectRepository withLocalSam(Path root) {
    String version = ItProperties.required("localsam.it.version");
    Path projectRoot = Path.of(ItProperties.required("localsam.it.projectRoot"));
    UserProjectRepository repository = new UserProjectRepository(root);
    repository.publish("localsam-parent", version, projectRoot.resolve("pom.xml"), null);
    repository.publish("localsam-emulator", version, projectRoot.resolve("emulator/pom.xml"),
        projectRoot.resolve("emulator/target/localsam-emulator-" + version + ".jar"));
    repository.publish("localsam-junit", version, projectRoot.resolve("junit-extension/pom.xml"),
        projectRoot.resolve("junit-extension/target/localsam-junit-" + version + ".jar"));
    return repository;
  }

  private void publish(String artifactId, String version, Path pom, Path jar) {
    Path directory = root.resolve("io/localsam").resolve(artifactId).resolve(version);
    try {
      Files.createDirectories(directory);
      Files.copy(pom, directory.resolve(artifactId + "-" + version + ".pom"), StandardCopyOption.REPLACE_EXISTING);
      if (jar != null) {
        if (!Files.isRegularFile(jar)) {
          throw new IllegalStateException(jar + " is missing: run the ITs after `package`");
        }
        Files.copy(jar, directory.resolve(artifactId + "-" + version + ".jar"), StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
