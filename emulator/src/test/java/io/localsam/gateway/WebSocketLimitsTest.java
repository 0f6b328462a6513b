package io.localsam.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.localsam.fault.Faults;
import io.localsam.runtime.EnvVarsFile;
import io.localsam.runtime.FunctionRuntime;
import io.localsam.runtime.InvocationListener;
import io.localsam.runtime.InvocationResult;
import io.localsam.template.Template;
import io.localsam.template.TemplateLoader;
import io.localsam.testsupport.TestApi;
import io.localsam.testsupport.WebSocketTestClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * API Gateway's WebSocket limits, answered as deployed (AWS docs, "Quotas for configuring and
 * running a WebSocket API": frame 32 KB, message 128 KB, "connection is closed with code 1009";
 * idle timeout 10 minutes, connection duration 2 hours), with the sizes and times scaled down so
 * the test is quick: 1 KB frames, 4 KB messages, 1.5 s idle, 4 s connections.
 */
class WebSocketLimitsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final WebSocketLimits LIMITS =
      new WebSocketLimits(1024, 4096, Duration.ofMillis(1500), Duration.ofSeconds(4));

  @TempDir static Path folder;

  static FunctionRuntime runtime;
  static GatewayServer server;
  static final List<String> disconnects = Collections.synchronizedList(new ArrayList<>());

  @BeforeAll
  static void start() {
    Path file =
        TestApi.writeTemplate(
            folder,
            """
        Resources:
          Socket:
            Type: AWS::ApiGatewayV2::Api
            Properties: {Name: socket, ProtocolType: WEBSOCKET, RouteSelectionExpression: $request.body.action}
          Stage:
            Type: AWS::ApiGatewayV2::Stage
            Properties: {ApiId: !Ref Socket, StageName: dev}
          DefaultRoute:
            Type: AWS::ApiGatewayV2::Route
            Properties: {ApiId: !Ref Socket, RouteKey: $default, Target: !Sub "integrations/${Integration}"}
          DefaultResponse:
            Type: AWS::ApiGatewayV2::RouteResponse
            Properties: {ApiId: !Ref Socket, RouteId: !Ref DefaultRoute, RouteResponseKey: $default}
          DisconnectRoute:
            Type: AWS::ApiGatewayV2::Route
            Properties: {ApiId: !Ref Socket, RouteKey: $disconnect, Target: !Sub "integrations/${Integration}"}
          Integration:
            Type: AWS::ApiGatewayV2::Integration
            Properties: {ApiId: !Ref Socket, IntegrationType: AWS_PROXY, IntegrationUri: !GetAtt Echo.Arn}
          Echo:
            Type: AWS::Lambda::Function
            Properties: {Runtime: java17, Handler: fixtures.EchoEvent, Code: ${CODE}, Timeout: 10}
        """);
    Template template = TemplateLoader.load(file, Map.of(), "us-east-1");
    InvocationListener listener =
        new InvocationListener() {
          @Override
          public void invoked(String functionId, byte[] event, InvocationResult result) {
            String text = new String(event, StandardCharsets.UTF_8);
            if (text.contains("\"DISCONNECT\"")) {
              disconnects.add(text);
            }
          }
        };
    runtime = new FunctionRuntime(template, "us-east-1", EnvVarsFile.NONE, line -> {}, listener);
    runtime
        .invoke("Echo", "{}".getBytes(StandardCharsets.UTF_8))
        .join(); // warm, so a cold start is not idle time
    server =
        GatewayServer.start(
            template,
            runtime,
            "127.0.0.1",
            0,
            null,
            AuthSettings.defaults("us-east-1"),
            null,
            Faults.none(),
            ExchangeListener.NONE,
            line -> {},
            LIMITS);
  }

  @AfterAll
  static void stop() {
    server.close();
    runtime.close();
  }

  private static URI socket() {
    return URI.create("ws://127.0.0.1:" + server.port() + "/dev");
  }

  @Test
  void a_message_within_the_limits_is_routed() throws Exception {
    WebSocketTestClient client = WebSocketTestClient.connect(socket());

    client.send("x".repeat(1000));

    assertEquals("x".repeat(1000), JSON.readTree(client.next()).get("body").asText());
    client.socket().abort();
  }

  @Test
  void a_frame_over_the_frame_limit_closes_the_connection_with_1009() throws Exception {
    WebSocketTestClient client = WebSocketTestClient.connect(socket());

    client.send("x".repeat(2000));

    assertEquals("1009 Message too big", client.closeFrame());
    assertEquals(
        "Message too big",
        disconnect(1009, "Message too big").at("/requestContext/disconnectReason").asText());
  }

  @Test
  void a_message_in_frames_may_reach_the_message_limit_but_not_pass_it() throws Exception {
    WebSocketTestClient within = WebSocketTestClient.connect(socket());
    WebSocketTestClient over = WebSocketTestClient.connect(socket());

    for (int i = 0; i < 3; i++) {
      within.socket().sendText("y".repeat(1000), i == 2).join();
    }
    for (int i = 0; i < 5; i++) {
      over.socket().sendText("z".repeat(1000), i == 4).join();
    }

    assertEquals(3000, JSON.readTree(within.next()).get("body").asText().length());
    assertEquals("1009 Message too big", over.closeFrame());
    within.socket().abort();
  }

  @Test
  void an_idle_connection_is_closed_with_1001_and_disconnect_runs() throws Exception {
    WebSocketTestClient client = WebSocketTestClient.connect(socket());

    String close = client.closeFrame();

    assertEquals("1001 Going away", close);
    assertEquals(
        1001, disconnect(1001, "Going away").at("/requestContext/disconnectStatusCode").asInt());
  }

  @Test
  void a_busy_connection_still_ends_at_the_connection_duration_limit() throws Exception {
    WebSocketTestClient client = WebSocketTestClient.connect(socket());
    long start = System.nanoTime();

    while (System.nanoTime() - start
        < 3_000_000_000L) { // busier than the idle timeout, for 3 s of the 4
      client.send("ping");
      client.next();
      Thread.sleep(200);
    }

    assertEquals("1001 Going away", client.closeFrame());
    assertTrue(System.nanoTime() - start >= 3_000_000_000L);
  }

  /** A $disconnect event with this code and reason, polled for (it runs after the close). */
  private static JsonNode disconnect(int code, String reason) throws Exception {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < deadline) {
      synchronized (disconnects) {
        for (String text : disconnects) {
          JsonNode event = JSON.readTree(text);
          if (event.at("/requestContext/disconnectStatusCode").asInt() == code
              && event.at("/requestContext/disconnectReason").asText().equals(reason)) {
            return event;
          }
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no $disconnect with " + code);
  }
}
