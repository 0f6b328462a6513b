package io.localsam.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Every {@code generate-event} service and event type, with its options and their defaults: SAM CLI
 * 1.164's names, help lines and defaults, in SAM's order, plus LocalSAM's {@code eventbridge}
 * service and {@code schedule} command. Each event is the JSON template {@code
 * events/SERVICE/TYPE.json} beside this class (see {@link SampleEventTemplate}); the table says
 * only what the command line offers.
 */
final class SampleEventCatalog {
  /** An option {@code --NAME TEXT} (and its aliases) of an event type. */
  record Option(String name, String defaultValue, List<String> aliases) {
    /** SAM CLI's help line for every generate-event option. */
    String help() {
      return "Specify the " + name + " name you'd like, otherwise the default = " + defaultValue;
    }
  }

  /** An event type: its command name, SAM's help line, its template resource and its options. */
  record EventType(String name, String help, String template, List<Option> options) {}

  /** A service: a command grouping event types. */
  record Service(String name, String description, List<EventType> types) {}

  private static final Option ACCOUNT_ID = option("account-id", "123456789012");
  private static final Option PARTITION = option("partition", "aws");
  private static final Option REGION = option("region", "us-east-1");
  private static final Option BODY = option("body", "{\"test\":\"body\"}");
  private static final Option PATH = option("path", "path/to/resource");
  private static final Option STAGE = option("stage", "prod");
  private static final Option POST = option("method", "POST");
  private static final Option GET = option("method", "GET");
  private static final Option DNS_SUFFIX = option("dns-suffix", "us-east-1.amazonaws.com");
  private static final Option RULE = option("rule", "ExampleRule");
  private static final Option BUCKET = option("bucket", "example-bucket");
  private static final Option KEY = option("key", "test/key");
  private static final Option APPLICATION = option("application", "example-application");
  private static final Option STREAM = option("stream", "example-stream");
  private static final Option SEQUENCE =
      option("sequence", "49545115243490985018280067714973144582180062593244200961");
  private static final Option PARTITION_KEY = option("partition-key", "partitionKey-03");
  private static final Option FIREHOSE_DATA =
      option("data", "SGVsbG8sIHRoaXMgaXMgYSB0ZXN0IDEyMy4=");
  private static final Option LABELING_JOB = option("labeling-job-name", "example-job");
  private static final Option[] ALEXA = {
    option("session-id", "123456789012"),
    option("user-id", "testUser"),
    option("application-id", "987654321"),
    option("request-id", "1234")
  };
  private static final Option[] CLOUDFRONT = {option("uri", "/test"), GET};
  private static final Option[] SCHEDULED = {ACCOUNT_ID, PARTITION, REGION, RULE};
  private static final String SCHEDULED_TEMPLATE = "cloudwatch/scheduled-event.json";

