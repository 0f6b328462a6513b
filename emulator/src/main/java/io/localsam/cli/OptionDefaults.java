package io.localsam.cli;

import io.localsam.config.SamConfig;
import io.localsam.error.LocalSamException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * The defaults of options not given on the command line, as SAM CLI (click) finds them: the
 * environment variables SAM reads for some options, then a samconfig file, then, for {@code
 * --region}, the AWS environment and config file ({@link AwsRegion}). The samconfig file ({@link
 * SamConfig}) is found as SAM CLI finds it: in the folder of the template given on the command line
 * (else the working directory), the first of {@code samconfig.toml}, {@code .yaml}, {@code .yml};
 * {@code --config-file} and {@code --config-env} choose another file or environment. The keys are
 * the long option names in snake case ({@code port}, {@code env_vars}, {@code parameter_overrides},
 * ...). picocli asks for a default only for options not given, so a flag on the command line wins
 * over the file's value, as a click default does in SAM CLI. The environment variables ({@link
 * #VARIABLES}) come before the file, as click reads an {@code envvar} before its default map.
 */
final class OptionDefaults implements IDefaultValueProvider {
  /** The samconfig section of each command, as SAM CLI names them. */
  static final Map<String, String> SECTIONS =
      Map.of(
          "start-api",
          "local_start_api",
          "invoke",
          "local_invoke",
          "start-lambda",
          "local_start_lambda");

  // these choose the file itself
  private static final Set<String> NOT_OPTIONS = Set.of("config_file", "config_env");
  private static final Set<String> TEMPLATE_KEYS = Set.of("template", "template_file");

  /** The options SAM CLI also takes from an environment variable. */
  static final Map<String, String> VARIABLES =
      Map.of("--template-file", "SAM_TEMPLATE_FILE", "--debug", "SAM_DEBUG");

  private static final IDefaultValueProvider NONE = arg -> null;

  private final Path file; // null when no samconfig file is read
  private final String table;
  private final Map<String, String> values;
  private final boolean templateGiven;
  private final Map<String, String> environment;
  private final String profile;

  private OptionDefaults(
      Path file,
      String table,
      Map<String, String> values,
      boolean templateGiven,
      Map<String, String> environment,
      String profile) {
    this.file = file;
    this.table = table;
    this.values = values;
    this.templateGiven = templateGiven;
    this.environment = environment;
    this.profile = profile;
  }

  /**
   * The defaults for the command that {@code arguments} run, or none when that command reads no
   * samconfig or no file is there; a {@code --config-file} that is not there is a warning on {@code
   * err}, and the command goes on without defaults, as SAM CLI's does.
   *
   * @throws LocalSamException when the file is not valid
   */
  static IDefaultValueProvider forArguments(
      CommandLine commandLine,
      List<String> arguments,
      Map<String, String> environment,
      PrintWriter err) {
    if (arguments.isEmpty() || !OptionDefaults.SECTIONS.containsKey(arguments.get(0))) {
      return NONE; // -V, --help, routes, generate-event: no samconfig section, no need to parse
      // twice
    }
    ParseResult parsed;
    try {
      // the command line that runs next parses again (picocli resets it), now with these defaults
      parsed = commandLine.parseArgs(arguments.toArray(String[]::new));
    } catch (CommandLine.ParameterException e) {
      return NONE; // the real run reports it
    }
    while (parsed.hasSubcommand()) {
      parsed = parsed.subcommand();
    }
    String section = SECTIONS.get(parsed.commandSpec().name());
    if (section == null || parsed.isUsageHelpRequested()) {
      return NONE;
    }
    Path template = parsed.matchedOptionValue("--template", (Path) null);
    for (PositionalParamSpec positional : parsed.matchedPositionals()) {
      if (TemplateOptions.TEMPLATE_LABEL.equals(positional.paramLabel())) {
        template = positional.getValue();
      }
    }
    boolean templateGiven = template != null;
    String fromEnvironment = environment.get(VARIABLES.get("--template-file"));
    if (template == null && fromEnvironment != null && !fromEnvironment.isBlank()) {
      template = Path.of(fromEnvironment); // its folder holds the samconfig file, as a -t's would
    }
    Path folder =
        template == null ? Path.of("") : Files.isDirectory(template) ? template : parent(template);
    String name = parsed.matchedOptionValue("--config-file", (String) null);
    String env = parsed.matchedOptionValue("--config-env", SamConfig.DEFAULT_ENV);
    String profile = parsed.matchedOptionValue("--profile", (String) null);
    Path file;
    if (name == null) {
      file = SamConfig.find(folder).orElse(null);
    } else {
      file = folder.resolve(name);
      if (!Files.isRegularFile(file)) {
        err.println(
            "Warning: config file "
                + name
                + " ("
                + file.toAbsolutePath().normalize()
                + ") does not exist;"
                + " no option defaults are read from it.");
        file = null;
      }
    }
    if (file == null) {
      return new OptionDefaults(null, null, Map.of(), templateGiven, environment, profile);
    }
    file = file.toAbsolutePath().normalize();
    Map<String, String> values = SamConfig.read(file).parameters(env, section);
    return new OptionDefaults(
        file, env + "." + section + ".parameters", values, templateGiven, environment, profile);
  }

  private static Path parent(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    return parent == null ? Path.of("") : parent;
  }

  @Override
  public String defaultValue(ArgSpec arg) {
    if (!(arg instanceof OptionSpec option) || option.usageHelp() || option.versionHelp()) {
      return null;
    }
    // longest name first: template_file wins over template, as in SAM CLI
    String[] names = option.names().clone();
    Arrays.sort(names, Comparator.comparingInt(String::length).reversed());
    for (String name : names) {
      String variable = VARIABLES.get(name);
      String value = variable == null ? null : environment.get(variable);
      if (value != null && !value.isBlank() && !(templateGiven && name.equals("--template-file"))) {
        return name.equals(OutputOptions.DEBUG)
            ? Boolean.toString(value.equalsIgnoreCase("true"))
            : value;
      }
    }
    for (String name : names) {
      if (!name.startsWith("--")) {
        continue;
      }
      String key = name.substring(2).replace('-', '_');
      if (NOT_OPTIONS.contains(key) || (templateGiven && TEMPLATE_KEYS.contains(key))) {
        continue;
      }
      String value = values.get(key);
      if (value != null) {
        return value;
      }
    }
    if (option
        .longestName()
        .equals(
            "--region")) { // after the file, as boto3's session region comes after click's default
      // map
      return AwsRegion.find(environment, profile).orElse(null);
    }
    return null;
  }

  /** For {@code --debug}: which file and table were read, and what they set. */
  String describe() {
    return file == null
        ? "No config file"
        : "Config file " + file + ", [" + table + "]: " + (values.isEmpty() ? "no values" : values);
  }
}
