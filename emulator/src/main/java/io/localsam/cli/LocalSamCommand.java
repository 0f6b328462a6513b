package io.localsam.cli;

import io.localsam.error.LocalSamException;
import io.localsam.host.BuildInfo;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParseResult;

/** The top-level command; each subcommand is its own class. */
@Command(
    name = "emulator.jar",
    mixinStandardHelpOptions = true,
    versionProvider = LocalSamCommand.Version.class,
    description = {
        "LocalSAM: run a SAM template's Java functions and APIs locally, in-process, without Docker.",
        "With no command, start-api runs."
    },
    subcommands = {
        StartApiCommand.class,
        InvokeCommand.class,
        StartLambdaCommand.class,
        GenerateEventCommand.class,
        RoutesCommand.class,
        CommandLine.HelpCommand.class,
    })
final class LocalSamCommand {

  static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new LocalSamCommand());
    // before the settings below, which reach only the subcommands already there
    GenerateEventCommand.addEvents(commandLine.getSubcommands().get("generate-event"));
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setCaseInsensitiveEnumValuesAllowed(true); // --warm-containers eager, as SAM CLI accepts it
    commandLine.setOverwrittenOptionsAllowed(true); // -p 3000 ... -p 3001: the last wins, as click keeps it
    versionEverywhere(commandLine);
    commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
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
      return new String[] {"LocalSAM " + BuildInfo.version()};
    }
  }
}
