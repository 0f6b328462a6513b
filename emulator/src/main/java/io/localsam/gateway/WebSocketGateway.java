package io.localsam.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.localsam.runtime.FunctionSet;
import io.localsam.runtime.InvocationResult;
import io.localsam.runtime.RequestIds;
import io.localsam.template.AuthorizerDef;
import io.localsam.template.Template;
import io.localsam.template.WebSocketApiDef;
import io.localsam.template.WebSocketRouteDef;
import io.undertow.server.Connectors;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.HttpString;
import io.undertow.util.SameThreadExecutor;
import io.undertow.websockets.WebSocketProtocolHandshakeHandler;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import io.undertow.websockets.spi.WebSocketHttpExchange;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.xnio.IoUtils;
import org.xnio.Options;

/**
 * The template's WebSocket APIs on the gateway's port (README, WebSocket APIs): an upgrade request
 * to {@code /{stage}} runs the {@code $connect} authorizer and function, then upgrades (or is
 * refused with their status); {@code /{stage}/@connections/{id}} is the management API; every other
 * request goes on to {@code next}.
 *
 * <p>Threading: handshakes wait for the authorizer and function without holding a thread (the
 * exchange is dispatched to {@link SameThreadExecutor} and the upgrade runs on its I/O thread when
 * they are done); messages arrive on the connection's I/O thread and their functions run on the
 * runtime's threads; frames are sent from whichever thread has the answer (Undertow queues them).
 */
final class WebSocketGateway implements HttpHandler {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AttachmentKey<WebSocketConnection> CONNECTION =
      AttachmentKey.create(WebSocketConnection.class);

  private final HttpHandler next;
  private final AtomicReference<Map<String, WebSocketMount>> mounts;
  private final Map<String, WebSocketConnection> connections = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timer;
  private final WebSocketLimits limits;
  private final Consumer<String> log;
  private final WebSocketProtocolHandshakeHandler handshake;
  private final ConnectionsApi connectionsApi;

  WebSocketGateway(
      Map<String, WebSocketMount> mounts,
      ScheduledExecutorService timer,
      WebSocketLimits limits,
      Consumer<String> log,
      HttpHandler next) {
    this.next = next;
    this.mounts = new AtomicReference<>(mounts);
    this.timer = timer;
    this.limits = limits;
    this.log = log;
    this.handshake = new WebSocketProtocolHandshakeHandler(this::opened);
    this.connectionsApi = new ConnectionsApi(this, limits);
  }

  /**
   * The WebSocket APIs of one version of the template, by path; two on one stage are warned about,
   * the first kept.
   */
  static Map<String, WebSocketMount> mounts(
      Template template, FunctionSet functions, String region, Consumer<String> log) {
    Map<String, WebSocketMount> mounts = new LinkedHashMap<>();
    for (WebSocketApiDef api : template.webSocketApis()) {
      WebSocketMount mount = WebSocketMount.of(api, functions, region);
      WebSocketMount first = mounts.putIfAbsent(mount.path(), mount);
      if (first != null) {
        log.accept(
            "Warning: WebSocket APIs "
                + first.definition().logicalId()
                + " and "
                + api.logicalId()
                + " both have stage '"
                + api.stageName()
                + "'; locally both would be at "
                + mount.path()
                + ", so only "
                + first.definition().logicalId()
                + " is served");
      }
    }
    return mounts;
  }

  /**
   * Serves a new version of the template's WebSocket APIs; open connections keep the version they
   * connected under.
   */
  void use(Map<String, WebSocketMount> next) {
    mounts.set(next);
  }

  /**
   * Forgets the {@code $connect} authorizers' cached results, as {@code Emulator.reset} does for
   * routes.
   */
  void clearAuthorizerCaches() {
    mounts.get().values().forEach(mount -> mount.authorizerCache().clear());
  }

  List<WebSocketMount> mounted() {
    return List.copyOf(mounts.get().values());
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    Map<String, WebSocketMount> current = mounts.get();
    if (!current.isEmpty()) {
      String path = RouteMatchHandler.rawPath(exchange);
      String trimmed =
          path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
      WebSocketMount mount = current.get(trimmed);
      if (mount != null && isUpgrade(exchange)) {
        connect(exchange, mount);
        return;
      }
      int at = path.indexOf(ConnectionsApi.PATH);
      if (at > 0 && current.containsKey(path.substring(0, at))) {
        connectionsApi.handle(
            exchange,
            current.get(path.substring(0, at)),
            path.substring(at + ConnectionsApi.PATH.length()));
        return;
      }
    }
    next.handleRequest(exchange);
  }

  private static boolean isUpgrade(HttpServerExchange exchange) {
    String upgrade = exchange.getRequestHeaders().getFirst(io.undertow.util.Headers.UPGRADE);
    return upgrade != null && upgrade.equalsIgnoreCase("websocket");
  }

