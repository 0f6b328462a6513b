package io.localsam.cli;

import io.localsam.Emulator;
import io.localsam.EmulatorOptions;
import io.localsam.config.ConsoleMode;
import io.localsam.error.LocalSamException;
import io.localsam.fault.FaultSpec;
import io.localsam.server.Tls;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code start-api}: serves the template's APIs until Ctrl-C or SIGTERM, like {@code sam local
 * start-api}.
 */
@Command(
    name = "start-api",
    mixinStandardHelpOptions = true,
    description =
        "Serve every API route of the template on a local gateway, running each Java function in-process"
            + " (or, with --isolation process, in a JVM of its own).")
final class StartApiCommand implements Callable<Integer> {
  /**
   * SAM CLI's sentence, word for word: scripts wait for it. Code changes are picked up here too
   * (hot reload).
   */
  static final String BROWSE =
      "You can now browse to the above endpoints to invoke your functions. You do not need to"
          + " restart/reload SAM CLI while working on your functions, changes will be reflected instantly/automatically. If you"
          + " used sam build before running local commands, you will need to re-run sam build for the changes to be picked up."
          + " You only need to restart SAM CLI if you update your AWS SAM template";

  @Spec CommandSpec spec;

  @Mixin TemplateOptions template;

  @Option(
      names = {"-p", "--port"},
      paramLabel = "PORT",
      defaultValue = "3000",
      description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Mixin ServerOptions server;

  @Option(
      names = {"-s", "--static-dir"},
      paramLabel = "DIR",
      description =
          "Folder served at / for GET and HEAD requests no route takes (default: public beside the template, when it exists).")
  Path staticDir;

  @Mixin OutputOptions output;

  @Mixin IgnoredSamOptions ignored;

  @Mixin IsolationOptions isolation;

  @Mixin FaultOptions faults;

  @Option(
      names = "--disable-authorizer",
      description = "Run routes without their authorizers (Lambda, JWT, Cognito, IAM).")
  boolean disableAuthorizer;

  @Option(
      names = "--jwks",
      paramLabel = "FILE|URL",
      description =
          "A JSON Web Key Set that JWT and Cognito authorizers check token signatures with (repeatable)."
              + " Without one, tokens are decoded without checking signatures.")
  List<String> jwks = new ArrayList<>();

  @Option(
      names = "--api-key",
      paramLabel = "VALUE",
      description =
          "An API key accepted on methods with ApiKeyRequired, besides the template's ApiKey values (repeatable).")
  List<String> apiKeys = new ArrayList<>();

  @Option(
      names = "--ssl-cert-file",
      paramLabel = "PATH",
      description = "A PEM certificate (chain) to serve HTTPS with; goes with --ssl-key-file.")
  Path sslCertFile;

  @Option(
      names = "--ssl-key-file",
      paramLabel = "PATH",
      description =
          "The certificate's private key, an unencrypted PEM file; goes with --ssl-cert-file.")
  Path sslKeyFile;

  @Option(
      names = "--console",
      description =
          "Serve the web console and admin API (/__localsam/) even when bound to an address other than loopback.")
  boolean console;

  @Option(
      names = "--no-console",
      description = "Serve no web console or admin API (/__localsam/ then answers 404).")
  boolean noConsole;

  /**
   * {@code http://127.0.0.1:3000}: the base URL without its trailing slash, as Flask prints it for
   * SAM CLI.
   */
  static String origin(URI base) {
    String url = base.toString();
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /**
   * Says why the console is off when the address is not loopback, or warns that --console opens it
   * to others.
   */
  private void consoleNote(EmulatorOptions options, PrintWriter err) {
    if (ConsoleMode.LOOPBACK.servesOn(options.host())) {
      return;
    }
    if (options.console() == ConsoleMode.ON) {
      err.println(
          "Warning: --console serves the web console and admin API on "
              + options.host()
              + ": whoever reaches"
              + " the port can read every request and response, replay them and mint tokens.");
    } else if (options.console() == ConsoleMode.LOOPBACK) {
      err.println(
          "Note: the web console and admin API are off on "
              + options.host()
              + " (not a loopback address); --console"
              + " serves them there.");
    }
    err.flush();
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    if ((sslCertFile == null) != (sslKeyFile == null)) {
      throw new ParameterException(
          spec.commandLine(),
          "--ssl-cert-file and --ssl-key-file go together: pass both, or neither.");
    }
    List<FaultSpec> faultSpecs = faults.parse(spec);
    if (console && noConsole) {
      throw new ParameterException(
          spec.commandLine(),
          "--console and --no-console contradict each other: pass one of them.");
    }
    output.begin(spec, ignored, err);
    try (FunctionLog log = output.open(err)) {
      EmulatorOptions options =
          server
              .watching(template.toOptions())
              .port(port)
              .host(server.host)
              .staticDir(staticDir)
              .log(log.withMessagesTo(err))
              .disableAuthorizer(disableAuthorizer)
              .jwks(jwks)
              .apiKeys(apiKeys)
              .isolation(isolation.toIsolation())
              .tls(sslCertFile == null ? null : new Tls(sslCertFile, sslKeyFile))
              .console(
                  console ? ConsoleMode.ON : noConsole ? ConsoleMode.OFF : ConsoleMode.LOOPBACK)
              .build();
      output.debug(err, "Using SAM template at " + options.template().toAbsolutePath().normalize());
      server.warnIfExposed(err);
      server.noteIfNotWatching(err);
      Emulator emulator = Emulator.start(options);
      if (emulator.routes().isEmpty() && !emulator.servesWebSockets()) {
        emulator.close();
        throw new LocalSamException(
            "Template does not have any APIs connected to Lambda functions");
      }
      try {
        FaultOptions.apply(faultSpecs, emulator.faults());
      } catch (LocalSamException e) {
        emulator.close();
        throw e;
      }
      if (server.eager()) {
        emulator.warmUp();
      }
      StopSignal stop = StopSignal.install();
      err.println(BROWSE);
      err.println(" * Running on " + origin(emulator.baseUri()) + " (Press CTRL+C to quit)");
      if (emulator.consoleUri() != null) {
        err.println(" * Web console and admin API: " + emulator.consoleUri());
      }
      consoleNote(options, err);
      err.flush();
      stop.await();
      output.debug(
          err,
          "Stopping: waiting up to " + StopSignal.GRACE.toSeconds() + " s for requests in flight");
      emulator.shutdown(StopSignal.GRACE);
      stop.stopped();
    }
    return 0;
  }
}
