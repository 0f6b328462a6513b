package io.localsam.cli;

import static io.localsam.cli.SampleEvent.array;
import static io.localsam.cli.SampleEvent.object;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code generate-event dynamodb update}: a stream batch with an INSERT, a MODIFY and a REMOVE of one item. */
@Command(name = "dynamodb", mixinStandardHelpOptions = true, description = "Amazon DynamoDB Streams events.")
final class DynamoDbEvents extends EventGroup {
  @Command(name = "update", description = "Generates an Amazon DynamoDB Update Event.")
  int update(
      @Option(names = "--account-id", defaultValue = SampleEvent.ACCOUNT, description = "Account id (default: ${DEFAULT-VALUE}).") String account,
      @Option(names = "--partition", defaultValue = SampleEvent.PARTITION, description = "Partition (default: ${DEFAULT-VALUE}).") String partition,
      @Option(names = "--region", defaultValue = SampleEvent.REGION, description = "Region (default: ${DEFAULT-VALUE}).") String region,
      @Option(names = "--table", defaultValue = "ExampleTableWithStream", description = "Table name (default: ${DEFAULT-VALUE}).") String table) {
    String streamArn = SampleEvent.arn(partition, "dynamodb", region, account, "table/" + table + "/stream/2015-06-27T00:48:05.899");
    ObjectNode inserted = item("New item!");
    ObjectNode modified = item("This item has changed");
    return SampleEvent.print(spec, object().set("Records", array(
        record("c4ca4238a0b923820dcc509a6f75849b", "INSERT", region, streamArn, inserted, null, "4421584500000000017450439091", 26),
        record("c81e728d9d4c2f636f067f89cc14862c", "MODIFY", region, streamArn, modified, inserted, "4421584500000000017450439092", 59),
        record("eccbc87e4b5ce2fe28308fd9f2a7baf3", "REMOVE", region, streamArn, null, modified, "4421584500000000017450439093", 38))));
  }

  private static ObjectNode item(String message) {
    ObjectNode item = object();
    item.set("Message", object().put("S", message));
    item.set("Id", object().put("N", "101"));
    return item;
  }

  private static ObjectNode record(String id, String name, String region, String streamArn, ObjectNode newImage,
      ObjectNode oldImage, String sequence, int size) {
    ObjectNode change = object();
    change.set("Keys", object().set("Id", object().put("N", "101")));
    if (newImage != null) {
      change.set("NewImage", newImage.deepCopy());
    }
    if (oldImage != null) {
      change.set("OldImage", oldImage.deepCopy());
    }
    change.put("ApproximateCreationDateTime", 1428537600)
        .put("SequenceNumber", sequence)
        .put("SizeBytes", size)
        .put("StreamViewType", "NEW_AND_OLD_IMAGES");
    ObjectNode record = object()
        .put("eventID", id)
        .put("eventName", name)
        .put("eventVersion", "1.1")
        .put("eventSource", "aws:dynamodb")
        .put("awsRegion", region);
    record.set("dynamodb", change);
    record.put("eventSourceARN", streamArn);
    return record;
  }
}