  /** The services, each a command under generate-event. */
  static final List<Service> SERVICES =
      List.of(
          service(
              "alb",
              "Application Load Balancer events.",
              event(
                  "request",
                  "Generates an Application Load Balancer Event",
                  BODY,
                  POST,
                  PATH,
                  ACCOUNT_ID,
                  option("dns-suffix", "us-east-2.elb.amazonaws.com"))),
          service(
              "alexa-skills-kit",
              "Alexa Skills Kit events.",
              event("end-session", "Generates an Amazon Alexa End Session Event", ALEXA),
              event("intent-answer", "Generates an Amazon Alexa Intent Answer Event", ALEXA),
              event(
                  "intent-getnewfact", "Generates an Amazon Alexa Intent GetNewFact Event", ALEXA),
              event("intent-mycoloris", "Generates an Amazon Alexa Intent MyColorIs Event", ALEXA),
              event("intent-recipe", "Generates an Amazon Alexa Intent Recipe Event", ALEXA),
              event("start-session", "Generates an Amazon Alexa Start Session Event", ALEXA)),
          service(
              "alexa-smart-home",
              "Alexa Smart Home skill events.",
              event(
                  "smart-home-control-turn-off-request",
                  "Generates an Amazon Alexa Smart Home Control Turn Off Request Event"),
              event(
                  "smart-home-control-turn-on-request",
                  "Generates an Amazon Alexa Smart Home Control Turn On Request Event"),
              event(
                  "smart-home-discovery-request",
                  "Generates an Amazon Alexa Smart Home Discovery Request Event")),
          service(
              "apigateway",
              "Amazon API Gateway events.",
              // --token and --rest-api-id are LocalSAM's: SAM's token is fixed, and it spells only
              // --restApiId
              event(
                  "authorizer",
                  "Generates an Amazon API Gateway Authorizer Event",
                  ACCOUNT_ID,
                  PARTITION,
                  REGION,
                  STAGE,
                  POST,
                  option("resource", "{proxy+}"),
                  restApiId("example"),
                  option("token", "incoming-client-token")),
              event(
                  "aws-proxy",
                  "Generates an Amazon API Gateway AWS Proxy Event",
                  BODY,
                  STAGE,
                  POST,
                  option("resource", "/{proxy+}"),
                  PATH,
                  option("querystringparameters", "{\"foo\": \"bar\"}"),
                  ACCOUNT_ID,
                  DNS_SUFFIX),
              event(
                  "http-api-proxy",
                  "Generates an Amazon API Gateway Http API Event",
                  BODY,
                  option("stage", "$default"),
                  POST,
                  PATH,
                  ACCOUNT_ID,
                  DNS_SUFFIX),
              event(
                  "request-authorizer",
                  "Generates an Amazon API Gateway Request Authorizer Event",
                  ACCOUNT_ID,
                  PARTITION,
                  REGION,
                  option("stage", "test"),
                  GET,
                  option("resource", "request"),
                  restApiId("abcdef123"))),
          service(
              "appsync",
              "AWS AppSync events.",
              event("resolver", "Generates an AWS AppSync Event")),
          service(
              "batch",
              "AWS Batch events.",
              event("get-job", "Generates an AWS Batch Get Job Event"),
              event("submit-job", "Generates an AWS Batch Submit Job Event")),
          service(
              "cloudformation",
              "AWS CloudFormation custom resource events.",
              event(
                  "create-request",
                  "Generates an AWS CloudFormation Create Request Event",
                  ACCOUNT_ID,
                  PARTITION,
                  REGION,
                  option("stack", "MyStack"))),
          service(
              "cloudfront",
              "Amazon CloudFront (Lambda@Edge) events.",
              event("ab-test", "Generates an Amazon CloudFront A/B Test Event", CLOUDFRONT),
              event(
                  "access-request-in-response",
                  "Generates an Amazon CloudFront Access Request in Response Event",
                  CLOUDFRONT),
              event(
                  "http-redirect",
                  "Generates an Amazon CloudFront HTTP Redirect Event",
                  CLOUDFRONT),
              event(
                  "modify-querystring",
                  "Generates an Amazon CloudFront Modify QueryString Event",
                  CLOUDFRONT),
              event(
                  "modify-response-header",
                  "Generates an Amazon CloudFront Modify Response Header Event"),
              event(
                  "multiple-remote-calls-aggregate-response",
                  "Generates an Amazon CloudFront Multiple Remote Calls Aggregate Response Event",
                  option("uri", "/forecast/Seattle:NewYork:Chicago:SanFrancisco"),
                  GET),
              event(
                  "normalize-querystring-to-improve-cache-hit",
                  "Generates an Amazon CloudFront Normalize Querystring Event",
                  CLOUDFRONT),
              event(
                  "redirect-on-viewer-country",
                  "Generates an Amazon CloudFront Redirect on Viewer Country Event",
                  CLOUDFRONT),
              event(
                  "redirect-unauthenticated-users",
                  "Generates an Amazon CloudFront Redirect Unauthenticated Users Event",
                  CLOUDFRONT),
              event(
                  "response-generation",
                  "Generates an Amazon CloudFront Response Generation Event",
                  CLOUDFRONT),
              event(
                  "serve-object-on-viewer-device",
                  "Generates an Amazon CloudFront Serve Object on Viewer Device Event",
                  CLOUDFRONT),
              event(
                  "simple-remote-call",
                  "Generates an Amazon CloudFront Simple Remote Call Event",
                  CLOUDFRONT)),
          service(
              "cloudwatch",
              "Amazon CloudWatch Events and CloudWatch Logs events.",
              event("logs", "Generates an Amazon Cloudwatch Logs Event"),
              event(
                  "scheduled-event",
                  "Generates an Amazon CloudWatch Events Scheduled Event",
                  SCHEDULED)),
          service(
              "codecommit",
              "AWS CodeCommit events.",
              event(
                  "repository",
                  "Generates an AWS CodeCommit Repository Event",
                  ACCOUNT_ID,
                  PARTITION,
                  REGION,
                  option("repository", "my-repo"),
                  option("trigger", "my-trigger"),
                  option("custom-data", "this is custom data"))),
          service(
              "codepipeline",
              "AWS CodePipeline events.",
              event(
                  "job",
                  "Generates an AWS CodePipeline Job Event",
                  ACCOUNT_ID,
                  option("input-bucket", "example-bucket"),
                  option("input-key", "test/key"),
                  option("output-bucket", "example-bucket2"),
                  option("output-key", "test/key2"))),
          service(
              "cognito",
              "Amazon Cognito events.",
              event("sync-trigger", "Generates an Amazon Cognito Sync Trigger Event", REGION)),
          service(
              "config",
              "AWS Config rule events.",
              event(
                  "item-change-notification",
                  "Generates an AWS Config Configuration Item Change Notification Event",
                  REGION,
                  PARTITION,
                  ACCOUNT_ID),
              event(
                  "oversized-item-change-notification",
                  "Generates an AWS Config Oversized Configuration Item Change Notification Event",
                  REGION,
                  PARTITION,
                  ACCOUNT_ID),
              event(
                  "periodic-rule",
                  "Generates an AWS Config Periodic Rule Event",
                  REGION,
                  PARTITION,
                  ACCOUNT_ID)),
          service(
              "connect",
              "Amazon Connect events.",
              event(
                  "contact-flow-event",
                  "Generates an Amazon Connect Contact Flow Event",
                  REGION,
                  PARTITION,
                  ACCOUNT_ID,
                  option("contact-id", "5ca32fbd-8f92-46af-92a5-6b0f970f0efe"),
                  option("phone-number", "+11234567890"))),
          service(
              "dynamodb",
              "Amazon DynamoDB Streams events.",
              event(
                  "update",
                  "Generates an Amazon DynamoDB Update Event",
                  ACCOUNT_ID,
                  PARTITION,
                  REGION,
                  option("table", "ExampleTableWithStream"))),
          service(
              "eventbridge",
              "Amazon EventBridge events (LocalSAM's; SAM CLI has none).",
              event(
                  "event",
                  "Generates an Amazon EventBridge Event, as a rule delivers it",
                  ACCOUNT_ID,
                  REGION,
                  option("source", "com.example.orders"),
                  option("detail-type", "Order Placed"),
                  option("detail", "{\"orderId\":\"1234\",\"amount\":42}")),
              event(
                  "scheduled-event",
                  "Generates an Amazon EventBridge Scheduled Event",
                  SCHEDULED_TEMPLATE,
                  SCHEDULED)),
          service(
              "kinesis",
              "Amazon Kinesis Data Streams, Data Firehose and Data Analytics events.",
              event(
                  "analytics",
                  "Generates an Amazon Kinesis Data Analytics Event",
                  PARTITION,
                  REGION,
                  ACCOUNT_ID,
                  APPLICATION,
                  STREAM,
                  option("data", "This is a test from Kinesis Analytics")),
              event(
                  "analytics-compressed",
                  "Generates an Amazon Kinesis Data Analytics Compressed Event",
                  PARTITION,
                  REGION,
                  ACCOUNT_ID,
                  APPLICATION,
                  STREAM,
                  option(
                      "data",
                      "H4sIAAAAAAAA/6vmUspLzE1VslLKTsxNzFHS4VJKTEkpSi0uBgol5SRmKHHVAgDd1tysJAAAAA==")),
              // the analytics event again, another record: the same template
              event(
                  "analytics-dynamodb",
                  "Generates an Amazon Kinesis Data Analytics DynamoDB Event",
                  "kinesis/analytics.json",
                  PARTITION,
                  REGION,
                  ACCOUNT_ID,
                  APPLICATION,
                  STREAM,
                  option(
                      "data",
                      "{\"ROWTIME_TIMESTAMP\":\"2017-12-15 01:09:50.000\",\"VEHICLEID\":\"5\",\"VEHICLECOUNT\":18}")),
              event(
                  "analytics-kpl",
                  "Generates an Amazon Kinesis Data Analytics KPL Event",
                  PARTITION,
                  REGION,
                  ACCOUNT_ID,
                  APPLICATION,
                  STREAM),
              event(
                  "apachelog",
                  "Generates an Amazon Kinesis Data Firehose Apachelog Event",
                  REGION,
                  option(
                      "data",
                      "NjQuMjQyLjg4LjEwIC0gLSBbMDcvTWFyLzIwMDQ6MTY6MTA6MDIgLTA4MDBdICJHRVQgL21haWxtYW4vbGlzdGluZm8v"
                          + "aHNkaXZpc2lvbiBIVFRQLzEuMSIgMjAwIDYyOTE==")),
              event(
                  "cloudwatch-logs-processor",
                  "Generates an Amazon Kinesis Data Firehose Cloudwatch Logs Processor Event",
                  REGION,
                  PARTITION,
                  ACCOUNT_ID),
              event(
                  "get-records",
                  "Generates an Amazon Kinesis Data Stream Event",
                  REGION,
                  PARTITION,
                  SEQUENCE,
                  option("data", "Hello, this is a test 123."),
                  PARTITION_KEY),
              event(
                  "kinesis-firehose",
                  "Generates an Amazon Kinesis Data Firehose Event",
                  PARTITION,
                  REGION,
                  FIREHOSE_DATA),
              event(
                  "streams-as-source",
                  "Generates an Amazon Kinesis Data Firehose Streams as Source Event",
                  PARTITION,
                  REGION,
                  PARTITION_KEY,
                  FIREHOSE_DATA,
                  SEQUENCE),
              event(
                  "syslog",
                  "Generates an Amazon Kinesis Data Firehose Syslog Event",
                  REGION,
                  FIREHOSE_DATA)),
          service(
              "lex",
              "Amazon Lex (V1) events.",
              event("book-car", "Generates an Amazon Lex Book Car Event"),
              event("book-hotel", "Generates an Amazon Lex Book Hotel Event"),
              event("make-appointment", "Generates an Amazon Lex Make Appointment Event"),
              event("order-flowers", "Generates an Amazon Lex Order Flowers Event")),
          service(
              "lex-v2",
              "Amazon Lex V2 events.",
              event("banking-bot", "Generates an Amazon Lex V2 Banking Bot Event"),
              event("book-car", "Generates an Amazon Lex V2 Book Car Event"),
              event("book-hotel", "Generates an Amazon Lex V2 Book Hotel Event")),
          service(
              "rekognition",
              "Amazon Rekognition events.",
              event(
                  "s3-request",
                  "Generates an Amazon Rekognition S3 Request Event",
                  REGION,
                  PARTITION,
                  BUCKET,
                  KEY)),
          service(
              "s3",
              "Amazon S3 events.",
              event(
                  "batch-invocation",
                  "Generates an Amazon S3 Batch Operations Invocation Event",
                  option("bucket-arn", "arn:aws:s3:::examplebucket"),
                  KEY),
              event(
                  "delete", "Generates an Amazon S3 Delete Event", REGION, PARTITION, BUCKET, KEY),
              event("put", "Generates an Amazon S3 Put Event", REGION, PARTITION, BUCKET, KEY)),
          service(
              "sagemaker",
              "Amazon SageMaker Ground Truth events.",
              event(
                  "ground-truth-annotation-consolidation",
                  "Generates a SageMaker Ground Truth AnnotationConsolidation request",
                  REGION,
                  PARTITION,
                  ACCOUNT_ID,
                  LABELING_JOB,
                  option("label-attribute-name", "example-attribute"),
                  option("s3-output-path", "s3://sagemakerexample/output"),
                  option("execution-role", "sagemaker-role"),
                  option("iteration-object-timestamp", "iteration-1/0/2019-09-06_18:35:03")),
              event(
                  "ground-truth-pre-human",
                  "Generates a SageMaker Ground Truth PreHumanTask request",
                  REGION,
                  PARTITION,
                  ACCOUNT_ID,
                  option("source-ref", "s3://sagemakerexample/object_to_annotate.jpg"),
                  LABELING_JOB)),
          service(
              "ses",
              "Amazon SES events.",
              event(
                  "email-receiving",
                  "Generates an Amazon SES Email Receiving Event",
                  REGION,
                  PARTITION,
                  ACCOUNT_ID,
                  DNS_SUFFIX)),
          service(
              "sns",
              "Amazon SNS events.",
              event(
                  "notification",
                  "Generates an Amazon SNS Topic Notification Event",
                  ACCOUNT_ID,
                  PARTITION,
                  REGION,
                  option("topic", "ExampleTopic"),
                  option("subject", "example subject"),
                  option("message", "example message"))),
          service(
              "sqs",
              "Amazon SQS events.",
              event(
                  "receive-message",
                  "Generates an Amazon SQS Event",
                  PARTITION,
                  REGION,
                  ACCOUNT_ID,
                  option("queue-name", "MyQueue"),
                  option("body", "Hello from SQS!"))),
          service(
              "stepfunctions",
              "AWS Step Functions events.",
              event(
                  "error",
                  "Generates an AWS StepFunctions Error Event",
                  option("error", "ErrorName"),
                  option("cause", "This is the cause of the error."))),
          service(
              "workmail",
              "Amazon WorkMail events.",
              event(
                  "email",
                  "Generates an Amazon Work Mail Event",
                  option("flow-direction", "INBOUND"),
                  option("mail-from", "from@example.com"),
                  option("sender", "sender@example.com"))));

  /**
   * LocalSAM's {@code generate-event schedule}: the scheduled event, one level up, as a Schedule
   * event of a function gets it.
   */
  static final EventType SCHEDULE =
      event(
          "schedule",
          "Generates a scheduled event (EventBridge rule), as for a Schedule event of a function",
          SCHEDULED_TEMPLATE,
          SCHEDULED);

  private SampleEventCatalog() {}

  private static Option option(String name, String defaultValue) {
    return new Option(name, defaultValue, List.of());
  }

  private static Option restApiId(String defaultValue) {
    return new Option("restApiId", defaultValue, List.of("rest-api-id"));
  }

  /** An event type whose template is named after it; the service fills in the folder. */
  private static EventType event(String name, String help, Option... options) {
    return event(name, help, null, options);
  }

  private static EventType event(String name, String help, String template, Option... options) {
    return new EventType(name, help, template, List.of(options));
  }

  private static Service service(String name, String description, EventType... types) {
    List<EventType> located = new ArrayList<>();
    for (EventType type : types) {
      String template =
          type.template() != null ? type.template() : name + "/" + type.name() + ".json";
      located.add(new EventType(type.name(), type.help(), template, type.options()));
    }
    return new Service(name, description, List.copyOf(located));
  }
}
