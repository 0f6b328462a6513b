package io.localsam.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real Maven build of a user project under src/it, copied to target/it/NAME first. It resolves
 * LocalSAM from a {@link UserProjectRepository} and everything else from the repository this build
 * uses (read as a remote repository, so nothing is written there), then from Maven Central. Offline
 * when this build is.
 */
final class UserProjectBuild {

  /** The build's exit code and its log. */
  record Result(int exitCode, String log) {}

  private UserProjectBuild() {}

  static Result run(
      String project, String name, UserProjectRepository repository, List<String> arguments)
      throws IOException, InterruptedException {
    Path moduleTarget = Path.of("target").toAbsolutePath();
    Path copy = moduleTarget.resolve("it").resolve(name);
    deleteTree(copy);
    copyTree(Path.of("src/it").resolve(project).toAbsolutePath(), copy);
    Path settings = writeSettings(moduleTarget.resolve("it").resolve("settings.xml"));

    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(ItProperties.required("localsam.it.mavenHome"), "bin", "mvn").toString(),
                "-B",
                "-s",
                settings.toString(),
                "-Dmaven.repo.local=" + repository.root(),
                "-Dlocalsam.version=" + ItProperties.required("localsam.it.version")));
    if (ItProperties.required("localsam.it.offline").equals("offline=true")) {
      // Offline still reads file: repositories when told to: the outer build's repository is one.
      command.addAll(List.of("-o", "-Daether.offline.protocols=file"));
    }
    command.addAll(arguments);
    Path log = moduleTarget.resolve("it").resolve(name + ".log");
    Process process =
        new ProcessBuilder(command)
            .directory(copy.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    int exitCode = process.waitFor();
    return new Result(exitCode, Files.readString(log));
  }

  /** The outer build's local repository, as a remote one for releases and plugins. */
  private static Path writeSettings(Path settings) throws IOException {
    String url = Path.of(ItProperties.required("localsam.it.outerRepository")).toUri().toString();
    String repository =
        "<id>outer-build</id><url>"
            + url
            + "</url>"
            + "<releases><enabled>true</enabled></releases><snapshots><enabled>false</enabled></snapshots>";
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
        Path target = to.resolve(from.relativize(file).toString());
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
      files
          .sorted((a, b) -> b.getNameCount() - a.getNameCount())
          .forEach(
              file -> {
                try {
                  Files.delete(file);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }
}
