package io.localsam.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code generate-event SERVICE TYPE [--option TEXT ...]}: one event type of the catalog as a
 * command, its options those of {@link SampleEventCatalog}, printed as SAM CLI prints events. Built
 * as a picocli spec, not an annotated class, because the catalog is a table.
 */
final class SampleEventCommand implements Callable<Integer> {
  private final SampleEventCatalog.EventType type;
  private final CommandSpec spec;

  private SampleEventCommand(SampleEventCatalog.EventType type) {
    this.type = type;
    this.spec = CommandSpec.wrapWithoutInspection(this);
  }

  /**
   * The command of {@code type}, with SAM's options in SAM's order, then {@code --debug} and the
   * help options.
   */
  static CommandSpec of(SampleEventCatalog.EventType type) {
    CommandSpec spec = new SampleEventCommand(type).spec;
    spec.name(type.name());
    spec.usageMessage().description(type.help()).sortOptions(false).sortSynopsis(false);
    for (SampleEventCatalog.Option option : type.options()) {
      spec.addOption(
          OptionSpec.builder(names(option))
              .paramLabel("TEXT")
              .type(String.class)
              .defaultValue(option.defaultValue())
              .description(option.help())
              .build());
    }
    spec.addOption(
        OptionSpec.builder(OutputOptions.DEBUG)
            .description("Print a stack trace with errors.")
            .type(boolean.class)
            .arity("0")
            .build());
    HelpOptions.addTo(spec);
    return spec;
  }

  @Override
  public Integer call() {
    Map<String, String> values = new LinkedHashMap<>();
    for (SampleEventCatalog.Option option : type.options()) {
      values.put(option.name(), spec.findOption("--" + option.name()).getValue());
    }
    JsonNode event = SampleEventTemplate.render(type.template(), values);
    PrintWriter out = spec.commandLine().getOut();
    out.println(PythonJson.indented(event)); // and a newline, as click.echo ends SAM's
    out.flush();
    return 0;
  }

  private static String[] names(SampleEventCatalog.Option option) {
    String[] names = new String[1 + option.aliases().size()];
    names[0] = "--" + option.name();
    for (int i = 0; i < option.aliases().size(); i++) {
      names[i + 1] = "--" + option.aliases().get(i);
    }
    return names;
  }
}
