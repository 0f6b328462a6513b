package io.localsam.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code --debug} and {@code -l/--log-file}, as SAM CLI's commands that run functions have them.
 */
final class OutputOptions {
  static final String DEBUG = "--debug";
  private static final DateTimeFormatter SAM_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");

  @Option(
      names = DEBUG,
      description = "Print LocalSAM's own detailed messages, and a stack trace with errors.")
  boolean debug;

  @Option(
      names = {"-l", "--log-file"},
      paramLabel = "FILE",
      description =
          "Append function logs (START/END/REPORT and what functions print) to FILE instead of stderr.")
  Path logFile;

  /**
   * What a command says before it runs: the SAM flags it ignores, and under --debug where its
   * defaults came from.
   */
  void begin(CommandSpec spec, IgnoredSamOptions ignored, PrintWriter err) {
    ignored.warn(spec.commandLine().getParseResult(), err);
    if (spec.commandLine().getDefaultValueProvider() instanceof OptionDefaults config) {
      debug(err, config.describe());
    }
  }

  /** Where function logs go for the life of a command; close it when the command ends. */
  FunctionLog open(PrintWriter err) {
    return FunctionLog.open(logFile, err);
  }

  /** A {@code --debug} line, in SAM CLI's {@code time | message} form. */
  void debug(PrintWriter err, String message) {
    if (debug) {
      err.println(LocalDateTime.now().format(SAM_TIME) + " | " + message);
    }
  }
}
