package io.localsam.cli;

import io.localsam.EmulatorOptions;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** {@code --host} and {@code --warm-containers}, as SAM CLI's two server commands have them. */
final class ServerOptions {
  @Option(
      names = "--host",
      paramLabel = "HOST",
      defaultValue = EmulatorOptions.DEFAULT_HOST,
      description = "Address to bind (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--warm-containers",
      paramLabel = "EAGER|LAZY",
      description =
          "EAGER initialises every function at start-up; LAZY (what happens anyway) on first use. "
              + "Execution environments are always reused, as in Lambda.")
  WarmContainers warmContainers;

  @Option(
      names = "--no-watch",
      description =
          "Do not watch the template or the functions' code: edits and rebuilds are picked up only by a restart.")
  boolean noWatch;

  /** The options' watching as the flags say: both kinds on unless {@code --no-watch}. */
  EmulatorOptions.Builder watching(EmulatorOptions.Builder options) {
    return options.watchTemplate(!noWatch).watchCode(!noWatch);
  }

  boolean eager() {
    return warmContainers == WarmContainers.EAGER;
  }

  /** Said at start-up, so nobody waits for an edit to show. */
  void noteIfNotWatching(PrintWriter err) {
    if (noWatch) {
      err.println(
          "Note: --no-watch: edits to the template and rebuilt code are picked up only by a restart.");
    }
  }

  /**
   * Binding every interface exposes the functions to the network: said before the server starts.
   */
  void warnIfExposed(PrintWriter err) {
    if (host.equals("0.0.0.0") || host.equals("::")) {
      err.println(
          "Warning: binding to all interfaces ("
              + host
              + "): anyone on your network can call your functions.");
    }
  }
}
