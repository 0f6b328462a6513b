package io.localsam.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;

/**
 * The SAM template a goal serves: the one configured, else the first {@code template.yaml}, {@code
 * template.yml} or {@code template.json} in the project's folder or a folder above it, so the goals
 * run from a SAM project's root as well as from one of its function modules.
 */
final class TemplateLocation {
  static final List<String> NAMES = List.of("template.yaml", "template.yml", "template.json");

  private TemplateLocation() {}

  static Path find(Path configured, Path start) throws MojoFailureException {
    if (configured != null) {
      Path template = start.resolve(configured).toAbsolutePath().normalize();
      if (!Files.isRegularFile(template)) {
        throw new MojoFailureException("localsam.template " + template + " does not exist.");
      }
      return template;
    }
    for (Path folder = start.toAbsolutePath().normalize();
        folder != null;
        folder = folder.getParent()) {
      for (String name : NAMES) {
        if (Files.isRegularFile(folder.resolve(name))) {
          return folder.resolve(name);
        }
      }
    }
    throw new MojoFailureException(
        "No SAM template in "
            + start.toAbsolutePath().normalize()
            + " or a folder above it"
            + " (looked for "
            + String.join(", ", NAMES)
            + "). Run the goal in your SAM project or set -Dlocalsam.template=FILE.");
  }
}
