package io.localsam.cli;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code generate-event SERVICE EVENT [options]}: prints a sample event of an AWS service, shaped
 * as the service sends it, like {@code sam local generate-event}; pipe it into {@code invoke -e -}.
 * The services and event types are the rows of {@link SampleEventCatalog}.
 */
@Command(
    name = "generate-event",
    mixinStandardHelpOptions = true,
    description = {
      "Print a sample event of an AWS service, to pipe into invoke.",
      "Example: java -jar emulator.jar generate-event sqs receive-message --body hi | java -jar emulator.jar invoke Worker -e -"
    })
final class GenerateEventCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  /** Run on its own, it lists the services. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  /**
   * Adds every service (and {@code schedule}) to the {@code generate-event} command, sorted by name
   * as SAM lists them.
   */
  static void addEvents(CommandLine generateEvent) {
    List<CommandSpec> commands =
        Stream.concat(
                SampleEventCatalog.SERVICES.stream().map(GenerateEventCommand::service),
                Stream.of(SampleEventCommand.of(SampleEventCatalog.SCHEDULE)))
            .sorted(Comparator.comparing(CommandSpec::name))
            .toList();
    commands.forEach(command -> generateEvent.addSubcommand(command.name(), command));
  }

  private static CommandSpec service(SampleEventCatalog.Service service) {
    CommandSpec group = ServiceCommand.of(service);
    service.types().stream()
        .sorted(Comparator.comparing(SampleEventCatalog.EventType::name))
        .forEach(type -> group.addSubcommand(type.name(), SampleEventCommand.of(type)));
    return group;
  }
}
