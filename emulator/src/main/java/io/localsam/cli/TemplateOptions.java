package io.localsam.cli;

import io.localsam.EmulatorOptions;
import java.nio.file.Path;
import picocli.CommandLine.Parameters;

/**
 * {@link TemplateFileOptions} plus the TEMPLATE argument, for commands whose first argument is the
 * template.
 */
final class TemplateOptions extends TemplateFileOptions {
  static final String TEMPLATE_LABEL = "TEMPLATE";

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = TEMPLATE_LABEL,
      description =
          "The SAM template (default: the first of .aws-sam/build/template.yaml, template.yaml, template.yml, template.json).")
  Path positionalTemplate;

  EmulatorOptions.Builder toOptions() {
    return toOptions(positionalTemplate);
  }
}