  /**
   * What the handshake gets: refused with API Gateway's or the function's answer, or upgraded with
   * these headers.
   */
  private record Answer(GatewayResponse refusal, Map<String, String> headers) {}

  private void connect(HttpServerExchange exchange, WebSocketMount mount) {
    GatewayRequest request = ExchangeRequests.of(exchange);
    WebSocketRouteDef route = mount.definition().route(WebSocketRouteDef.CONNECT);
    String id = newId();
    AuthorizerDef authorizer =
        route == null ? null : mount.api().auth().authorizer(route.authorizer());
    exchange.dispatch(
        SameThreadExecutor.INSTANCE,
        () -> {
          CompletableFuture<AuthOutcome> authorized =
              authorizer == null
                  ? CompletableFuture.completedFuture(AuthOutcome.allow(Authorization.NONE))
                  : mount
                      .authorizers()
                      .authorize(
                          authorizer,
                          request,
                          mount.match(route),
                          (identity, arn) ->
                              WebSocketEvents.authorizer(
                                  new WebSocketConnection(id, mount, request, null),
                                  request.requestId(),
                                  arn));
          authorized
              .thenCompose(
                  outcome -> {
                    if (!outcome.allowed()) {
                      log.accept(
                          mount.definition().logicalId()
                              + " refused a connection: "
                              + outcome.reason());
                      return CompletableFuture.completedFuture(
                          new Answer(outcome.refusal(), Map.of()));
                    }
                    WebSocketConnection connection =
                        new WebSocketConnection(
                            id, mount, request, outcome.authorization().authorizer());
                    exchange.putAttachment(CONNECTION, connection);
                    if (route == null) {
                      return CompletableFuture.completedFuture(new Answer(null, Map.of()));
                    }
                    return mount
                        .functions()
                        .invoke(
                            route.functionId(),
                            WebSocketEvents.connect(connection, request.requestId()))
                        .thenApply(result -> connectAnswer(route, result));
                  })
              .whenComplete(
                  (answer, error) ->
                      exchange
                          .getIoThread()
                          .execute(() -> finish(exchange, answer, error, request)));
        });
  }

  /**
   * The {@code $connect} function's answer: a {@code statusCode} outside 2xx refuses the connection
   * with that status (and the body it gave), a failed function with 502; anything else accepts it,
   * with the headers it gave (a {@code Sec-WebSocket-Protocol}, say).
   */
  private Answer connectAnswer(WebSocketRouteDef route, InvocationResult result) {
    if (result.failed()) {
      log.accept(
          route.functionId()
              + " ($connect) failed: "
              + result.errorType()
              + "; the connection is refused: 502");
      return new Answer(WebSocketMessages.connectFailure(), Map.of());
    }
    JsonNode output;
    try {
      output = JSON.readTree(result.payload());
    } catch (java.io.IOException e) {
      output = null;
    }
    if (output == null || !output.isObject()) {
      return new Answer(null, Map.of());
    }
    int status = output.path("statusCode").asInt(200);
    if (status < 200 || status > 299) {
      log.accept(
          route.functionId() + " ($connect) answered " + status + "; the connection is refused");
      JsonNode body = output.get("body");
      return new Answer(
          new GatewayResponse(
              status,
              List.of(),
              body != null && body.isTextual()
                  ? body.asText().getBytes(java.nio.charset.StandardCharsets.UTF_8)
                  : new byte[0]),
          Map.of());
    }
    Map<String, String> headers = new LinkedHashMap<>();
    output
        .path("headers")
        .fields()
        .forEachRemaining(header -> headers.put(header.getKey(), header.getValue().asText()));
    return new Answer(null, headers);
  }

  private void finish(
      HttpServerExchange exchange, Answer answer, Throwable error, GatewayRequest request) {
    try {
      if (error != null) {
        Throwable cause = error.getCause() != null ? error.getCause() : error;
        log.accept("A WebSocket connection could not be set up: " + cause.getMessage());
        ResponseWriter.send(
            exchange,
            WebSocketMessages.connectFailure(),
            io.localsam.template.ApiKind.REST,
            request.requestId());
        return;
      }
      if (answer.refusal() != null) {
        ResponseWriter.send(
            exchange, answer.refusal(), io.localsam.template.ApiKind.REST, request.requestId());
        return;
      }
      answer
          .headers()
          .forEach(
              (name, value) ->
                  exchange.getResponseHeaders().put(HttpString.tryFromString(name), value));
      // The server's read timeout for HTTP stays on the socket after the upgrade; API Gateway's
      // idle timeout must come first
      try {
        exchange
            .getConnection()
            .setOption(Options.READ_TIMEOUT, (int) Math.min(Integer.MAX_VALUE, lingering()));
      } catch (java.io.IOException e) {
        log.accept(
            "Warning: the WebSocket connection keeps the server's 60 s read timeout: "
                + e.getMessage());
      }
      Connectors.executeRootHandler(handshake, exchange);
    } catch (RuntimeException unexpected) {
      log.accept("Internal error answering a WebSocket handshake: " + unexpected);
      if (!exchange.isResponseStarted()) {
        ResponseWriter.send(
            exchange,
            WebSocketMessages.connectFailure(),
            io.localsam.template.ApiKind.REST,
            request.requestId());
      }
    }
  }

