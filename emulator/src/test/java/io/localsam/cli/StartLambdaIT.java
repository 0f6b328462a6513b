package io.localsam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.localsam.testsupport.HttpTestClient;
import io.localsam.testsupport.TestApi;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvalidRequestContentException;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * {@code java -jar emulator.jar start-lambda} driven by the real AWS SDK for Java v2, as functions
 * calling functions would.
 */
class StartLambdaIT {
  private static final Pattern RUNNING =
      Pattern.compile("\\* Running on (http://127\\.0\\.0\\.1:(\\d+)) \\(");
  private static final String TEMPLATE =
      """
      Transform: AWS::Serverless-2016-10-31
      Globals:
        Function: {Runtime: java17, CodeUri: ${CODE}, Timeout: 10}
      Resources:
        Chatty:
          Type: AWS::Serverless::Function
          Properties: {Handler: fixtures.Chatty, FunctionName: chatty-fn}
        Failing:
          Type: AWS::Serverless::Function
          Properties: {Handler: fixtures.Failing}
        Sleepy:
          Type: AWS::Serverless::Function
          Properties: {Handler: fixtures.Sleepy}
      """;

  @TempDir Path folder;

  private static URI endpoint(JarProcess jar) {
    Matcher running = RUNNING.matcher(jar.awaitLine("* Running on"));
    assertTrue(running.find(), jar.stderr());
    return URI.create(running.group(1));
  }

  private static LambdaClient lambda(URI endpoint) {
    return LambdaClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create("AKIDLOCAL", "local-secret")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  @Test
  void the_aws_sdk_invokes_functions_as_it_invokes_lambda() throws Exception {
    TestApi.writeTemplate(folder, TEMPLATE);

    try (JarProcess jar = JarProcess.start(folder, "start-lambda", "-p", "0");
        LambdaClient lambda = lambda(endpoint(jar))) {
      assertTrue(jar.stderr().contains(StartLambdaCommand.STARTED), jar.stderr());

      InvokeResponse ok =
          lambda.invoke(
              InvokeRequest.builder()
                  .functionName("chatty-fn")
                  .payload(SdkBytes.fromUtf8String("{\"from\":\"sdk\"}"))
                  .logType(LogType.TAIL)
                  .build());
      assertEquals(200, ok.statusCode());
      assertEquals("$LATEST", ok.executedVersion());
      assertNull(ok.functionError());
      assertTrue(
          ok.payload().asUtf8String().contains("\"event\":{\"from\":\"sdk\"}"),
          ok.payload().asUtf8String());
      String tail = new String(Base64.getDecoder().decode(ok.logResult()), StandardCharsets.UTF_8);
      assertTrue(
          tail.startsWith("START RequestId: ") && tail.contains("\nREPORT RequestId: "), tail);

      InvokeResponse failed =
          lambda.invoke(InvokeRequest.builder().functionName("Failing").build());
      assertEquals(200, failed.statusCode());
      assertEquals("Unhandled", failed.functionError());
      assertTrue(
          failed.payload().asUtf8String().contains("\"errorMessage\":\"outer boom\""),
          failed.payload().asUtf8String());

      assertEquals(
          202,
          lambda
              .invoke(
                  InvokeRequest.builder()
                      .functionName("Chatty")
                      .invocationType(InvocationType.EVENT)
                      .payload(SdkBytes.fromUtf8String("{}"))
                      .build())
              .statusCode());
      assertEquals(
          204,
          lambda
              .invoke(
                  InvokeRequest.builder()
                      .functionName("Chatty")
                      .invocationType(InvocationType.DRY_RUN)
                      .build())
              .statusCode());

      ResourceNotFoundException missing =
          assertThrows(
              ResourceNotFoundException.class,
              () -> lambda.invoke(InvokeRequest.builder().functionName("Nope").build()));
      assertEquals(404, missing.statusCode());
      assertTrue(
          missing
              .getMessage()
              .contains("Function not found: arn:aws:lambda:us-east-1:123456789012:function:Nope"),
          missing.getMessage());
      InvalidRequestContentException notJson =
          assertThrows(
              InvalidRequestContentException.class,
              () ->
                  lambda.invoke(
                      InvokeRequest.builder()
                          .functionName("Chatty")
                          .payload(SdkBytes.fromUtf8String("not json"))
                          .build()));
      assertEquals(400, notJson.statusCode());
    }
  }

  @Test
  void function_ids_after_the_command_serve_only_those_functions() throws Exception {
    TestApi.writeTemplate(folder, TEMPLATE);

    try (JarProcess jar = JarProcess.start(folder, "start-lambda", "chatty-fn", "-p", "0");
        LambdaClient lambda = lambda(endpoint(jar))) {
      assertEquals(
          200,
          lambda.invoke(InvokeRequest.builder().functionName("Chatty").build()).statusCode(),
          "by FunctionName");
      assertThrows(
          ResourceNotFoundException.class,
          () -> lambda.invoke(InvokeRequest.builder().functionName("Failing").build()),
          "a function of the template not named on the command line is not served");
    }
    try (JarProcess jar = JarProcess.start(folder, "start-lambda", "Nope", "Chatty")) {
      assertEquals(1, jar.exitCode(), jar.stderr());
      assertTrue(
          jar.stderr()
              .contains(
                  "Error: Nope not found. Possible options in your template: Chatty, Failing, Sleepy"),
          jar.stderr());
    }
  }

  @Test
  void sigterm_lets_an_invocation_in_flight_finish_and_exits_0() throws Exception {
    TestApi.writeTemplate(folder, TEMPLATE);

    try (JarProcess jar = JarProcess.start(folder, "start-lambda", "-p", "0")) {
      HttpTestClient client = new HttpTestClient(endpoint(jar));
      CompletableFuture<HttpTestClient.Response> inFlight =
          CompletableFuture.supplyAsync(
              () ->
                  client.post(
                      "/2015-03-31/functions/Sleepy/invocations",
                      "{\"queryStringParameters\":{\"ms\":\"1500\"}}"));
      jar.awaitLine("[Sleepy] START RequestId");

      int exitCode = jar.stop();

      assertEquals(0, exitCode, jar.stderr());
      HttpTestClient.Response response = inFlight.get(30, TimeUnit.SECONDS);
      assertEquals(200, response.status());
      assertTrue(response.body().contains("slept 1500"), response.body());
    }
  }

  @Test
  void the_port_comes_from_samconfig_unless_given() throws Exception {
    TestApi.writeTemplate(folder, TEMPLATE);
    // samconfig names a port that is held open: used, it fails; overridden with -p, it is not
    // touched
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Files.writeString(
          folder.resolve("samconfig.toml"),
          """
          version = 0.1
          [default.local_start_lambda.parameters]
          port = %d
          host = "127.0.0.1"
          warm_containers = "EAGER"
          """
              .formatted(taken.getLocalPort()));

      try (JarProcess fromConfig = JarProcess.start(folder, "start-lambda")) {
        assertEquals(1, fromConfig.exitCode());
        assertTrue(
            fromConfig
                .stderr()
                .contains(
                    "Error: Port " + taken.getLocalPort() + " on 127.0.0.1 is already in use"),
            fromConfig.stderr());
      }
      try (JarProcess withFlag = JarProcess.start(folder, "start-lambda", "-p", "0")) {
        assertTrue(endpoint(withFlag).getPort() != taken.getLocalPort(), withFlag.stderr());
      }
    }
  }

