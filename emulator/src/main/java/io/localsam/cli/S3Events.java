package io.localsam.cli;

import static io.localsam.cli.SampleEvent.array;
import static io.localsam.cli.SampleEvent.object;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code generate-event s3 put|delete}: an S3 event notification, the key URL-encoded as S3 sends it. */
@Command(name = "s3", mixinStandardHelpOptions = true, description = "Amazon S3 events.")
final class S3Events extends EventGroup {
  @Command(name = "put", description = "Generates an Amazon S3 Put Event.")
  int put(
      @Option(names = "--region", defaultValue = SampleEvent.REGION, description = "Region (default: ${DEFAULT-VALUE}).") String region,
      @Option(names = "--partition", defaultValue = SampleEvent.PARTITION, description = "Partition (default: ${DEFAULT-VALUE}).") String partition,
      @Option(names = "--bucket", defaultValue = "example-bucket", description = "Bucket (default: ${DEFAULT-VALUE}).") String bucket,
      @Option(names = "--key", defaultValue = "test/key", description = "Object key (default: ${DEFAULT-VALUE}).") String key) {
    ObjectNode object = object().put("key", SampleEvent.urlQuote(key)).put("size", 1024)
        .put("eTag", "0123456789abcdef0123456789abcdef").put("sequencer", "0A1B2C3D4E5F678901");
    return SampleEvent.print(spec, event("ObjectCreated:Put", region, partition, bucket, object));
  }

  @Command(name = "delete", description = "Generates an Amazon S3 Delete Event.")
  int delete(
      @Option(names = "--region", defaultValue = SampleEvent.REGION, description = "Region (default: ${DEFAULT-VALUE}).") String region,
      @Option(names = "--partition", defaultValue = SampleEvent.PARTITION, description = "Partition (default: ${DEFAULT-VALUE}).") String partition,
      @Option(names = "--bucket", defaultValue = "example-bucket", description = "Bucket (default: ${DEFAULT-VALUE}).") String bucket,
      @Option(names = "--key", defaultValue = "test/key", description = "Object key (default: ${DEFAULT-VALUE}).") String key) {
    ObjectNode object = object().put("key", SampleEvent.urlQuote(key)).put("sequencer", "0A1B2C3D4E5F678901");
    return SampleEvent.print(spec, event("ObjectRemoved:Delete", region, partition, bucket, object));
  }

  private static ObjectNode event(String name, String region, String partition, String bucket, ObjectNode object) {
    ObjectNode record = object()
        .put("eventVersion", "2.0")
        .put("eventSource", "aws:s3")
        .put("awsRegion", region)
        .put("eventTime", "1970-01-01T00:00:00.000Z")
        .put("eventName", name);
    record.set("userIdentity", object().put("principalId", "EXAMPLE"));
    record.set("requestParameters", object().put("sourceIPAddress", "127.0.0.1"));
    record.set("responseElements", object()
        .put("x-amz-request-id", "EXAMPLE123456789")
        .put("x-amz-id-2", "EXAMPLE123/5678abcdefghijklambdaisawesome/mnopqrstuvwxyzABCDEFGH"));
    ObjectNode owner = object().put("principalId", "EXAMPLE");
    ObjectNode bucketNode = object().put("name", bucket);
    bucketNode.set("ownerIdentity", owner);
    bucketNode.put("arn", "arn:" + partition + ":s3:::" + bucket);
    ObjectNode s3 = object().put("s3SchemaVersion", "1.0").put("configurationId", "testConfigRule");
    s3.set("bucket", bucketNode);
    s3.set("object", object);
    record.set("s3", s3);
    return object().set("Records", array(record));
  }
}
