package io.localsam.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code -h/--help} and {@code -V/--version} for the built (not annotated) commands: what picocli's
 * {@code mixinStandardHelpOptions} adds, without the reflection it costs per command, since every
 * run of the jar builds all of generate-event's hundred commands.
 */
final class HelpOptions {
  private HelpOptions() {}

  static void addTo(CommandSpec spec) {
    spec.addOption(
        OptionSpec.builder("-h", "--help")
            .usageHelp(true)
            .description("Show this help message and exit.")
            .build());
    spec.addOption(
        OptionSpec.builder("-V", "--version")
            .versionHelp(true)
            .description("Print version information and exit.")
            .build());
  }
}
