package io.localsam.cli;

import io.localsam.EmulatorOptions;
import io.localsam.config.ParameterOverrides;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options every command that reads a template shares, named as SAM CLI names them. Commands
 * whose first argument is the template extend this as {@link TemplateOptions}; {@code invoke},
 * whose first argument is the function, uses it as it is.
 */
class TemplateFileOptions {
  @Option(
      names = {"-t", "--template", "--template-file"},
      paramLabel = "FILE",
      description =
          "The SAM template (default: the first of .aws-sam/build/template.yaml, template.yaml, template.yml, template.json).")
  Path template;

  @Option(
      names = "--parameter-overrides",
      arity = "1..*",
      paramLabel = "KEY=VALUE",
      description =
          "Template parameter values: Key=Value or ParameterKey=Key,ParameterValue=Value.")
  List<String> parameterOverrides = new ArrayList<>();

  @Option(
      names = {"-n", "--env-vars"},
      paramLabel = "FILE",
      description =
          "JSON file of environment variables: {\"Parameters\": {...}} for all functions, {\"FunctionId\": {...}} for one.")
  Path envVars;

  @Option(
      names = "--region",
      paramLabel = "REGION",
      description = "AWS::Region and AWS_REGION (default: ${DEFAULT-VALUE}).",
      defaultValue = EmulatorOptions.DEFAULT_REGION)
  String region;

  // Read before the command runs, by OptionDefaults; declared here so that they parse and show in
  // --help.
  @Option(
      names = "--config-file",
      paramLabel = "FILE",
      description =
          "samconfig file (TOML or YAML) with default option values, relative to the template's folder"
              + " (default: the first of samconfig.toml, samconfig.yaml, samconfig.yml).")
  String configFile;

  @Option(
      names = "--config-env",
      paramLabel = "ENV",
      description = "Environment in the samconfig file (default: default).")
  String configEnv;

  /**
   * The options, with the template found as SAM finds it; {@code positional} is a TEMPLATE
   * argument, or null.
   */
  EmulatorOptions.Builder toOptions(Path positional) {
    return EmulatorOptions.builder(TemplateDiscovery.find(positional, template))
        .parameterOverrides(ParameterOverrides.parse(parameterOverrides))
        .envVars(envVars)
        .region(region);
  }
}
