package io.localsam.template;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Writes templates (and files beside them) into a folder and loads them, for short tests. */
final class TemplateFiles {
  private final Path folder;

  TemplateFiles(Path folder) {
    this.folder = folder;
  }

  Path write(String name, String text) {
    try {
      Path file = folder.resolve(name);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Template load(String yaml) {
    return load(yaml, Map.of());
  }

  Template load(String yaml, Map<String, String> overrides) {
    return TemplateLoader.load(write("template.yaml", yaml), overrides, "us-east-1");
  }

  /** The message of the error the template fails with, with the folder shown as {@code $DIR}. */
  String error(String yaml) {
    return error(yaml, Map.of());
  }

  String error(String yaml, Map<String, String> overrides) {
    TemplateException e = assertThrows(TemplateException.class, () -> load(yaml, overrides));
    return e.getMessage().replace(folder.toAbsolutePath().normalize().toString(), "$DIR");
  }

  /**
   * A template with one Java function and the given environment variables (YAML, indented for
   * Variables).
   */
  static String function(String variables) {
    return """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: java17
              Handler: app.Fn::handleRequest
              CodeUri: app
              Environment:
                Variables:
        """
        + variables.stripTrailing().indent(10);
  }

  static String env(Template template, String name) {
    return template.function("Fn").orElseThrow().environment().get(name);
  }
}
