package io.localsam.cli;

import io.localsam.LocalSamException;
import io.localsam.runtime.BuildInfo;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command; each subcommand is its own class. */
@Command(
    name = "emulator.jar",
    mixinStandardHelpOptions = true,
    versionProvider = LocalSamCommand.Version.class,
    description = {
        "LocalSAM: run a SAM template's Java functions and APIs locally, in-process, without Docker.",
        "With no command, start-api runs."
    },
    subcommands = {StartApiCommand.class, RoutesCommand.class, CommandLine.HelpCommand.class})
final class LocalSamCommand {

  static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new LocalSamCommand());
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
      if (e instanceof LocalSamException) {
        cmd.getErr().println("Error: " + e.getMessage());
        return 1;
      }
      throw e;
    });
    return commandLine;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"LocalSAM " + BuildInfo.version()};
    }
  }
}
