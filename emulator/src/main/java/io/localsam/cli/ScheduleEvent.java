package io.localsam.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code generate-event schedule}: the event an EventBridge rule sends for a {@code Schedule} function event. */
@Command(name = "schedule", mixinStandardHelpOptions = true,
    description = "Generates a scheduled event (EventBridge rule), as for a Schedule event of a function.")
final class ScheduleEvent implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--account-id", defaultValue = SampleEvent.ACCOUNT, description = "Account id (default: ${DEFAULT-VALUE}).")
  String account;

  @Option(names = "--partition", defaultValue = SampleEvent.PARTITION, description = "Partition (default: ${DEFAULT-VALUE}).")
  String partition;

  @Option(names = "--region", defaultValue = SampleEvent.REGION, description = "Region (default: ${DEFAULT-VALUE}).")
  String region;

  @Option(names = "--rule", defaultValue = "ExampleRule", description = "Rule name (default: ${DEFAULT-VALUE}).")
  String rule;

  @Override
  public Integer call() {
    return SampleEvent.print(spec, EventBridgeEvents.scheduled(account, partition, region, rule));
  }
}
