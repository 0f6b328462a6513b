package io.localsam.cli;

import io.localsam.EmulatorOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options every command that reads a template shares, named as SAM CLI names them. */
final class TemplateOptions {
  @Parameters(index = "0", arity = "0..1", paramLabel = "TEMPLATE",
      description = "The SAM template (default: the first of .aws-sam/build/template.yaml, template.yaml, template.yml, template.json).")
  Path positionalTemplate;

  @Option(names = {"-t", "--template", "--template-file"}, paramLabel = "FILE", description = "The SAM template, as an option.")
  Path template;

  @Option(names = "--parameter-overrides", arity = "1..*", paramLabel = "KEY=VALUE",
      description = "Template parameter values: Key=Value or ParameterKey=Key,ParameterValue=Value.")
  List<String> parameterOverrides = new ArrayList<>();

  @Option(names = {"-n", "--env-vars"}, paramLabel = "FILE",
      description = "JSON file of environment variables: {\"Parameters\": {...}} for all functions, {\"FunctionId\": {...}} for one.")
  Path envVars;

  @Option(names = "--region", paramLabel = "REGION", description = "AWS::Region and AWS_REGION (default: ${DEFAULT-VALUE}).",
      defaultValue = EmulatorOptions.DEFAULT_REGION)
  String region;

  EmulatorOptions.Builder toOptions() {
    return EmulatorOptions.builder(TemplateDiscovery.find(positionalTemplate, template))
        .parameterOverrides(ParameterOverrides.parse(parameterOverrides))
        .envVars(envVars)
        .region(region);
  }
}
