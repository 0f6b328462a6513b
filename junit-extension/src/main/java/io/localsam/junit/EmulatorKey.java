package io.localsam.junit;

import io.localsam.EmulatorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The resolved options that decide which emulator a class gets: equal keys share one emulator for
 * the whole run. {@link EmulatorOptions} cannot be the key itself, because its {@code log} is a lambda.
 *
 * @param envVars the user's {@code --env-vars} file, or {@code null}
 * @param region the region, or {@code null} for LocalSAM's default
 */
record EmulatorKey(
    Path template,
    int port,
    Map<String, String> parameters,
    Path envVars,
    String region,
    Map<String, Map<String, String>> functionEnvironment) {

  /** Resolves paths against the module directory and checks them; errors name {@code owner}. */
  static EmulatorKey resolve(ApiSettings settings, String owner) {
    Path template = ModuleDirectory.resolve(settings.template());
    if (!Files.isRegularFile(template)) {
      throw LocalApiErrors.templateNotFound(owner, settings.template(), template);
    }
    Path envVars = null;
    if (!settings.envVars().isBlank()) {
      envVars = ModuleDirectory.resolve(settings.envVars());
      if (!Files.isRegularFile(envVars)) {
        throw LocalApiErrors.envVarsNotFound(owner, settings.envVars(), envVars);
      }
    }
    if (settings.port() < 0 || settings.port() > 65535) {
      throw LocalApiErrors.badPort(owner, settings.port());
    }
    String region = settings.region().isBlank() ? null : settings.region();
    return new EmulatorKey(
        template, settings.port(), settings.parameters(), envVars, region, settings.functionEnvironment());
  }

  /** The engine's options; {@code envVarsFile} is the user's file, or a merged copy with per-function variables. */
  EmulatorOptions toOptions(Path envVarsFile) {
    EmulatorOptions.Builder options =
        EmulatorOptions.builder(template).port(port).parameterOverrides(parameters).envVars(envVarsFile);
    if (region != null) {
      options.region(region);
    }
    return options.build();
  }

  /** Short enough for an error message. */
  String describe() {
    return "template " + template
        + (parameters.isEmpty() ? "" : ", parameters " + parameters)
        + (envVars == null ? "" : ", env vars " + envVars)
        + (functionEnvironment.isEmpty() ? "" : ", function environment " + functionEnvironment)
        + (region == null ? "" : ", region " + region);
  }
}
