package io.localsam.cli;

import io.localsam.error.LocalSamException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** SAM CLI's default template: the first of these that exists in the working directory. */
final class TemplateDiscovery {
  static final List<String> CANDIDATES =
      List.of(".aws-sam/build/template.yaml", "template.yaml", "template.yml", "template.json");

  private TemplateDiscovery() {}

  static Path find(Path positional, Path option) {
    if (positional != null && option != null && !positional.equals(option)) {
      throw new LocalSamException(
          "give the template once: either as an argument or with -t, not both");
    }
    Path given = positional != null ? positional : option;
    if (given != null) {
      if (Files.isDirectory(given)) {
        return find(given);
      }
      return given;
    }
    return find(Path.of(""));
  }

  private static Path find(Path folder) {
    for (String candidate : CANDIDATES) {
      Path path = folder.resolve(candidate);
      if (Files.isRegularFile(path)) {
        return path;
      }
    }
    throw new LocalSamException(
        "no template found in "
            + folder.toAbsolutePath().normalize()
            + " (looked for "
            + String.join(", ", CANDIDATES)
            + "). Pass the template path or -t FILE.");
  }
}
