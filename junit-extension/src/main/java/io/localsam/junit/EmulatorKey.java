package io.localsam.junit;

import io.localsam.EmulatorOptions;
import io.localsam.config.ConsoleMode;
import io.localsam.config.Isolation;
import io.localsam.config.SamConfig;
import io.localsam.error.LocalSamException;
import io.localsam.server.Tls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The resolved options that decide which emulator a class gets: equal keys share one emulator for
 * the whole run. {@link EmulatorOptions} cannot be the key itself, because its {@code log} is a
 * lambda.
 *
 * @param envVars the user's {@code --env-vars} file, or {@code null}
 * @param region the region, or {@code null} for LocalSAM's default
 * @param jwks the user's key sets (files resolved), besides the test key
 * @param apiKeys accepted API key values
 * @param disableAuthorizer routes run without their authorizers
 * @param console the web console and admin API are served (loopback only)
 * @param isolation where the functions run
 * @param tls the certificate and key to serve HTTPS with (files resolved), or {@code null} for HTTP
 */
record EmulatorKey(
    Path template,
    int port,
    Map<String, String> parameters,
    Path envVars,
    String region,
    Map<String, Map<String, String>> functionEnvironment,
    List<String> jwks,
    List<String> apiKeys,
    boolean disableAuthorizer,
    boolean console,
    Isolation isolation,
    Tls tls) {

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
    List<String> jwks = new ArrayList<>();
    for (String location : settings.jwks()) {
      String trimmed = location.strip();
      if (trimmed.startsWith("{")
          || trimmed.startsWith("http://")
          || trimmed.startsWith("https://")) {
        jwks.add(trimmed);
      } else {
        Path file = ModuleDirectory.resolve(trimmed);
        if (!Files.isRegularFile(file)) {
          throw LocalApiErrors.jwksNotFound(owner, location, file);
        }
        jwks.add(file.toString());
      }
    }
    if (settings.sslCertFile().isBlank() != settings.sslKeyFile().isBlank()) {
      throw LocalApiErrors.halfTls(owner);
    }
    Tls tls =
        settings.sslCertFile().isBlank()
            ? null
            : new Tls(
                ModuleDirectory.resolve(settings.sslCertFile()),
                ModuleDirectory.resolve(settings.sslKeyFile()));
    return new EmulatorKey(
        template,
        settings.port(),
        parameters(template, settings, owner),
        envVars,
        region,
        settings.functionEnvironment(),
        List.copyOf(jwks),
        settings.apiKeys(),
        settings.disableAuthorizer(),
        settings.console(),
        settings.isolation(),
        tls);
  }

  /**
   * The parameter values: the samconfig file beside the template's, as {@code start-api} reads it
   * (the {@code default} environment's {@code local_start_api} table over {@code global}), then the
   * class's own.
   */
  private static Map<String, String> parameters(Path template, ApiSettings settings, String owner) {
    Map<String, String> parameters = new LinkedHashMap<>();
    try {
      SamConfig.find(template.getParent())
          .map(SamConfig::read)
          .ifPresent(
              config ->
                  parameters.putAll(
                      config.parameterOverrides(SamConfig.DEFAULT_ENV, "local_start_api")));
    } catch (LocalSamException e) {
      throw LocalApiErrors.startFailed(owner, e);
    }
    parameters.putAll(settings.parameters());
    return parameters;
  }

  /** The engine's options. */
  EmulatorOptions toOptions() {
    // The test key first: tokens from Tokens always verify, whatever else the class trusts
    EmulatorOptions.Builder options =
        EmulatorOptions.builder(template)
            .port(port)
            .parameterOverrides(parameters)
            .envVars(envVars)
            .functionEnvironment(functionEnvironment)
            .jwks(TestKeys.jwks())
            .jwks(jwks)
            .apiKeys(apiKeys)
            .disableAuthorizer(disableAuthorizer)
            .isolation(isolation)
            .tls(tls)
            .console(console ? ConsoleMode.LOOPBACK : ConsoleMode.OFF)
            // A test runs against the template it started with: emulators are shared across test
            // classes, and a
            // reload in the middle of a run would make results depend on timing. Rebuilt code is
            // still picked up.
            .watchTemplate(false);
    if (region != null) {
      options.region(region);
    }
    return options.build();
  }

  /** Short enough for an error message. */
  String describe() {
    return "template "
        + template
        + (parameters.isEmpty() ? "" : ", parameters " + parameters)
        + (envVars == null ? "" : ", env vars " + envVars)
        + (functionEnvironment.isEmpty() ? "" : ", function environment " + functionEnvironment)
        + (region == null ? "" : ", region " + region)
        + (jwks.isEmpty() ? "" : ", jwks " + jwks)
        + (apiKeys.isEmpty() ? "" : ", " + apiKeys.size() + " API key(s)")
        + (disableAuthorizer ? ", authorizers disabled" : "")
        + (console ? "" : ", no console")
        + (isolation.equals(Isolation.IN_PROCESS) ? "" : ", " + isolation)
        + (tls == null ? "" : ", HTTPS with " + tls.certificateFile());
  }
}
