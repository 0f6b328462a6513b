package io.localsam.runtime.process;

import io.localsam.gateway.UndertowServers;
import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RoutingHandler;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.StatusCodes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Lambda's Runtime API (version 2018-06-01) for one execution environment, on 127.0.0.1 and a free port:
 * the runtime in the child process long-polls {@code /invocation/next}, answers with {@code /response}
 * or {@code /error}, or reports a failed Init with {@code /init/error}. The paths, headers and status
 * codes are those AWS documents at https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html, so
 * any runtime that speaks it (ours, AWS's runtime interface client, a custom {@code bootstrap}) works.
 */
public final class RuntimeApiServer implements AutoCloseable {
  static final String BASE = "/2018-06-01/runtime";
  static final String REQUEST_ID = "Lambda-Runtime-Aws-Request-Id";
  static final String DEADLINE = "Lambda-Runtime-Deadline-Ms";
  static final String FUNCTION_ARN = "Lambda-Runtime-Invoked-Function-Arn";
  static final String TRACE_ID = "Lambda-Runtime-Trace-Id";
  static final String ERROR_TYPE = "Lambda-Runtime-Function-Error-Type";
  // What Lambda answers without the header: the runtime said nothing about the error's kind.
  private static final String UNSPECIFIED_ERROR = "Unhandled";
  private static final long POLL_MILLIS = 100;

  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Map<String, Pending> inFlight = new ConcurrentHashMap<>();
  private final CompletableFuture<RuntimeReply> init = new CompletableFuture<>();
  private final Undertow server;
  private final int port;
  private volatile boolean closed;

  private record Pending(RuntimeRequest request, CompletableFuture<RuntimeReply> reply) {}

  private RuntimeApiServer() {
    RoutingHandler routes = new RoutingHandler()
        .get(BASE + "/invocation/next", blocking(this::next))
        .post(BASE + "/invocation/{id}/response", blocking(exchange -> reply(exchange, null)))
        .post(BASE + "/invocation/{id}/error", blocking(exchange -> reply(exchange, errorType(exchange))))
        .post(BASE + "/init/error", blocking(this::initError))
        .setFallbackHandler(exchange -> answer(exchange, StatusCodes.NOT_FOUND, error("Unknown path", "NotFound")));
    // One runtime talks to this server, one request at a time besides its long poll: few threads suffice.
    server = Undertow.builder()
        .addHttpListener(0, "127.0.0.1")
        .setIoThreads(1)
        .setWorkerThreads(4)
        .setHandler(routes)
        .build();
    port = UndertowServers.start(server, "127.0.0.1", 0);
  }

  /** Starts a server on a free port of 127.0.0.1. */
  public static RuntimeApiServer start() {
    return new RuntimeApiServer();
  }

  /** The value of {@code AWS_LAMBDA_RUNTIME_API}: host and port. */
  public String address() {
    return "127.0.0.1:" + port;
  }

  /**
   * Completes when Init has ended: with {@link RuntimeReply#failed()} false when the runtime first asks
   * for an invocation, with the runtime's error when it posts {@code /init/error}.
   */
  public CompletableFuture<RuntimeReply> init() {
    return init;
  }

  /** Hands one invocation to the runtime's next long poll; completes with what the runtime posts for it. */
  public CompletableFuture<RuntimeReply> invoke(RuntimeRequest request) {
    CompletableFuture<RuntimeReply> reply = new CompletableFuture<>();
    if (closed) {
      reply.completeExceptionally(new IllegalStateException("the Runtime API server is closed"));
    } else {
      queue.add(new Pending(request, reply));
    }
    return reply;
  }

  private void next(HttpServerExchange exchange) throws InterruptedException {
    init.complete(RuntimeReply.READY);
    Pending pending = null;
    while (pending == null && !closed) {
      pending = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
    }
    if (pending == null) {
      return; // closed: the connection is being torn down with the server
    }
    RuntimeRequest request = pending.request();
    inFlight.put(request.requestId(), pending);
    exchange.getResponseHeaders()
        .put(new HttpString(REQUEST_ID), request.requestId())
        .put(new HttpString(DEADLINE), Long.toString(request.deadlineMillis()))
        .put(new HttpString(FUNCTION_ARN), request.functionArn())
        .put(Headers.CONTENT_TYPE, "application/json");
    if (request.traceId() != null) {
      exchange.getResponseHeaders().put(new HttpString(TRACE_ID), request.traceId());
    }
    exchange.setStatusCode(StatusCodes.OK);
    exchange.getResponseSender().send(ByteBuffer.wrap(request.event()));
  }

  private void reply(HttpServerExchange exchange, String errorType) throws IOException {
    byte[] body = exchange.getInputStream().readAllBytes();
    String id = exchange.getQueryParameters().get("id").getFirst();
    Pending pending = inFlight.remove(id);
    if (pending == null) {
      answer(exchange, StatusCodes.BAD_REQUEST, error("Invalid request ID", "InvalidRequestID"));
      return;
    }
    answer(exchange, StatusCodes.ACCEPTED, "{\"status\":\"OK\"}");
    pending.reply().complete(new RuntimeReply(body, errorType));
  }

  private void initError(HttpServerExchange exchange) throws IOException {
    byte[] body = exchange.getInputStream().readAllBytes();
    answer(exchange, StatusCodes.ACCEPTED, "{\"status\":\"OK\"}");
    init.complete(new RuntimeReply(body, errorType(exchange)));
  }

  private static String errorType(HttpServerExchange exchange) {
    String type = exchange.getRequestHeaders().getFirst(ERROR_TYPE);
    return type == null || type.isBlank() ? UNSPECIFIED_ERROR : type;
  }

  private static String error(String message, String type) {
    return "{\"errorMessage\":\"" + message + "\",\"errorType\":\"" + type + "\"}";
  }

  private static void answer(HttpServerExchange exchange, int status, String json) {
    exchange.setStatusCode(status);
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
    exchange.getResponseSender().send(json, StandardCharsets.UTF_8);
  }

  /** Runs a handler on a worker thread, where it may block (the long poll, reading a body). */
  private HttpHandler blocking(BlockingHandler handler) {
    return exchange -> {
      if (exchange.isInIoThread()) {
        exchange.dispatch(() -> run(handler, exchange));
      } else {
        run(handler, exchange);
      }
    };
  }

  private void run(BlockingHandler handler, HttpServerExchange exchange) {
    exchange.startBlocking();
    try {
      handler.handle(exchange);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exchange.setStatusCode(StatusCodes.SERVICE_UNAVAILABLE);
      exchange.endExchange();
    } catch (IOException e) {
      if (!closed && !exchange.isResponseStarted()) {
        exchange.setStatusCode(StatusCodes.BAD_REQUEST);
      }
      exchange.endExchange();
    }
  }

  @FunctionalInterface
  private interface BlockingHandler {
    void handle(HttpServerExchange exchange) throws IOException, InterruptedException;
  }

  /** Stops serving; invocations not yet answered fail, as their environment is gone. */
  @Override
  public void close() {
    closed = true;
    IllegalStateException gone = new IllegalStateException("the execution environment ended");
    init.completeExceptionally(gone);
    queue.forEach(pending -> pending.reply().completeExceptionally(gone));
    inFlight.values().forEach(pending -> pending.reply().completeExceptionally(gone));
    UndertowServers.stop(server);
  }
}
