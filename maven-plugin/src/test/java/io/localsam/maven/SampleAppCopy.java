package io.localsam.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A copy of sample-app/ under target/it/NAME whose every Maven run (the IT's, and the one LocalSAM
 * forks for a function's class path) uses the {@link PluginRepository} and reads everything else
 * from the outer build's repository as a remote one, so nothing is written there: {@code
 * .mvn/maven.config} says so. Offline when this build is.
 */
final class SampleAppCopy {
  private final Path folder;

  private SampleAppCopy(Path folder) {
    this.folder = folder;
  }

  static SampleAppCopy create(String name, Path repository) {
    Path itRoot = Path.of("target/it").toAbsolutePath();
    Path folder = itRoot.resolve(name);
    try {
      deleteTree(folder);
      copyTree(
          Path.of(ItProperties.required("localsam.it.projectRoot")).resolve("sample-app"), folder);
      Path settings = writeSettings(itRoot.resolve("settings.xml"));
      List<String> config =
          new ArrayList<>(
              List.of("-B", "-s", settings.toString(), "-Dmaven.repo.local=" + repository));
      if (ItProperties.required("localsam.it.offline").equals("offline=true")) {
        config.addAll(
            List.of(
                "-o",
                "-Daether.offline.protocols=file")); // offline still reads the file: repository
      }
      Files.createDirectories(folder.resolve(".mvn"));
      Files.writeString(folder.resolve(".mvn/maven.config"), String.join("\n", config) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new SampleAppCopy(folder);
  }

  Path folder() {
    return folder;
  }

  Path file(String relative) {
    return folder.resolve(relative);
  }

  /**
   * Starts Maven in the copy's folder with these arguments; its output goes to target/it/NAME.log.
   */
  MavenRun start(String... arguments) {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(ItProperties.required("localsam.it.mavenHome"), "bin", "mvn").toString()));
    command.addAll(List.of(arguments));
    Path log = folder.resolveSibling(folder.getFileName() + ".log");
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(folder.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      return new MavenRun(process, log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The outer build's local repository, as a remote one for releases and plugins. */
  private static Path writeSettings(Path settings) throws IOException {
    String url = Path.of(ItProperties.required("localsam.it.outerRepository")).toUri().toString();
    String repository =
        "<id>outer-build</id><url>"
            + url
            + "</url>"
            + "<releases><enabled>true</enabled><checksumPolicy>ignore</checksumPolicy></releases>"
            + "<snapshots><enabled>false</enabled></snapshots>"; // a local repository keeps no
    // checksums
    Files.createDirectories(settings.getParent());
    Files.writeString(
        settings,
        """
        <settings>
          <profiles>
            <profile>
              <id>outer-build</id>
              <repositories><repository>%s</repository></repositories>
              <pluginRepositories><pluginRepository>%s</pluginRepository></pluginRepositories>
            </profile>
          </profiles>
          <activeProfiles><activeProfile>outer-build</activeProfile></activeProfiles>
        </settings>
        """
            .formatted(repository, repository));
    return settings;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path relative = from.relativize(file);
        if (relative.toString().equals("target")
            || relative.toString().endsWith("/target")
            || relative.toString().contains("/target/")
            || relative.toString().startsWith("target/")) {
          continue; // a fresh copy: nothing built
        }
        Path target = to.resolve(relative.toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(file);
      }
    }
  }
}
