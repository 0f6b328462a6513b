package io.localsam.cli;

import io.localsam.Emulator;
import io.localsam.EmulatorOptions;
import io.localsam.LocalTemplate;
import io.localsam.fault.FaultSpec;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code start-lambda}: serves Lambda's Invoke API for the template's functions until Ctrl-C or
 * SIGTERM, like {@code sam local start-lambda}, so that the AWS SDKs and CLI can invoke them with
 * an endpoint override.
 */
@Command(
    name = "start-lambda",
    mixinStandardHelpOptions = true,
    description = {
      "Serve Lambda's Invoke API (POST /2015-03-31/functions/{name}/invocations) for the template's functions.",
      "Example: aws lambda invoke --endpoint-url http://127.0.0.1:3001 --function-name HelloFunction out.json"
    })
final class StartLambdaCommand implements Callable<Integer> {
  static final String STARTED =
      "Starting the Local Lambda Service. You can now invoke your Lambda Functions defined in "
          + "your template through the endpoint.";

  @Spec CommandSpec spec;

  @Parameters(
      arity = "0..*",
      paramLabel = "FUNCTION",
      description =
          "Serve only these functions (logical ids or FunctionNames), as SAM CLI 1.147+ does; default: all.")
  List<String> only = new ArrayList<>();

  @Mixin TemplateFileOptions template;

  @Option(
      names = {"-p", "--port"},
      paramLabel = "PORT",
      defaultValue = "3001",
      description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Mixin ServerOptions server;

  @Mixin OutputOptions output;

  @Mixin IgnoredSamOptions ignored;

  @Mixin IsolationOptions isolation;

  @Mixin FaultOptions faults;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    List<FaultSpec> faultSpecs = faults.parse(spec);
    output.begin(spec, ignored, err);
    try (FunctionLog log = output.open(err)) {
      EmulatorOptions options =
          server
              .watching(template.toOptions(null))
              .port(port)
              .host(server.host)
              .log(log.withMessagesTo(err))
              .isolation(isolation.toIsolation())
              .server(EmulatorOptions.Server.LAMBDA)
              .build();
      output.debug(err, "Using SAM template at " + options.template().toAbsolutePath().normalize());
      server.warnIfExposed(err);
      server.noteIfNotWatching(err);
      LocalTemplate functions = LocalTemplate.read(options);
      try (Emulator emulator = Emulator.start(only.isEmpty() ? functions : functions.only(only))) {
        FaultOptions.apply(faultSpecs, emulator.faults());
        if (server.eager()) {
          emulator.warmUp();
        }
        StopSignal stop = StopSignal.install();
        err.println(STARTED);
        err.println(
            " * Running on "
                + StartApiCommand.origin(emulator.baseUri())
                + " (Press CTRL+C to quit)");
        err.flush();
        stop.await();
        output.debug(
            err,
            "Stopping: waiting up to "
                + StopSignal.GRACE.toSeconds()
                + " s for invocations in flight");
        emulator.shutdown(StopSignal.GRACE);
        stop.stopped();
      }
    }
    return 0;
  }
}
