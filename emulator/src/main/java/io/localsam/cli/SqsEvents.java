package io.localsam.cli;

import static io.localsam.cli.SampleEvent.array;
import static io.localsam.cli.SampleEvent.object;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code generate-event sqs receive-message}: one message, as an SQS event source mapping delivers it. */
@Command(name = "sqs", mixinStandardHelpOptions = true, description = "Amazon SQS events.")
final class SqsEvents extends EventGroup {
  @Command(name = "receive-message", description = "Generates an Amazon SQS Event.")
  int receiveMessage(
      @Option(names = "--partition", defaultValue = SampleEvent.PARTITION, description = "Partition (default: ${DEFAULT-VALUE}).") String partition,
      @Option(names = "--region", defaultValue = SampleEvent.REGION, description = "Region (default: ${DEFAULT-VALUE}).") String region,
      @Option(names = "--account-id", defaultValue = SampleEvent.ACCOUNT, description = "Account id (default: ${DEFAULT-VALUE}).") String account,
      @Option(names = "--queue-name", defaultValue = "MyQueue", description = "Queue name (default: ${DEFAULT-VALUE}).") String queue,
      @Option(names = "--body", defaultValue = "Hello from SQS!", description = "Message body (default: ${DEFAULT-VALUE}).") String body) {
    ObjectNode attributes = object()
        .put("ApproximateReceiveCount", "1")
        .put("SentTimestamp", "1523232000000")
        .put("SenderId", account)
        .put("ApproximateFirstReceiveTimestamp", "1523232000001");
    ObjectNode record = object()
        .put("messageId", "19dd0b57-b21e-4ac1-bd88-01bbb068cb78")
        .put("receiptHandle", "MessageReceiptHandle")
        .put("body", body);
    record.set("attributes", attributes);
    record.set("messageAttributes", object());
    record.put("md5OfBody", SampleEvent.md5(body))
        .put("eventSource", "aws:sqs")
        .put("eventSourceARN", SampleEvent.arn(partition, "sqs", region, account, queue))
        .put("awsRegion", region);
    return SampleEvent.print(spec, object().set("Records", array(record)));
  }
}
