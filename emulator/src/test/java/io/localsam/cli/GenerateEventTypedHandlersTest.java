package io.localsam.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.localsam.testsupport.TestApi;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The new services' events, generated with options and invoked on handlers typed with the
 * aws-lambda-java-events classes, read through the Lambda Java runtime's own serializer: their
 * shapes are what those types expect, and each option reaches the field the handler reads.
 */
class GenerateEventTypedHandlersTest {
  private static final String ALB_TARGET_GROUP =
      "arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/lambda-279XGJDqGZ5rsrHC2Fjr/49e9d65c45c6791a";
  private static final String CONNECT_INSTANCE =
      "arn:aws:connect:us-east-1:123456789012:instance/9308c2a1-9bc6-4cea-8290-6c0b4a6d38fa";

  @TempDir Path folder;

  @Test
  void each_event_loads_into_its_aws_lambda_java_events_type_with_the_options_in_place()
      throws Exception {
    String firehoseData =
        Base64.getEncoder().encodeToString("hi firehose".getBytes(StandardCharsets.UTF_8));
    Path template =
        TestApi.writeTemplate(
            folder,
            """
        Globals:
          Function: {Runtime: java17, CodeUri: ${CODE}}
        Resources:
          Kinesis: {Type: AWS::Serverless::Function, Properties: {Handler: "fixtures.EventDigests::kinesis"}}
          Firehose: {Type: AWS::Serverless::Function, Properties: {Handler: "fixtures.EventDigests::firehose"}}
          Alb: {Type: AWS::Serverless::Function, Properties: {Handler: "fixtures.EventDigests::alb"}}
          CloudFront: {Type: AWS::Serverless::Function, Properties: {Handler: "fixtures.EventDigests::cloudfront"}}
          S3Batch: {Type: AWS::Serverless::Function, Properties: {Handler: "fixtures.EventDigests::s3Batch"}}
          CustomResource: {Type: AWS::Serverless::Function, Properties: {Handler: "fixtures.EventDigests::cloudformation"}}
          Connect: {Type: AWS::Serverless::Function, Properties: {Handler: "fixtures.EventDigests::connect"}}
          Lex: {Type: AWS::Serverless::Function, Properties: {Handler: "fixtures.EventDigests::lex"}}
          Logs: {Type: AWS::Serverless::Function, Properties: {Handler: "fixtures.EventDigests::logs"}}
          Config: {Type: AWS::Serverless::Function, Properties: {Handler: "fixtures.EventDigests::config"}}
        """);
    List<Executable> checks = new ArrayList<>();
    checks.add(
        invokes(
            template,
            "Kinesis",
            "\"hi kinesis|pk-7|1428537600000\"",
            "kinesis",
            "get-records",
            "--data",
            "hi kinesis",
            "--partition-key",
            "pk-7"));
    checks.add(
        invokes(
            template,
            "Firehose",
            "\"hi firehose|arn:aws-cn:kinesis:EXAMPLE\"",
            "kinesis",
            "kinesis-firehose",
            "--data",
            firehoseData,
            "--partition",
            "aws-cn"));
    checks.add(
        invokes(
            template,
            "Alb",
            "\"GET /orders/7|true|" + ALB_TARGET_GROUP + "\"",
            "alb",
            "request",
            "--method",
            "GET",
            "--path",
            "orders/7"));
    checks.add(
        invokes(
            template,
            "CloudFront",
            "\"HEAD /img/cat.png\"",
            "cloudfront",
            "simple-remote-call",
            "--uri",
            "/img/cat.png",
            "--method",
            "HEAD"));
    checks.add(
        invokes(
            template,
            "S3Batch",
            "\"my%20dir/cat.jpg|arn:aws:s3:::photos\"",
            "s3",
            "batch-invocation",
            "--key",
            "my dir/cat.jpg",
            "--bucket-arn",
            "arn:aws:s3:::photos"));
    checks.add(
        invokes(
            template,
            "CustomResource",
            "\"Create|arn:aws:cloudformation:eu-west-1:123456789012:stack/Orders/guid\"",
            "cloudformation",
            "create-request",
            "--stack",
            "Orders",
            "--region",
            "eu-west-1"));
    checks.add(
        invokes(
            template,
            "Connect",
            "\"c-1|" + CONNECT_INSTANCE + "\"",
            "connect",
            "contact-flow-event",
            "--contact-id",
            "c-1"));
    checks.add(invokes(template, "Lex", "\"OrderFlowers|OrderFlowers\"", "lex", "order-flowers"));
    checks.add(invokes(template, "Logs", "\"data of 280 chars\"", "cloudwatch", "logs"));
    checks.add(
        invokes(
            template,
            "Config",
            "\"periodic-config-rule|210987654321\"",
            "config",
            "periodic-rule",
            "--account-id",
            "210987654321"));

    assertAll(checks);
  }

  /**
   * Generates the event into a file, then invokes {@code function} with it and expects {@code
   * result}.
   */
  private Executable invokes(Path template, String function, String result, String... generate)
      throws Exception {
    String[] command = new String[generate.length + 1];
    command[0] = "generate-event";
    System.arraycopy(generate, 0, command, 1, generate.length);
    CliRun generated = CliRun.of(command);
    Path event = Files.writeString(folder.resolve(function + ".json"), generated.out());
    CliRun invoked =
        CliRun.of("invoke", function, "-e", event.toString(), "-t", template.toString());
    return () ->
        assertEquals(
            result,
            invoked.out(),
            function + ": " + invoked.printed() + "\nevent: " + generated.printed());
  }
}
