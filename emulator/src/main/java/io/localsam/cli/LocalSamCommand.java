package io.localsam.cli;

import io.localsam.error.LocalSamException;
import io.localsam.host.BuildInfo;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParseResult;

/**
 * The top-level command; each subcommand is its own class. Subcommands are added when the command
 * line names them (all of them for the top level's help), as picocli builds a command's model by
 * reflection: building all of them, with generate-event's hundred-odd event commands, doubled
 * {@code -V}'s time.
 */
@Command(
    name = "emulator.jar",
    mixinStandardHelpOptions = true,
    versionProvider = LocalSamCommand.Version.class,
    description = {
      "LocalSAM: run a SAM template's Java functions and APIs locally, in-process, without Docker.",
      "With no command, start-api runs."
    },
    subcommands = {})
final class LocalSamCommand {
  /** The subcommands, in the order the help lists them. */
  static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

  private static Map<String, Supplier<Object>> subcommands() {
    Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
    commands.put("start-api", StartApiCommand::new);
    commands.put("invoke", InvokeCommand::new);
    commands.put("start-lambda", StartLambdaCommand::new);
    commands.put("generate-event", GenerateEventCommand::new);
    commands.put("routes", RoutesCommand::new);
    commands.put("help", CommandLine.HelpCommand::new);
    return commands;
  }

  /** The whole command tree. */
  static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    return commandLine(out, err, null);
  }

  /**
   * The command tree for a command line whose first argument is {@code first}: only that subcommand
   * when it names one other than {@code help}, all of them otherwise.
   */
  static CommandLine commandLine(PrintWriter out, PrintWriter err, String first) {
    CommandLine commandLine = new CommandLine(new LocalSamCommand());
    boolean one = first != null && SUBCOMMANDS.containsKey(first) && !first.equals("help");
    SUBCOMMANDS.forEach(
        (name, command) -> {
          if (!one || name.equals(first)) {
            commandLine.addSubcommand(name, command.get());
          }
        });
    // before the settings below, which reach only the subcommands already there
    CommandLine generateEvent = commandLine.getSubcommands().get("generate-event");
    if (generateEvent != null
        && (first == null || !first.startsWith("-"))) { // the top level's -h lists no events
      GenerateEventCommand.addEvents(generateEvent);
    }
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setCaseInsensitiveEnumValuesAllowed(
        true); // --warm-containers eager, as SAM CLI accepts it
    commandLine.setOverwrittenOptionsAllowed(
        true); // -p 3000 ... -p 3001: the last wins, as click keeps it
    versionEverywhere(commandLine);
    commandLine.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          if (e instanceof LocalSamException) {
            cmd.getErr().println("Error: " + e.getMessage());
            if (debugging(parsed)) {
              e.printStackTrace(cmd.getErr());
            }
            return 1;
          }
          throw e;
        });
    return commandLine;
  }

  /** {@code -V} prints the version at every level, not only at the top. */
  private static void versionEverywhere(CommandLine commandLine) {
    commandLine.getCommandSpec().versionProvider(new Version());
    commandLine.getSubcommands().values().forEach(LocalSamCommand::versionEverywhere);
  }

  private static boolean debugging(ParseResult parsed) {
    for (ParseResult command = parsed; command != null; command = command.subcommand()) {
      if (command.hasMatchedOption(OutputOptions.DEBUG)) {
        return true;
      }
    }
    return false;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {line()};
    }

    static String line() {
      return "LocalSAM " + BuildInfo.version();
    }
  }
}
