package io.localsam.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A private Maven local repository under target/ holding LocalSAM's artifacts as just built, laid
 * out as {@code mvn install} would put them, so the ITs' Maven runs use this build's plugin without
 * touching the machine's own repository (which they read everything else from, see {@link
 * SampleAppCopy}).
 */
final class PluginRepository {

  private PluginRepository() {}

  static Path publish(Path root) {
    String version = ItProperties.required("localsam.it.version");
    Path projectRoot = Path.of(ItProperties.required("localsam.it.projectRoot"));
    publish(root, "localsam-parent", version, projectRoot.resolve("pom.xml"), null);
    publish(
        root,
        "localsam-emulator",
        version,
        projectRoot.resolve("emulator/pom.xml"),
        projectRoot.resolve("emulator/target/localsam-emulator-" + version + ".jar"));
    publish(
        root,
        "localsam-maven-plugin",
        version,
        projectRoot.resolve("maven-plugin/pom.xml"),
        projectRoot.resolve("maven-plugin/target/localsam-maven-plugin-" + version + ".jar"));
    // the sample's HelloWorldFunction tests with localsam-junit: its POM's dependencies resolve
    // only with it there
    publish(
        root,
        "localsam-junit",
        version,
        projectRoot.resolve("junit-extension/target/dependency-reduced-pom.xml"),
        projectRoot.resolve("junit-extension/target/localsam-junit-" + version + ".jar"));
    return root;
  }

  private static void publish(Path root, String artifactId, String version, Path pom, Path jar) {
    Path directory = root.resolve("io/localsam").resolve(artifactId).resolve(version);
    try {
      Files.createDirectories(directory);
      copy(pom, directory.resolve(artifactId + "-" + version + ".pom"));
      if (jar != null) {
        copy(jar, directory.resolve(artifactId + "-" + version + ".jar"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    if (!Files.isRegularFile(from)) {
      throw new IllegalStateException(
          from
              + " is missing: run the ITs after `package` of emulator, junit-extension and maven-plugin");
    }
    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
  }
}
