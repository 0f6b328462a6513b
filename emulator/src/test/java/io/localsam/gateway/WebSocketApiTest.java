package io.localsam.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.localsam.Invocation;
import io.localsam.testsupport.TestApi;
import io.localsam.testsupport.WebSocketTestClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WebSocket APIs through a real client (the JDK's {@code java.net.http.WebSocket}) and real
 * functions: {@code $connect} accepted and refused (by the function, by a REQUEST authorizer),
 * custom routes, {@code $default}, no route, a failing function, {@code $disconnect} from both
 * sides, and a function that answers another client through the AWS SDK v2's {@code
 * ApiGatewayManagementApiClient}. Sources: AWS docs "WebSocket APIs in API Gateway" (route
 * selection, {@code $connect}/{@code $disconnect}/{@code $default}, route responses,
 * {@code @connections}), the event shapes of aws-lambda-java-events' {@code
 * APIGatewayV2WebSocketEvent}.
 */
class WebSocketApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String SIGNATURE =
      "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/us-east-1/execute-api/aws4_request,"
          + " SignedHeaders=host;x-amz-date, Signature="
          + "0a".repeat(32);

  @TempDir static Path folder;

  static TestApi api;

  @BeforeAll
  static void start() throws IOException {
    Path chat = chatFunctionFolder();
    api =
        TestApi.start(
            folder,
            """
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function: {Runtime: java17, CodeUri: ${CODE}, Timeout: 20, MemorySize: 512}
        Resources:
          Chat:
            Type: AWS::ApiGatewayV2::Api
            Properties: {Name: chat, ProtocolType: WEBSOCKET, RouteSelectionExpression: $request.body.action}
          ChatStage:
            Type: AWS::ApiGatewayV2::Stage
            Properties: {ApiId: !Ref Chat, StageName: production}
          Guarded:
            Type: AWS::ApiGatewayV2::Api
            Properties: {Name: guarded, ProtocolType: WEBSOCKET, RouteSelectionExpression: $request.body.action}
          GuardedStage:
            Type: AWS::ApiGatewayV2::Stage
            Properties: {ApiId: !Ref Guarded, StageName: guarded}
          Gate:
            Type: AWS::ApiGatewayV2::Authorizer
            Properties:
              ApiId: !Ref Guarded
              Name: gate
              AuthorizerType: REQUEST
              IdentitySource: [route.request.header.X-Token]
              AuthorizerUri: !Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${GateFunction.Arn}/invocations
          GuardedConnect:
            Type: AWS::ApiGatewayV2::Route
            Properties:
              ApiId: !Ref Guarded
              RouteKey: $connect
              AuthorizationType: CUSTOM
              AuthorizerId: !Ref Gate
              Target: !Sub integrations/${EchoIntegration2}
          EchoIntegration2:
            Type: AWS::ApiGatewayV2::Integration
            Properties: {ApiId: !Ref Guarded, IntegrationType: AWS_PROXY, IntegrationUri: !Sub "arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${OnConnect.Arn}/invocations"}
          GuardedEcho:
            Type: AWS::ApiGatewayV2::Route
            Properties: {ApiId: !Ref Guarded, RouteKey: echo, Target: !Sub "integrations/${EchoIntegration3}"}
          GuardedEchoResponse:
            Type: AWS::ApiGatewayV2::RouteResponse
            Properties: {ApiId: !Ref Guarded, RouteId: !Ref GuardedEcho, RouteResponseKey: $default}
          EchoIntegration3:
            Type: AWS::ApiGatewayV2::Integration
            Properties: {ApiId: !Ref Guarded, IntegrationType: AWS_PROXY, IntegrationUri: !Sub "arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Echo.Arn}/invocations"}
          GateFunction:
            Type: AWS::Serverless::Function
            Properties: {Handler: fixtures.Authorizers::policy}
          OnConnect:
            Type: AWS::Serverless::Function
            Properties: {Handler: fixtures.WebSocketChat::connect, CodeUri: CHAT}
          OnDisconnect:
            Type: AWS::Serverless::Function
            Properties: {Handler: fixtures.EchoEvent}
          Default:
            Type: AWS::Serverless::Function
            Properties: {Handler: fixtures.EchoEvent}
          Echo:
            Type: AWS::Serverless::Function
            Properties: {Handler: fixtures.WebSocketChat::echo, CodeUri: CHAT}
          Push:
            Type: AWS::Serverless::Function
            Properties: {Handler: fixtures.WebSocketChat::push, CodeUri: CHAT}
          Fail:
            Type: AWS::Serverless::Function
            Properties: {Handler: fixtures.WebSocketChat::fail, CodeUri: CHAT}
        """
                    .replace("CHAT", chat.toString())
                + route("$connect", "OnConnect", false)
                + route("$disconnect", "OnDisconnect", false)
                + route("$default", "Default", true)
                + route("echo", "Echo", true)
                + route("push", "Push", true)
                + route("fail", "Fail", false));
  }

  /** A route of the Chat API with its integration, and a route response when {@code twoWay}. */
  private static String route(String key, String function, boolean twoWay) {
    String id = function + "Route";
    String yaml =
        """
          ID:
            Type: AWS::ApiGatewayV2::Route
            Properties: {ApiId: !Ref Chat, RouteKey: "KEY", Target: !Sub "integrations/${IDIntegration}"}
          IDIntegration:
            Type: AWS::ApiGatewayV2::Integration
            Properties:
              ApiId: !Ref Chat
              IntegrationType: AWS_PROXY
              IntegrationUri: !Sub "arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${FUNCTION.Arn}/invocations"
        """;
    if (twoWay) {
      yaml +=
          """
            IDResponse:
              Type: AWS::ApiGatewayV2::RouteResponse
              Properties: {ApiId: !Ref Chat, RouteId: !Ref ID, RouteResponseKey: $default}
          """;
    }
    return yaml.replace("ID", id).replace("KEY", key).replace("FUNCTION", function);
  }

  /** The chat functions' own Lambda package: their class, and the AWS SDK in lib/. */
  private static Path chatFunctionFolder() throws IOException {
    Path function = folder.resolve("chat-function");
    Path classFile = Path.of("fixtures", "WebSocketChat.class");
    Files.createDirectories(function.resolve(classFile).getParent());
    Files.copy(TestApi.codeFolder().resolve(classFile), function.resolve(classFile));
    Files.createDirectories(function.resolve("lib"));
    try (Stream<Path> jars =
        Files.list(TestApi.codeFolder().getParent().resolve("websocket-function-lib"))) {
      for (Path jar : jars.toList()) {
        Files.copy(jar, function.resolve("lib").resolve(jar.getFileName()));
      }
    }
    return function;
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  private static URI ws(String path) {
    return URI.create("ws://127.0.0.1:" + api.emulator().port() + path);
  }

  @Test
  void start_up_names_each_websocket_api_and_its_connections_endpoint() {
    int port = api.emulator().port();
    assertTrue(
        api.logs().stream()
            .anyMatch(
                line ->
                    line.startsWith(
                        "Mounting WebSocket API Chat at ws://127.0.0.1:"
                            + port
                            + "/production [$connect: OnConnect, $disconnect: OnDisconnect, $default: Default, echo: Echo, push: Push, fail: Fail]")),
        String.join("\n", api.logs()));
    assertTrue(
        api.logs().stream()
            .anyMatch(
                line ->
                    line.contains(
                        "@connections API of Chat at http://127.0.0.1:" + port + "/production")),
        String.join("\n", api.logs()));
  }

  @Test
  void connect_gives_the_function_the_handshake_headers_and_query_string() throws Exception {
    WebSocketTestClient client =
        WebSocketTestClient.connect(
            ws("/production?name=ann&room=a&room=b"), Map.of("X-Client", "test"));

    JsonNode event =
        invocation("OnConnect", e -> e.at("/queryStringParameters/name").asText().equals("ann"));
    client.socket().abort();

    JsonNode context = event.get("requestContext");
    assertEquals("$connect", context.get("routeKey").asText());
    assertEquals("CONNECT", context.get("eventType").asText());
    assertEquals("production", context.get("stage").asText());
    assertEquals("127.0.0.1:" + api.emulator().port(), context.get("domainName").asText());
    assertEquals("IN", context.get("messageDirection").asText());
    assertEquals(16, context.get("connectionId").asText().length());
    assertEquals(10, context.get("apiId").asText().length());
    assertEquals("127.0.0.1", context.at("/identity/sourceIp").asText());
    assertTrue(context.get("connectedAt").asLong() > 0);
    assertTrue(context.get("requestTimeEpoch").asLong() >= context.get("connectedAt").asLong());
    assertFalse(context.get("requestId").asText().isEmpty());
    assertFalse(context.get("requestTime").asText().isEmpty());
    assertEquals("test", event.at("/headers/X-Client").asText());
    assertEquals("test", event.at("/multiValueHeaders/X-Client/0").asText());
    assertEquals("b", event.at("/queryStringParameters/room").asText());
    assertEquals("[\"a\",\"b\"]", event.at("/multiValueQueryStringParameters/room").toString());
    assertFalse(event.get("isBase64Encoded").asBoolean());
  }

  @Test
  void a_connect_function_answering_outside_2xx_refuses_the_upgrade_with_its_status()
      throws Exception {
    assertEquals(403, WebSocketTestClient.refusal(ws("/production?status=403"), Map.of()));
    assertEquals(401, WebSocketTestClient.refusal(ws("/production?status=401"), Map.of()));
  }

  @Test
  void a_custom_route_gets_the_message_and_its_route_response_sends_the_answer_back()
      throws Exception {
    WebSocketTestClient client = WebSocketTestClient.connect(ws("/production"));

    client.send("{\"action\":\"echo\",\"text\":\"hi\"}");

    assertEquals("echo: {\"action\":\"echo\",\"text\":\"hi\"}", client.next());
    JsonNode event = invocation("Echo", e -> e.get("body").asText().contains("\"hi\""));
    JsonNode context = event.get("requestContext");
    assertEquals("echo", context.get("routeKey").asText());
    assertEquals("MESSAGE", context.get("eventType").asText());
    assertEquals(16, context.get("messageId").asText().length());
    assertEquals("production", context.get("stage").asText());
    assertFalse(event.has("headers"));
    assertFalse(event.get("isBase64Encoded").asBoolean());
    client.socket().abort();
  }

  @Test
  void a_message_no_route_takes_goes_to_default() throws Exception {
    WebSocketTestClient client = WebSocketTestClient.connect(ws("/production"));

    client.send("{\"action\":\"unknown\"}");
    JsonNode unknown = JSON.readTree(client.next()); // the Default function answers with its event
    client.send("not json");
    JsonNode text = JSON.readTree(client.next());

    assertEquals("$default", unknown.at("/requestContext/routeKey").asText());
    assertEquals("{\"action\":\"unknown\"}", unknown.get("body").asText());
    assertEquals("$default", text.at("/requestContext/routeKey").asText());
    assertEquals("not json", text.get("body").asText());
    client.socket().abort();
  }

  @Test
  void without_a_route_or_default_the_client_gets_api_gateways_forbidden_message()
      throws Exception {
    WebSocketTestClient client =
        WebSocketTestClient.connect(ws("/guarded"), Map.of("X-Token", "allow"));

    client.send("{\"action\":\"nothing\"}");

    JsonNode message = JSON.readTree(client.next());
    assertEquals("Forbidden", message.get("message").asText());
    assertEquals(16, message.get("connectionId").asText().length());
    assertFalse(message.get("requestId").asText().isEmpty());
    client.socket().abort();
  }

  @Test
  void a_failing_function_gets_the_client_an_internal_server_error_message() throws Exception {
    WebSocketTestClient client = WebSocketTestClient.connect(ws("/production"));

    client.send("{\"action\":\"fail\"}");

    assertEquals("Internal server error", JSON.readTree(client.next()).get("message").asText());
    client.socket().abort();
  }

  @Test
  void an_authorizer_refuses_or_allows_the_upgrade_and_its_context_reaches_the_events()
      throws Exception {
    assertEquals(401, WebSocketTestClient.refusal(ws("/guarded"), Map.of()));
    assertEquals(403, WebSocketTestClient.refusal(ws("/guarded"), Map.of("X-Token", "deny")));

    WebSocketTestClient client =
        WebSocketTestClient.connect(ws("/guarded?via=gate"), Map.of("X-Token", "allow"));

    JsonNode authorizer =
        invocation("GateFunction", e -> e.at("/queryStringParameters/via").asText().equals("gate"));
    assertEquals("REQUEST", authorizer.get("type").asText());
    assertTrue(
        authorizer.get("methodArn").asText().endsWith("/guarded/$connect"), authorizer.toString());
    assertEquals("allow", authorizer.at("/headers/X-Token").asText());
    assertEquals("CONNECT", authorizer.at("/requestContext/eventType").asText());
    JsonNode connect =
        invocation("OnConnect", e -> e.at("/queryStringParameters/via").asText().equals("gate"));
    assertEquals("user-allow", connect.at("/requestContext/authorizer/principalId").asText());
    assertEquals("allow", connect.at("/requestContext/authorizer/user").asText());
    client.send("{\"action\":\"echo\"}");
    assertTrue(client.next().startsWith("echo: "));
    client.socket().abort();
  }

  @Test
  void a_function_pushes_to_another_connection_through_the_sdk_management_client()
      throws Exception {
    WebSocketTestClient sender = WebSocketTestClient.connect(ws("/production?name=sender"));
    WebSocketTestClient receiver = WebSocketTestClient.connect(ws("/production?name=receiver"));
    String receiverId = connectionId("receiver");

    sender.send(
        "{\"action\":\"push\",\"to\":\"" + receiverId + "\",\"data\":\"hello from sender\"}");

    try {
      assertEquals("hello from sender", receiver.next());
    } catch (AssertionError e) {
      throw new AssertionError(
          api.emulator().invocations("Push") + "\n" + String.join("\n", api.logs()), e);
    }
    assertEquals("sent", sender.next());
    sender.send("{\"action\":\"push\",\"to\":\"" + receiverId + "\",\"describe\":true}");
    assertEquals("described 127.0.0.1 true", sender.next());
    receiver.socket().sendClose(1000, "bye").join();
    invocation(
        "OnDisconnect", e -> e.at("/requestContext/connectionId").asText().equals(receiverId));
    sender.send("{\"action\":\"push\",\"to\":\"" + receiverId + "\",\"data\":\"too late\"}");
    assertEquals("gone 410", sender.next());
    sender.socket().abort();
  }

  @Test
  void a_client_close_runs_disconnect_with_its_code_and_reason() throws Exception {
    WebSocketTestClient client = WebSocketTestClient.connect(ws("/production?name=closer"));
    String id = connectionId("closer");

    client.socket().sendClose(4001, "leaving").join();

    JsonNode event =
        invocation("OnDisconnect", e -> e.at("/requestContext/connectionId").asText().equals(id));
    JsonNode context = event.get("requestContext");
    assertEquals("$disconnect", context.get("routeKey").asText());
    assertEquals("DISCONNECT", context.get("eventType").asText());
    assertEquals(4001, context.get("disconnectStatusCode").asInt());
    assertEquals("leaving", context.get("disconnectReason").asText());
    assertEquals("production", context.get("stage").asText());
  }

  @Test
  void delete_connection_closes_it_from_the_server_and_runs_disconnect() throws Exception {
    WebSocketTestClient client = WebSocketTestClient.connect(ws("/production?name=deleted"));
    String id = connectionId("deleted");

    HttpResponse<String> deleted = connections("DELETE", id, SIGNATURE, null);

    assertEquals(204, deleted.statusCode());
    assertTrue(client.closeFrame().startsWith("1000"), client.closeFrame());
    JsonNode event =
        invocation("OnDisconnect", e -> e.at("/requestContext/connectionId").asText().equals(id));
    assertEquals(1000, event.at("/requestContext/disconnectStatusCode").asInt());
    assertEquals(
        "Connection Closed Normally", event.at("/requestContext/disconnectReason").asText());
    HttpResponse<String> gone = connections("POST", id, SIGNATURE, "late");
    assertEquals(410, gone.statusCode());
    assertEquals("GoneException", gone.headers().firstValue("x-amzn-ErrorType").orElse(""));
  }

  @Test
  void the_connections_api_wants_a_signature_and_sends_what_is_posted() throws Exception {
    WebSocketTestClient client = WebSocketTestClient.connect(ws("/production?name=posted"));
    String id = connectionId("posted");

    HttpResponse<String> unsigned = connections("POST", id, null, "hello");
    HttpResponse<String> badlySigned =
        connections("POST", id, "AWS4-HMAC-SHA256 Credential=x", "hello");
    HttpResponse<String> posted = connections("POST", id, SIGNATURE, "hello");
    HttpResponse<String> described = connections("GET", id, SIGNATURE, null);

    assertEquals(403, unsigned.statusCode());
    assertEquals("{\"message\":\"Missing Authentication Token\"}", unsigned.body());
    assertEquals(403, badlySigned.statusCode());
    assertEquals(200, posted.statusCode());
    assertEquals("hello", client.next());
    assertEquals(200, described.statusCode());
    JsonNode description = JSON.readTree(described.body());
    assertEquals("127.0.0.1", description.at("/identity/sourceIp").asText());
    assertTrue(description.get("connectedAt").asText().endsWith("Z"), described.body());
    assertTrue(description.has("lastActiveAt"));
    client.socket().abort();
  }

  @Test
  void each_route_invocation_is_in_the_journal() throws Exception {
    WebSocketTestClient client = WebSocketTestClient.connect(ws("/production?name=journal"));
    String id = connectionId("journal");

    client.send("{\"action\":\"echo\",\"journal\":1}");
    client.next();

    assertTrue(api.emulator().invocations("Echo").stream().anyMatch(i -> i.event().contains(id)));
    client.socket().abort();
  }

  private static HttpResponse<String> connections(
      String method, String id, String authorization, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create(
                    "http://127.0.0.1:"
                        + api.emulator().port()
                        + "/production/@connections/"
                        + id.replace("=", "%3D")))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .header("X-Amz-Date", "20240101T000000Z");
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String connectionId(String name) throws Exception {
    return invocation("OnConnect", e -> e.at("/queryStringParameters/name").asText().equals(name))
        .at("/requestContext/connectionId")
        .asText();
  }

  /**
   * The event of the function's invocation that matches, polled for up to 10 s (functions run after
   * the frame).
   */
  private static JsonNode invocation(String function, Predicate<JsonNode> matches)
      throws Exception {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < deadline) {
      List<Invocation> invocations = api.emulator().invocations(function);
      for (Invocation invocation : invocations) {
        JsonNode event = JSON.readTree(invocation.event());
        if (matches.test(event)) {
          return event;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError(
        "no matching invocation of " + function + "\n" + String.join("\n", api.logs()));
  }
}
