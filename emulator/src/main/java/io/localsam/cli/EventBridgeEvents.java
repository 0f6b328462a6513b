package io.localsam.cli;

import static io.localsam.cli.SampleEvent.array;
import static io.localsam.cli.SampleEvent.object;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.localsam.LocalSamException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code generate-event eventbridge event|scheduled-event}: events as an EventBridge rule delivers them. */
@Command(name = "eventbridge", mixinStandardHelpOptions = true, description = "Amazon EventBridge events.")
final class EventBridgeEvents extends EventGroup {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Command(name = "event", description = "Generates an Amazon EventBridge Event, as a rule delivers it.")
  int event(
      @Option(names = "--account-id", defaultValue = SampleEvent.ACCOUNT, description = "Account id (default: ${DEFAULT-VALUE}).") String account,
      @Option(names = "--region", defaultValue = SampleEvent.REGION, description = "Region (default: ${DEFAULT-VALUE}).") String region,
      @Option(names = "--source", defaultValue = "com.example.orders", description = "Event source (default: ${DEFAULT-VALUE}).") String source,
      @Option(names = "--detail-type", defaultValue = "Order Placed", description = "Detail type (default: ${DEFAULT-VALUE}).") String detailType,
      @Option(names = "--detail", defaultValue = "{\"orderId\":\"1234\",\"amount\":42}", description = "Detail, a JSON object (default: ${DEFAULT-VALUE}).") String detail) {
    ObjectNode event = object()
        .put("version", "0")
        .put("id", "6a7e8feb-b491-4cf7-a9f1-bf3703467718")
        .put("detail-type", detailType)
        .put("source", source)
        .put("account", account)
        .put("time", "1970-01-01T00:00:00Z")
        .put("region", region);
    event.set("resources", array());
    event.set("detail", detail(detail));
    return SampleEvent.print(spec, event);
  }

  @Command(name = "scheduled-event", description = "Generates an Amazon EventBridge Scheduled Event.")
  int scheduledEvent(
      @Option(names = "--account-id", defaultValue = SampleEvent.ACCOUNT, description = "Account id (default: ${DEFAULT-VALUE}).") String account,
      @Option(names = "--partition", defaultValue = SampleEvent.PARTITION, description = "Partition (default: ${DEFAULT-VALUE}).") String partition,
      @Option(names = "--region", defaultValue = SampleEvent.REGION, description = "Region (default: ${DEFAULT-VALUE}).") String region,
      @Option(names = "--rule", defaultValue = "ExampleRule", description = "Rule name (default: ${DEFAULT-VALUE}).") String rule) {
    return SampleEvent.print(spec, scheduled(account, partition, region, rule));
  }

  /** A schedule's event; SAM CLI's sample lacks {@code version}, which EventBridge sends as "0". */
  static ObjectNode scheduled(String account, String partition, String region, String rule) {
    ObjectNode event = object()
        .put("version", "0")
        .put("id", "cdc73f9d-aea9-11e3-9d5a-835b769c0d9c")
        .put("detail-type", "Scheduled Event")
        .put("source", "aws.events")
        .put("account", account)
        .put("time", "1970-01-01T00:00:00Z")
        .put("region", region);
    event.set("resources", array(SampleEvent.arn(partition, "events", region, account, "rule/" + rule)));
    event.set("detail", object());
    return event;
  }

  private static JsonNode detail(String text) {
    try {
      JsonNode detail = JSON.readTree(text);
      if (detail != null && detail.isObject()) {
        return detail;
      }
    } catch (JsonProcessingException e) {
      // reported below
    }
    throw new LocalSamException("--detail must be a JSON object, like {\"orderId\":\"1234\"}, not: " + text);
  }
}
