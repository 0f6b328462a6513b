package io.localsam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.localsam.testsupport.TestApi;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code generate-event}: every event has the field set of its official sample (SAM CLI's
 * generate-event samples, and for API Gateway the aws-lambda-java-libs samples in
 * src/test/resources/aws-sample-events), the options land where SAM puts them, and the API Gateway
 * events load into the aws-lambda-java-events types.
 */
class GenerateEventTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  // as the Lambda Java runtime's serializer reads events: fields the type lacks are ignored
  // (README, Runtime)
  private static final ObjectMapper LAMBDA =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private static final String[] PROXY_HEADERS = {
    "Accept",
    "Accept-Encoding",
    "Accept-Language",
    "Cache-Control",
    "CloudFront-Forwarded-Proto",
    "CloudFront-Is-Desktop-Viewer",
    "CloudFront-Is-Mobile-Viewer",
    "CloudFront-Is-SmartTV-Viewer",
    "CloudFront-Is-Tablet-Viewer",
    "CloudFront-Viewer-Country",
    "Host",
    "Upgrade-Insecure-Requests",
    "User-Agent",
    "Via",
    "X-Amz-Cf-Id",
    "X-Forwarded-For",
    "X-Forwarded-Port",
    "X-Forwarded-Proto"
  };

  // The samples' structure, values left out: which fields each event has.
  private static final String AWS_PROXY =
      """
      {"body":0,"resource":0,"path":0,"httpMethod":0,"isBase64Encoded":0,"queryStringParameters":{"foo":0},
       "multiValueQueryStringParameters":{"foo":[0]},"pathParameters":{"proxy":0},"stageVariables":{"baz":0},
       "headers":HEADERS,"multiValueHeaders":MULTI_HEADERS,
       "requestContext":{"accountId":0,"resourceId":0,"stage":0,"requestId":0,"requestTime":0,"requestTimeEpoch":0,
         "identity":{"cognitoIdentityPoolId":0,"accountId":0,"cognitoIdentityId":0,"caller":0,"accessKey":0,"sourceIp":0,
           "cognitoAuthenticationType":0,"cognitoAuthenticationProvider":0,"userArn":0,"userAgent":0,"user":0},
         "path":0,"resourcePath":0,"httpMethod":0,"apiId":0,"protocol":0}}""";
  private static final String HTTP_API =
      """
      {"version":0,"routeKey":0,"rawPath":0,"rawQueryString":0,"cookies":[0],"headers":{"Header1":0,"Header2":0},
       "queryStringParameters":{"parameter1":0,"parameter2":0},
       "requestContext":{"accountId":0,"apiId":0,
         "authentication":{"clientCert":{"clientCertPem":0,"subjectDN":0,"issuerDN":0,"serialNumber":0,
           "validity":{"notBefore":0,"notAfter":0}}},
         "authorizer":{"jwt":{"claims":{"claim1":0,"claim2":0},"scopes":[0]}},"domainName":0,"domainPrefix":0,
         "http":{"method":0,"path":0,"protocol":0,"sourceIp":0,"userAgent":0},"requestId":0,"routeKey":0,"stage":0,"time":0,"timeEpoch":0},
       "body":0,"pathParameters":{"parameter1":0},"isBase64Encoded":0,"stageVariables":{"stageVariable1":0,"stageVariable2":0}}""";
  private static final String AUTHORIZER =
      """
      {"type":0,"authorizationToken":0,"methodArn":0}""";
  private static final String SQS =
      """
      {"Records":[{"messageId":0,"receiptHandle":0,"body":0,"attributes":{"ApproximateReceiveCount":0,"SentTimestamp":0,"SenderId":0,
        "ApproximateFirstReceiveTimestamp":0},"messageAttributes":{},"md5OfBody":0,"eventSource":0,"eventSourceARN":0,"awsRegion":0}]}""";
  private static final String S3_PUT =
      """
      {"Records":[{"eventVersion":0,"eventSource":0,"awsRegion":0,"eventTime":0,"eventName":0,"userIdentity":{"principalId":0},
        "requestParameters":{"sourceIPAddress":0},"responseElements":{"x-amz-request-id":0,"x-amz-id-2":0},
        "s3":{"s3SchemaVersion":0,"configurationId":0,"bucket":{"name":0,"ownerIdentity":{"principalId":0},"arn":0},
          "object":{"key":0,"size":0,"eTag":0,"sequencer":0}}}]}""";
  private static final String SNS =
      """
      {"Records":[{"EventSource":0,"EventVersion":0,"EventSubscriptionArn":0,"Sns":{"Type":0,"MessageId":0,"TopicArn":0,"Subject":0,
        "Message":0,"Timestamp":0,"SignatureVersion":0,"Signature":0,"SigningCertUrl":0,"UnsubscribeUrl":0,
        "MessageAttributes":{"Test":{"Type":0,"Value":0},"TestBinary":{"Type":0,"Value":0}}}}]}""";
  private static final String DYNAMODB =
      """
      {"Records":[{"eventID":0,"eventName":0,"eventVersion":0,"eventSource":0,"awsRegion":0,
        "dynamodb":{"Keys":{"Id":{"N":0}},"NewImage":{"Message":{"S":0},"Id":{"N":0}},"OldImage":{"Message":{"S":0},"Id":{"N":0}},
          "ApproximateCreationDateTime":0,"SequenceNumber":0,"SizeBytes":0,"StreamViewType":0},"eventSourceARN":0}]}""";
  private static final String SCHEDULE =
      """
      {"id":0,"detail-type":0,"source":0,"account":0,"time":0,"region":0,"resources":[0],"detail":{}}""";
  // EventBridge's event structure (EventBridge User Guide, "Amazon EventBridge events")
  private static final String EVENTBRIDGE =
      """
      {"version":0,"id":0,"detail-type":0,"source":0,"account":0,"time":0,"region":0,"resources":[],"detail":{}}""";

  private static JsonNode generate(String... args) throws Exception {
    String[] command = new String[args.length + 1];
    command[0] = "generate-event";
    System.arraycopy(args, 0, command, 1, args.length);
    CliRun run = CliRun.of(command);
    assertEquals(0, run.exitCode(), run.printed());
    return JSON.readTree(run.out());
  }

  private static Set<String> fields(String sample) throws Exception {
    StringBuilder headers = new StringBuilder("{");
    StringBuilder multi = new StringBuilder("{");
    for (String header : PROXY_HEADERS) {
      headers.append(headers.length() > 1 ? "," : "").append('"').append(header).append("\":0");
      multi.append(multi.length() > 1 ? "," : "").append('"').append(header).append("\":[0]");
    }
    return JsonFieldPaths.of(
        JSON.readTree(
            sample.replace("MULTI_HEADERS", multi + "}").replace("HEADERS", headers + "}")));
  }

  private static void assertFieldsOf(String sample, JsonNode event) throws Exception {
    Set<String> missing = new TreeSet<>(fields(sample));
    missing.removeAll(JsonFieldPaths.of(event));
    assertTrue(
        missing.isEmpty(),
        "fields of the sample missing: " + missing + " in " + event.toPrettyString());
  }

  @Test
  void every_event_has_the_field_set_of_its_official_sample() throws Exception {
    assertFieldsOf(AWS_PROXY, generate("apigateway", "aws-proxy"));
    assertFieldsOf(HTTP_API, generate("apigateway", "http-api-proxy"));
    assertFieldsOf(AUTHORIZER, generate("apigateway", "authorizer"));
    assertFieldsOf(SQS, generate("sqs", "receive-message"));
    assertFieldsOf(S3_PUT, generate("s3", "put"));
    assertFieldsOf(SNS, generate("sns", "notification"));
    assertFieldsOf(DYNAMODB, generate("dynamodb", "update"));
    assertFieldsOf(SCHEDULE, generate("schedule"));
    assertFieldsOf(SCHEDULE, generate("cloudwatch", "scheduled-event"));
    assertFieldsOf(EVENTBRIDGE, generate("eventbridge", "event"));
  }

  @Test
  void the_rest_proxy_event_takes_sams_options_and_loads_as_APIGatewayProxyRequestEvent()
      throws Exception {
    JsonNode event =
        generate(
            "apigateway",
            "aws-proxy",
            "--method",
            "GET",
            "--path",
            "/orders/7",
            "--resource",
            "/orders/{id}",
            "--stage",
            "dev",
            "--body",
            "{\"a\":1}",
            "--account-id",
            "210987654321",
            "--querystringparameters",
            "x=1&x=2");

    APIGatewayProxyRequestEvent typed =
        JSON.readValue(event.toString(), APIGatewayProxyRequestEvent.class);
    assertEquals("GET", typed.getHttpMethod());
    assertEquals("/orders/7", typed.getPath());
    assertEquals("/orders/{id}", typed.getResource());
    assertEquals(
        "{\"a\":1}",
        new String(Base64.getDecoder().decode(typed.getBody()), StandardCharsets.UTF_8));
    assertTrue(typed.getIsBase64Encoded());
    assertEquals("dev", typed.getRequestContext().getStage());
    assertEquals("/dev/orders/7", typed.getRequestContext().getPath());
    assertEquals("210987654321", typed.getRequestContext().getAccountId());
    assertEquals("2", typed.getQueryStringParameters().get("x"));
    assertEquals(List.of("1", "2"), typed.getMultiValueQueryStringParameters().get("x"));
  }

  @Test
  void the_http_api_event_loads_as_APIGatewayV2HTTPEvent() throws Exception {
    JsonNode event =
        generate(
            "apigateway",
            "http-api-proxy",
            "--method",
            "PUT",
            "--path",
            "items/1",
            "--stage",
            "beta");

    APIGatewayV2HTTPEvent typed = LAMBDA.readValue(event.toString(), APIGatewayV2HTTPEvent.class);
    assertEquals("2.0", typed.getVersion());
    assertEquals("/items/1", typed.getRawPath());
    assertEquals("PUT", typed.getRequestContext().getHttp().getMethod());
    assertEquals("beta", typed.getRequestContext().getStage());
    assertEquals(1583348638390L, typed.getRequestContext().getTimeEpoch());
  }

  @Test
  void the_authorizer_event_loads_as_APIGatewayCustomAuthorizerEvent() throws Exception {
    JsonNode event =
        generate(
            "apigateway",
            "authorizer",
            "--restApiId",
            "abc123",
            "--stage",
            "prod",
            "--method",
            "GET",
            "--resource",
            "orders/{id}",
            "--region",
            "eu-west-1");

    APIGatewayCustomAuthorizerEvent typed =
        JSON.readValue(event.toString(), APIGatewayCustomAuthorizerEvent.class);
    assertEquals("TOKEN", typed.getType());
    assertEquals("incoming-client-token", typed.getAuthorizationToken());
    assertEquals(
        "arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/GET/orders/{id}",
        typed.getMethodArn());
  }

  @Test
  void service_options_land_in_the_arns_and_bodies() throws Exception {
    JsonNode sqs =
        generate(
                "sqs",
                "receive-message",
                "--queue-name",
                "orders",
                "--region",
                "eu-west-1",
                "--body",
                "hi")
            .get("Records")
            .get(0);
    JsonNode s3 =
        generate("s3", "put", "--bucket", "photos", "--key", "my dir/cat.jpg")
            .get("Records")
            .get(0)
            .get("s3");
    JsonNode sns =
        generate("sns", "notification", "--topic", "alerts", "--message", "quote \" inside")
            .get("Records")
            .get(0)
            .get("Sns");
    JsonNode dynamodb = generate("dynamodb", "update", "--table", "Orders").get("Records").get(0);
    JsonNode schedule = generate("schedule", "--rule", "nightly");
    JsonNode bridge =
        generate(
            "eventbridge",
            "event",
            "--source",
            "my.app",
            "--detail-type",
            "Thing Done",
            "--detail",
            "{\"id\":7}");

    assertEquals("arn:aws:sqs:eu-west-1:123456789012:orders", sqs.get("eventSourceARN").asText());
    assertEquals("49f68a5c8493ec2c0bf489821c21fc3b", sqs.get("md5OfBody").asText()); // md5("hi")
    assertEquals("photos", s3.get("bucket").get("name").asText());
    assertEquals(
        "my%20dir/cat.jpg",
        s3.get("object").get("key").asText()); // URL-encoded, as S3 and SAM send it
    assertEquals("arn:aws:sns:us-east-1:123456789012:alerts", sns.get("TopicArn").asText());
    assertEquals("quote \" inside", sns.get("Message").asText());
    assertTrue(
        dynamodb
            .get("eventSourceARN")
            .asText()
            .startsWith("arn:aws:dynamodb:us-east-1:123456789012:table/Orders/stream/"));
    assertEquals(
        "arn:aws:events:us-east-1:123456789012:rule/nightly",
        schedule.get("resources").get(0).asText());
    assertEquals("my.app", bridge.get("source").asText());
    assertEquals("Thing Done", bridge.get("detail-type").asText());
    assertEquals(7, bridge.get("detail").get("id").asInt());
  }

  @Test
  void events_reach_handlers_typed_with_the_events_library_through_lambdas_serializer(
      @TempDir Path folder) throws Exception {
    Path template =
        TestApi.writeTemplate(
            folder,
            """
        Globals:
          Function: {Runtime: java17, CodeUri: ${CODE}}
        Resources:
          Items:
            Type: AWS::Serverless::Function
            Properties: {Handler: fixtures.HttpHello}
          Authorizer:
            Type: AWS::Serverless::Function
            Properties: {Handler: fixtures.TokenAuthorizer}
        """);
    Path http =
        Files.writeString(
            folder.resolve("http.json"),
            CliRun.of("generate-event", "apigateway", "http-api-proxy", "--body", "ping").out());
    Path token =
        Files.writeString(
            folder.resolve("token.json"),
            CliRun.of("generate-event", "apigateway", "authorizer", "--token", "allow-me").out());

    CliRun items = CliRun.of("invoke", "Items", "-e", http.toString(), "-t", template.toString());
    CliRun authorizer =
        CliRun.of("invoke", "Authorizer", "-e", token.toString(), "-t", template.toString());

    assertTrue(items.out().startsWith("{\"statusCode\": 201,"), items.printed());
    assertTrue(
        items
            .out()
            .contains(Base64.getEncoder().encodeToString("ping".getBytes(StandardCharsets.UTF_8))),
        items.printed());
    assertEquals(
        "{\"type\": \"TOKEN\", \"token\": \"allow-me\", "
            + "\"methodArn\": \"arn:aws:execute-api:us-east-1:123456789012:example/prod/POST/{proxy+}\"}",
        authorizer.out());
  }

  @Test
  void events_print_as_sam_prints_them() {
    CliRun run = CliRun.of("generate-event", "apigateway", "authorizer");

    assertEquals(
        """
        {
          "type": "TOKEN",
          "authorizationToken": "incoming-client-token",
          "methodArn": "arn:aws:execute-api:us-east-1:123456789012:example/prod/POST/{proxy+}"
        }
        """,
        run.out());
  }

  @Test
  void every_level_answers_help_listing_sams_names_and_options_in_sams_order() {
    CliRun services = CliRun.of("generate-event", "--help");
    CliRun kinesis = CliRun.of("generate-event", "kinesis", "--help");
    CliRun getRecords = CliRun.of("generate-event", "kinesis", "get-records", "--help");

    assertEquals(
        0, services.exitCode() + kinesis.exitCode() + getRecords.exitCode(), getRecords.printed());
    for (String name :
        List.of(
            "alb",
            "alexa-skills-kit",
            "alexa-smart-home",
            "apigateway",
            "appsync",
            "batch",
            "cloudformation",
            "cloudfront",
            "cloudwatch",
            "codecommit",
            "codepipeline",
            "cognito",
            "config",
            "connect",
            "dynamodb",
            "eventbridge",
            "kinesis",
            "lex",
            "lex-v2",
            "rekognition",
            "s3",
            "sagemaker",
            "schedule",
            "ses",
            "sns",
            "sqs",
            "stepfunctions",
            "workmail")) {
      assertTrue(services.out().contains("\n  " + name + " "), name + " in " + services.out());
    }
    assertTrue(kinesis.out().contains("get-records "), kinesis.out());
    assertTrue(kinesis.out().contains("analytics-compressed "), kinesis.out());
    String help = getRecords.out();
    assertTrue(help.contains("Generates an Amazon Kinesis Data Stream Event"), help);
    assertTrue(help.contains("Specify the region name you'd like, otherwise the"), help);
    int[] positions = {
      help.indexOf("  --region=TEXT"),
      help.indexOf("  --partition=TEXT"),
      help.indexOf("  --sequence=TEXT"),
      help.indexOf("  --data=TEXT"),
      help.indexOf("  --partition-key=TEXT"),
      help.indexOf("  --debug")
    };
    for (int i = 1; i < positions.length; i++) {
      assertTrue(
          positions[i - 1] >= 0 && positions[i - 1] < positions[i],
          "SAM's option order in " + help);
    }
  }

  @Test
  void a_detail_that_is_not_a_json_object_is_a_user_error() {
    CliRun run = CliRun.of("generate-event", "eventbridge", "event", "--detail", "nope");

    assertEquals(1, run.exitCode(), run.printed());
    assertTrue(run.err().startsWith("Error: --detail must be a JSON object"), run.printed());
  }
}
