package io.localsam.maven;

import io.localsam.Emulator;
import io.localsam.EmulatorOptions;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The options of the goals that serve: host, warm containers, static files, watching, authorizers.
 */
abstract class ServerMojo extends LocalSamMojo {
  /** The address to bind, as {@code --host}. */
  @Parameter(property = "localsam.host", defaultValue = EmulatorOptions.DEFAULT_HOST)
  String host;

  /**
   * {@code EAGER} initialises every function at start-up, {@code LAZY} (what happens anyway) on
   * first use.
   */
  @Parameter(property = "localsam.warmContainers", defaultValue = "LAZY")
  String warmContainers;

  /**
   * A folder served at / for requests no route takes, as {@code --static-dir}; default: public
   * beside the template.
   */
  @Parameter(property = "localsam.staticDir")
  File staticDir;

  /**
   * Off: neither the template nor the functions' code is watched, as {@code --no-watch} (live
   * coding off too).
   */
  @Parameter(property = "localsam.watch", defaultValue = "true")
  boolean watch;

  /** Runs routes without their authorizers, as {@code --disable-authorizer}. */
  @Parameter(property = "localsam.disableAuthorizer", defaultValue = "false")
  boolean disableAuthorizer;

  boolean eager() throws MojoFailureException {
    return switch (warmContainers.trim().toUpperCase(Locale.ROOT)) {
      case "EAGER" -> true;
      case "LAZY" -> false;
      default ->
          throw new MojoFailureException(
              "localsam.warmContainers: expected EAGER or LAZY, not '" + warmContainers + "'");
    };
  }

  /** Starts the template's APIs with this goal's options; {@code port} 0 picks a free one. */
  Emulator startEmulator(Path template, int port) throws MojoFailureException {
    EmulatorOptions options =
        EmulatorOptions.builder(template)
            .host(host)
            .port(port)
            .parameterOverrides(overrides())
            .envVars(envVars == null ? null : envVars.toPath())
            .region(region)
            .staticDir(staticDir == null ? null : staticDir.toPath())
            .isolation(toIsolation())
            .disableAuthorizer(disableAuthorizer)
            .watchTemplate(watch)
            .watchCode(watch)
            .log(log())
            .build();
    boolean eager = eager();
    Emulator emulator = Emulator.start(options);
    if (eager) {
      emulator.warmUp();
    }
    return emulator;
  }

  @Override
  List<String> commandLineOptions(Path template) throws MojoFailureException {
    List<String> args = super.commandLineOptions(template);
    args.addAll(List.of("--host", host, "--warm-containers", eager() ? "EAGER" : "LAZY"));
    if (!watch) {
      args.add("--no-watch");
    }
    return args;
  }
}
