package io.localsam.cli;

import static io.localsam.cli.SampleEvent.array;
import static io.localsam.cli.SampleEvent.object;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code generate-event sns notification}: a topic notification as SNS delivers it to a subscribed function. */
@Command(name = "sns", mixinStandardHelpOptions = true, description = "Amazon SNS events.")
final class SnsEvents extends EventGroup {
  @Command(name = "notification", description = "Generates an Amazon SNS Topic Notification Event.")
  int notification(
      @Option(names = "--account-id", defaultValue = SampleEvent.ACCOUNT, description = "Account id (default: ${DEFAULT-VALUE}).") String account,
      @Option(names = "--partition", defaultValue = SampleEvent.PARTITION, description = "Partition (default: ${DEFAULT-VALUE}).") String partition,
      @Option(names = "--region", defaultValue = SampleEvent.REGION, description = "Region (default: ${DEFAULT-VALUE}).") String region,
      @Option(names = "--topic", defaultValue = "ExampleTopic", description = "Topic name (default: ${DEFAULT-VALUE}).") String topic,
      @Option(names = "--subject", defaultValue = "example subject", description = "Subject (default: ${DEFAULT-VALUE}).") String subject,
      @Option(names = "--message", defaultValue = "example message", description = "Message (default: ${DEFAULT-VALUE}).") String message) {
    String topicArn = SampleEvent.arn(partition, "sns", region, account, topic);
    ObjectNode attributes = object();
    attributes.set("Test", object().put("Type", "String").put("Value", "TestString"));
    attributes.set("TestBinary", object().put("Type", "Binary").put("Value", "TestBinary"));
    ObjectNode sns = object()
        .put("Type", "Notification")
        .put("MessageId", "95df01b4-ee98-5cb9-9903-4c221d41eb5e")
        .put("TopicArn", topicArn)
        .put("Subject", subject)
        .put("Message", message)
        .put("Timestamp", "1970-01-01T00:00:00.000Z")
        .put("SignatureVersion", "1")
        .put("Signature", "EXAMPLE")
        .put("SigningCertUrl", "EXAMPLE")
        .put("UnsubscribeUrl", "EXAMPLE");
    sns.set("MessageAttributes", attributes);
    ObjectNode record = object()
        .put("EventSource", "aws:sns")
        .put("EventVersion", "1.0")
        .put("EventSubscriptionArn", topicArn);
    record.set("Sns", sns);
    return SampleEvent.print(spec, object().set("Records", array(record)));
  }
}