  /**
   * The upgrade is done: the connection is registered, its limits set, and its messages listened
   * to.
   */
  private void opened(WebSocketHttpExchange exchange, WebSocketChannel channel) {
    WebSocketConnection connection = exchange.getAttachment(CONNECTION);
    connections.put(connection.id, connection);
    channel.setIdleTimeout(lingering()); // past ours, which closes with API Gateway's code
    ScheduledFuture<?> duration =
        timer.schedule(
            () -> close(connection, 1001, "Going away", "Going away"),
            limits.maxDuration().toMillis(),
            TimeUnit.MILLISECONDS);
    connection.opened(
        channel, scheduleIdleCheck(connection, limits.idleTimeout().toMillis()), duration);
    channel.addCloseTask(closed -> disconnected(connection, 1006, "Connection Closed Abnormally"));
    channel.getReceiveSetter().set(new WebSocketReceiver(this, connection, limits, log));
    channel.resumeReceives();
  }

  /**
   * Undertow's own timeouts on an upgraded connection: past API Gateway's idle timeout, which
   * LocalSAM enforces.
   */
  private long lingering() {
    return limits.idleTimeout().toMillis() + 30_000;
  }

  private ScheduledFuture<?> scheduleIdleCheck(WebSocketConnection connection, long delayMillis) {
    return timer.schedule(
        () -> {
          long idle = System.currentTimeMillis() - connection.lastActiveAt();
          long left = limits.idleTimeout().toMillis() - idle;
          if (left <= 0) {
            close(connection, 1001, "Going away", "Going away");
          } else if (!connection.isGone()) {
            connection.idleCheck(scheduleIdleCheck(connection, left));
          }
        },
        delayMillis,
        TimeUnit.MILLISECONDS);
  }

  WebSocketConnection connection(String id) {
    WebSocketConnection connection = connections.get(id);
    return connection == null || connection.isGone() ? null : connection;
  }

  /**
   * Closes from the server's side: the client gets {@code code} and {@code reason}, {@code
   * $disconnect} the event's.
   */
  void close(WebSocketConnection connection, int code, String reason, String eventReason) {
    WebSocketChannel channel = connection.channel();
    disconnected(connection, code, eventReason);
    if (channel != null && channel.isOpen()) {
      channel
          .getIoThread()
          .execute(
              () ->
                  WebSockets.sendClose(code, reason, channel, null)); // frames go out on its thread
    }
  }

  /** The connection is over, whichever side ended it: {@code $disconnect} runs once. */
  void disconnected(WebSocketConnection connection, int code, String reason) {
    if (!connection.markGone()) {
      return;
    }
    connections.remove(connection.id);
    WebSocketRouteDef route = connection.mount.definition().route(WebSocketRouteDef.DISCONNECT);
    if (route == null) {
      return;
    }
    byte[] event = WebSocketEvents.disconnect(connection, RequestIds.next(), code, reason);
    connection
        .mount
        .functions()
        .invoke(route.functionId(), event)
        .whenComplete(
            (result, error) -> {
              if (error != null) {
                log.accept(
                    route.functionId()
                        + " ($disconnect) could not be invoked: "
                        + error.getMessage());
              } else if (result.failed()) {
                log.accept(route.functionId() + " ($disconnect) failed: " + result.errorType());
              }
            });
  }

  /**
   * Ends every connection as the server stops, without {@code $disconnect} (the functions are
   * stopping too).
   */
  void closeAll() {
    List<WebSocketConnection> open = new ArrayList<>(connections.values());
    for (WebSocketConnection connection : open) {
      if (connection.markGone()) {
        WebSocketChannel channel = connection.channel();
        if (channel != null) {
          IoUtils.safeClose(channel);
        }
      }
    }
    connections.clear();
  }

  /**
   * A connection or message id as API Gateway writes them: 16 URL-safe base64 characters ending in
   * {@code =}.
   */
  static String newId() {
    byte[] bytes = new byte[11];
    ThreadLocalRandom.current().nextBytes(bytes);
    return Base64.getUrlEncoder().encodeToString(bytes).substring(0, 15) + "=";
  }

  @Override
  public String toString() {
    return "websockets";
  }
}
