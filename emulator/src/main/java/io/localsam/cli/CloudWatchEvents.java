package io.localsam.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code generate-event cloudwatch scheduled-event}: SAM CLI's name for the schedule event. */
@Command(name = "cloudwatch", mixinStandardHelpOptions = true, description = "Amazon CloudWatch Events events.")
final class CloudWatchEvents extends EventGroup {
  @Command(name = "scheduled-event", description = "Generates an Amazon CloudWatch Events Scheduled Event.")
  int scheduledEvent(
      @Option(names = "--account-id", defaultValue = SampleEvent.ACCOUNT, description = "Account id (default: ${DEFAULT-VALUE}).") String account,
      @Option(names = "--partition", defaultValue = SampleEvent.PARTITION, description = "Partition (default: ${DEFAULT-VALUE}).") String partition,
      @Option(names = "--region", defaultValue = SampleEvent.REGION, description = "Region (default: ${DEFAULT-VALUE}).") String region,
      @Option(names = "--rule", defaultValue = "ExampleRule", description = "Rule name (default: ${DEFAULT-VALUE}).") String rule) {
    return SampleEvent.print(spec, EventBridgeEvents.scheduled(account, partition, region, rule));
  }
}
