package io.localsam.template;

import io.localsam.error.LocalSamException;
import java.nio.file.Path;

/** A template that cannot be used as written. The message starts with the file and line. */
public final class TemplateException extends LocalSamException {

  private TemplateException(String message) {
    super(message);
  }

  public static TemplateException at(SourceLocation where, String problem) {
    return new TemplateException(where + ": " + problem);
  }

  static TemplateException notFound(Path file) {
    return new TemplateException(
        file
            + ": template not found. Pass the template path (or -t FILE), or run from the folder"
            + " that holds template.yaml.");
  }
}