  @Test
  void a_port_in_use_is_one_clear_line_and_exit_code_1() throws Exception {
    TestApi.writeTemplate(folder, TEMPLATE);

    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        JarProcess jar =
            JarProcess.start(
                folder, "start-lambda", "-p", Integer.toString(taken.getLocalPort()))) {
      assertEquals(1, jar.exitCode());
      assertTrue(
          jar.stderr()
              .contains("Error: Port " + taken.getLocalPort() + " on 127.0.0.1 is already in use"),
          jar.stderr());
      assertTrue(!jar.stderr().contains("\tat "), "no stack trace: " + jar.stderr());
    }
  }

  @Test
  void a_function_added_to_the_template_is_invocable_without_a_restart() throws Exception {
    TestApi.writeTemplate(folder, TEMPLATE);

    try (JarProcess jar = JarProcess.start(folder, "start-lambda", "-p", "0")) {
      URI endpoint = endpoint(jar);
      TestApi.writeTemplate(
          folder,
          TEMPLATE
              + """
            Added:
              Type: AWS::Serverless::Function
              Properties: {Handler: fixtures.EnvDump}
          """);

      jar.awaitLine("Template reloaded: 1 function added (Added)");
      try (LambdaClient lambda = lambda(endpoint)) {
        InvokeResponse response =
            lambda.invoke(
                InvokeRequest.builder()
                    .functionName("Added")
                    .payload(SdkBytes.fromUtf8String("{}"))
                    .build());

        assertEquals(200, response.statusCode());
        assertTrue(
            response.payload().asUtf8String().contains("AWS_LAMBDA_FUNCTION_NAME"),
            response.payload().asUtf8String());
      }
    }
  }
}
