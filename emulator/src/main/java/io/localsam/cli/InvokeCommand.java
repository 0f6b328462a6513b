package io.localsam.cli;

import io.localsam.Emulator;
import io.localsam.EmulatorOptions;
import io.localsam.Invocation;
import io.localsam.LocalTemplate;
import io.localsam.error.LocalSamException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code invoke}: runs one function once with an event, like {@code sam local invoke}. The result
 * alone goes to stdout, as SAM prints it; logs go to stderr or the {@code --log-file}. A function
 * that throws or times out still exits 0, its error document on stdout; exit 1 is for what the user
 * must fix.
 */
@Command(
    name = "invoke",
    mixinStandardHelpOptions = true,
    description = {
      "Invoke a function once with an event and print its result, like sam local invoke.",
      "Example: java -jar emulator.jar generate-event s3 put | java -jar emulator.jar invoke ThumbnailFunction -e -"
    })
final class InvokeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "FUNCTION",
      description =
          "Logical id, FunctionName or ARN; may be left out when the template has one function.")
  String function;

  @Mixin TemplateFileOptions template;

  @Option(
      names = {"-e", "--event"},
      paramLabel = "FILE",
      description = "JSON event file, or - for stdin (default: an empty event, {}).")
  String event;

  @Option(names = "--no-event", description = "Invoke with an empty event, {} (the default).")
  boolean noEvent;

  @Option(
      names = {"-r", "--runtime"},
      paramLabel = "RUNTIME",
      description =
          "Run the function on this runtime instead of its own (java17, java21, provided.al2023, ...): in process"
              + " isolation, the JDK it starts with.")
  String runtimeOverride;

  @Option(names = "--tenant-id", paramLabel = "ID", hidden = true)
  String tenantId;

  @Option(names = "--durable-execution-name", paramLabel = "NAME", hidden = true)
  String durableExecutionName;

  @Mixin OutputOptions output;

  @Mixin IgnoredSamOptions ignored;

  @Mixin IsolationOptions isolation;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    output.begin(spec, ignored, err);
    if (tenantId != null) {
      err.println(
          "Note: --tenant-id has no effect: TenancyConfig is not emulated, so Context.getTenantId() is null.");
    }
    if (durableExecutionName != null) {
      err.println(
          "Note: --durable-execution-name has no effect: durable executions are not emulated.");
    }
    byte[] payload = readEvent();
    try (FunctionLog log = output.open(err)) {
      EmulatorOptions options =
          template
              .toOptions(null)
              .log(log.withMessagesTo(err))
              .isolation(isolation.toIsolation())
              .server(EmulatorOptions.Server.NONE)
              .watchTemplate(false)
              .build();
      output.debug(err, "Using SAM template at " + options.template().toAbsolutePath().normalize());
      LocalTemplate all = LocalTemplate.read(options);
      String functionId = functionId(all);
      // only the invoked function's code needs to be there, as in SAM CLI
      LocalTemplate only = withRuntime(all.only(List.of(functionId)));
      LocalTemplate.FunctionInfo definition = only.function(functionId);
      if (definition.inlineCode()) {
        throw new LocalSamException(
            "Inline code is not supported for sam local commands. Please write your code in a separate file.");
      }
      output.debug(
          err,
          "Function " + (function == null ? "(the only one)" : function) + " is " + functionId);
      try (Emulator emulator = Emulator.start(only)) {
        err.println("Invoking " + definition.handler() + " (" + definition.runtime() + ")");
        err.flush();
        Invocation result =
            emulator.invoke(functionId, new String(payload, StandardCharsets.UTF_8));
        String printed = PythonJson.compact(result.response().getBytes(StandardCharsets.UTF_8));
        String shown = printed != null ? printed : result.response();
        if (log.toFile()) {
          log.writeRaw(shown + System.lineSeparator()); // SAM CLI's stdout is the log file then
        } else {
          out.print(shown);
          out.flush();
        }
        err.println(); // SAM CLI ends the output with a newline on stderr, keeping stdout exactly
        // the result
      }
    }
    return 0;
  }

  /** The function on {@code --runtime}'s runtime, when given: one LocalSAM can run. */
  private LocalTemplate withRuntime(LocalTemplate only) {
    if (runtimeOverride == null) {
      return only;
    }
    if (!runtimeOverride.startsWith("java") && !runtimeOverride.startsWith("provided")) {
      throw new LocalSamException(
          "--runtime "
              + runtimeOverride
              + " cannot run here: LocalSAM runs Java functions (java17,"
              + " java21, ...) and custom runtimes (provided.al2023, provided.al2).");
    }
    return only.onRuntime(runtimeOverride);
  }

  private byte[] readEvent() {
    if (event == null || noEvent) {
      return "{}".getBytes(StandardCharsets.UTF_8);
    }
    try {
      return event.equals("-") ? System.in.readAllBytes() : Files.readAllBytes(Path.of(event));
    } catch (IOException e) {
      throw new LocalSamException(
          "Invalid value for '--event' / '-e': '"
              + event
              + "': "
              + (e instanceof NoSuchFileException ? "No such file or directory" : e.getMessage()));
    }
  }

  private String functionId(LocalTemplate template) {
    List<String> ids = template.functionIds();
    if (function == null) {
      if (ids.size() == 1) {
        return ids.get(0);
      }
      if (ids.isEmpty()) {
        throw new LocalSamException("Template does not have any functions to invoke");
      }
      throw new LocalSamException(
          "You must provide a function logical ID when there are more than one functions "
              + "in your template. Possible options in your template: "
              + pythonList(ids));
    }
    return template
        .functionId(function)
        .orElseThrow(
            () ->
                new LocalSamException(
                    "Function "
                        + function
                        + " not found in template. Possible options in your template: "
                        + pythonList(ids)));
  }

  /** SAM CLI prints the list as Python does: ['A', 'B']. */
  private static String pythonList(List<String> ids) {
    return ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(", ", "[", "]"));
  }
}
