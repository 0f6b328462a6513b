package io.localsam.junit;

import io.localsam.config.Isolation;
import io.localsam.config.RuntimeClient;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a test class asked for, as written: from {@link LocalApi} or {@link
 * LocalApiExtension.Builder}. Paths are not resolved yet; {@link EmulatorKey#resolve} does that and
 * checks them.
 *
 * @param functionEnvironment per-function variables, function id to (name to value)
 * @param jwks extra key sets for JWT and Cognito authorizers, besides the test key every emulator
 *     trusts
 * @param apiKeys API key values accepted on {@code ApiKeyRequired} methods
 * @param disableAuthorizer routes run without their authorizers
 * @param console the web console and admin API are served (loopback only)
 * @param isolation where the functions run
 * @param sslCertFile the PEM certificate to serve HTTPS with, as written; empty for HTTP
 * @param sslKeyFile its private key, as written; empty for HTTP
 * @param sharing which classes the emulator serves, and whether it is reset between them
 */
record ApiSettings(
    String template,
    Map<String, String> parameters,
    String envVars,
    int port,
    String region,
    Map<String, Map<String, String>> functionEnvironment,
    boolean failOnFunctionError,
    List<String> jwks,
    List<String> apiKeys,
    boolean disableAuthorizer,
    boolean console,
    Isolation isolation,
    String sslCertFile,
    String sslKeyFile,
    Sharing sharing) {

  ApiSettings {
    jwks = List.copyOf(jwks);
    apiKeys = List.copyOf(apiKeys);
    parameters = Map.copyOf(parameters);
    Map<String, Map<String, String>> copy = new LinkedHashMap<>();
    functionEnvironment.forEach((function, vars) -> copy.put(function, Map.copyOf(vars)));
    functionEnvironment = Map.copyOf(copy);
  }

  static ApiSettings of(LocalApi api, String owner) {
    Map<String, String> parameters = new LinkedHashMap<>();
    for (String keyValue : api.parameters()) {
      String[] pair = splitParameter(keyValue, owner);
      parameters.put(pair[0], pair[1]);
    }
    return new ApiSettings(
        api.template(),
        parameters,
        api.envVars(),
        api.port(),
        api.region(),
        Map.of(),
        api.failOnFunctionError(),
        List.of(api.jwks()),
        List.of(api.apiKeys()),
        api.disableAuthorizer(),
        api.console(),
        isolation(
            api.isolation(),
            Set.of(api.processFunctions()),
            jdks(api.jdks(), owner),
            api.runtimeClient()),
        api.sslCertFile(),
        api.sslKeyFile(),
        api.sharing());
  }

  /**
   * As the command line resolves it, except that here {@code IN_PROCESS} is the default and so
   * never overrides AWS's client.
   */
  static Isolation isolation(
      IsolationMode mode,
      Set<String> processFunctions,
      Map<String, Path> jdks,
      RuntimeClient client) {
    return new Isolation(mode == IsolationMode.PROCESS, processFunctions, jdks, 0, Set.of())
        .withRuntimeClient(client);
  }

  /** {@code "java21=/path"} entries into runtime to JDK home. */
  private static Map<String, Path> jdks(String[] entries, String owner) {
    Map<String, Path> jdks = new LinkedHashMap<>();
    for (String entry : entries) {
      String[] pair = splitParameter(entry, owner);
      jdks.put(pair[0], Path.of(pair[1]));
    }
    return jdks;
  }

  /** {@code "Key=Value"} into its two halves; the value may itself contain {@code =}. */
  static String[] splitParameter(String keyValue, String owner) {
    int eq = keyValue.indexOf('=');
    if (eq <= 0) {
      throw LocalApiErrors.badParameter(owner, keyValue);
    }
    return new String[] {keyValue.substring(0, eq).trim(), keyValue.substring(eq + 1)};
  }
}
