package io.localsam.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The nearest peer, measured in the same run: serverless-offline 13 (with serverless 3) serving a
 * Node hello-world handler on {@code GET /hello} with the sample's JSON and headers. {@code
 * bench/run} copies {@code bench/serverless-offline/} (the service, the handler, the pinned
 * versions) to {@code bench/target/serverless-offline/} and installs it there with npm, once.
 */
final class ServerlessOffline {
  /**
   * No telemetry, update notices or deprecation notes: nothing goes to the network, nothing slows
   * it.
   */
  static final Map<String, String> ENVIRONMENT =
      Map.of(
          "SLS_TELEMETRY_DISABLED",
          "1",
          "SLS_NOTIFICATIONS_MODE",
          "off",
          "SLS_DEPRECATION_DISABLE",
          "*");

  private ServerlessOffline() {}

  static Path directory(BenchOptions options) {
    return options.repo().resolve("bench/target/serverless-offline");
  }

  /** Why it cannot run here, or null when it can. */
  static String missing(BenchOptions options) {
    if (!options.peer()) {
      return "PEER=0";
    }
    if (!Files.isRegularFile(
            directory(options).resolve("node_modules/serverless/bin/serverless.js"))
        || !Files.isDirectory(directory(options).resolve("node_modules/serverless-offline"))) {
      return "not installed in bench/target/serverless-offline (bench/run installs it with npm; is npm on the PATH?)";
    }
    return null;
  }

  /**
   * Started in {@link #directory}; PORT and PORT2 (its Lambda invoke port) are replaced by free
   * ports.
   */
  static List<String> command(BenchOptions options) {
    return List.of(
        "node",
        directory(options).resolve("node_modules/serverless/bin/serverless.js").toString(),
        "offline",
        "start",
        "--host",
        "127.0.0.1",
        "--httpPort",
        "PORT",
        "--lambdaPort",
        "PORT2",
        "--noPrependStageInUrl");
  }
}
