package io.localsam.cli;

import io.localsam.error.LocalSamException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;

/**
 * {@code java -jar emulator.jar [start-api] [TEMPLATE] ...}: with no command, {@code start-api}
 * runs.
 */
public final class Main {
  private static final Set<String> TOP_LEVEL = Set.of("-h", "--help", "-V", "--version");

  private Main() {}

  public static void main(String[] args) {
    if (startsAServer(args)) {
      LoadAhead.start();
    }
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** {@code start-api} (named or not) and {@code start-lambda}; not the quick commands. */
  private static boolean startsAServer(String[] args) {
    if (args.length == 0) {
      return true;
    }
    String first = args[0];
    return first.equals("start-api")
        || first.equals("start-lambda")
        || !(LocalSamCommand.SUBCOMMANDS.containsKey(first) || TOP_LEVEL.contains(first));
  }

  /** Runs a command line and returns its exit code; output goes to the given writers. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, out, err, System.getenv());
  }

  /**
   * As {@link #run(String[], PrintWriter, PrintWriter)}, with {@code environment} as the shell's
   * variables.
   */
  static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> environment) {
    if (args.length == 1 && (args[0].equals("-V") || args[0].equals("--version"))) {
      out.println(
          LocalSamCommand.Version.line()); // without building picocli's model of every command
      out.flush();
      return 0;
    }
    List<String> arguments = new ArrayList<>(List.of(args));
    if (arguments.isEmpty()
        || (!LocalSamCommand.SUBCOMMANDS.containsKey(arguments.get(0))
            && !TOP_LEVEL.contains(arguments.get(0)))) {
      arguments.add(0, "start-api");
    }
    CommandLine commandLine = LocalSamCommand.commandLine(out, err, arguments.get(0));
    try {
      commandLine.setDefaultValueProvider(
          OptionDefaults.forArguments(commandLine, arguments, environment, err));
    } catch (LocalSamException e) {
      err.println("Error: " + e.getMessage());
      err.flush();
      return 1;
    }
    return commandLine.execute(arguments.toArray(String[]::new));
  }
}
