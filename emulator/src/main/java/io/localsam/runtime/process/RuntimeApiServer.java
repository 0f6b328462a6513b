package io.localsam.runtime.process;

import io.undertow.io.IoCallback;
import io.undertow.io.Receiver;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RoutingHandler;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.SameThreadExecutor;
import io.undertow.util.StatusCodes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.xnio.IoUtils;

/**
 * Lambda's Runtime API (version 2018-06-01) for one execution environment, on 127.0.0.1 and a free
 * port: the runtime in the child process long-polls {@code /invocation/next}, answers with {@code
 * /response} or {@code /error}, or reports a failed Init with {@code /init/error}. The paths,
 * headers and status codes are those AWS documents at
 * https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html, so any runtime that speaks it
 * (ours, AWS's runtime interface client, a custom {@code bootstrap}) works.
 *
 * <p>Nothing here blocks a thread: a long poll stays open without one and is answered by the thread
 * that brings the invocation, and what the runtime posts is read by the I/O thread as it arrives.
 * An invocation thus costs the two trips over the loopback and no hand-over between threads of
 * ours.
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

  private final Deque<Pending> queue =
      new ArrayDeque<>(); // invocations no runtime has asked for yet; guarded by this
  private final Deque<HttpServerExchange> polls =
      new ArrayDeque<>(); // long polls waiting for one; guarded by this
  private final Map<String, Pending> inFlight = new ConcurrentHashMap<>();
  private final CompletableFuture<RuntimeReply> init = new CompletableFuture<>();
  private final RuntimeApiWorker.Listener listener;
  private boolean closed; // guarded by this

  private record Pending(RuntimeRequest request, CompletableFuture<RuntimeReply> reply) {}

  private RuntimeApiServer() {
    HttpHandler routes =
        new RoutingHandler()
            .get(BASE + "/invocation/next", this::next)
            .post(
                BASE + "/invocation/{id}/response",
                withBody((exchange, body) -> reply(exchange, body, null)))
            .post(
                BASE + "/invocation/{id}/error",
                withBody((exchange, body) -> reply(exchange, body, errorType(exchange))))
            .post(BASE + "/init/error", withBody(this::initError))
            .setFallbackHandler(
                exchange ->
                    answer(exchange, StatusCodes.NOT_FOUND, error("Unknown path", "NotFound")));
    listener = RuntimeApiWorker.listen(routes);
  }

  /** Starts a server on a free port of 127.0.0.1. */
  public static RuntimeApiServer start() {
    return new RuntimeApiServer();
  }

  /** The value of {@code AWS_LAMBDA_RUNTIME_API}: host and port. */
  public String address() {
    return "127.0.0.1:" + listener.port();
  }

  /**
   * Completes when Init has ended: with {@link RuntimeReply#failed()} false when the runtime first
   * asks for an invocation, with the runtime's error when it posts {@code /init/error}.
   */
  public CompletableFuture<RuntimeReply> init() {
    return init;
  }

  /**
   * Hands one invocation to the runtime's next long poll; completes with what the runtime posts for
   * it.
   */
  public CompletableFuture<RuntimeReply> invoke(RuntimeRequest request) {
    Pending pending = new Pending(request, new CompletableFuture<>());
    HttpServerExchange poll;
    synchronized (this) {
      if (closed) {
        pending
            .reply()
            .completeExceptionally(new IllegalStateException("the Runtime API server is closed"));
        return pending.reply();
      }
      poll = openPoll();
      if (poll == null) {
        queue.add(pending); // the runtime is still busy or starting: its next poll takes it
        return pending.reply();
      }
    }
    deliver(poll, pending);
    return pending.reply();
  }

  /**
   * The long poll: answered at once when an invocation waits, else kept open, with no thread, until
   * one comes.
   */
  private void next(HttpServerExchange exchange) {
    init.complete(RuntimeReply.READY);
    // Dispatched to no executor: the exchange stays open once this handler returns, for any thread
    // to answer.
    exchange.dispatch(SameThreadExecutor.INSTANCE, () -> awaitInvocation(exchange));
  }

  private void awaitInvocation(HttpServerExchange poll) {
    Pending pending;
    synchronized (this) {
      if (closed) {
        IoUtils.safeClose(poll.getConnection()); // the environment is ending
        return;
      }
      pending = queue.poll();
      if (pending == null) {
        polls.add(poll);
        return;
      }
    }
    deliver(poll, pending);
  }

  /** A waiting long poll whose connection is still open, or null. Guarded by this. */
  private HttpServerExchange openPoll() {
    for (HttpServerExchange poll = polls.poll(); poll != null; poll = polls.poll()) {
      if (poll.getConnection().isOpen()) {
        return poll;
      }
    }
    return null;
  }

  /**
   * Answers a long poll with the invocation, on the calling thread: Undertow lets any thread end a
   * dispatched exchange.
   */
  private void deliver(HttpServerExchange poll, Pending pending) {
    RuntimeRequest request = pending.request();
    inFlight.put(request.requestId(), pending);
    poll.getResponseHeaders()
        .put(new HttpString(REQUEST_ID), request.requestId())
        .put(new HttpString(DEADLINE), Long.toString(request.deadlineMillis()))
        .put(new HttpString(FUNCTION_ARN), request.functionArn())
        .put(Headers.CONTENT_TYPE, "application/json");
    if (request.traceId() != null) {
      poll.getResponseHeaders().put(new HttpString(TRACE_ID), request.traceId());
    }
    poll.setStatusCode(StatusCodes.OK);
    poll.setResponseContentLength(request.event().length);
    poll.getResponseSender().send(ByteBuffer.wrap(request.event()), IoCallback.END_EXCHANGE);
  }

  private void reply(HttpServerExchange exchange, byte[] body, String errorType) {
    String id = exchange.getQueryParameters().get("id").getFirst();
    Pending pending = inFlight.remove(id);
    if (pending == null) {
      answer(exchange, StatusCodes.BAD_REQUEST, error("Invalid request ID", "InvalidRequestID"));
      return;
    }
    answer(exchange, StatusCodes.ACCEPTED, "{\"status\":\"OK\"}");
    pending.reply().complete(new RuntimeReply(body, errorType));
  }

  private void initError(HttpServerExchange exchange, byte[] body) {
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

  /**
   * Reads the whole body as the I/O thread receives it, then runs {@code handler}; a body cut short
   * is a 400.
   */
  private static HttpHandler withBody(Receiver.FullBytesCallback handler) {
    return exchange ->
        exchange
            .getRequestReceiver()
            .receiveFullBytes(
                handler,
                (failed, e) -> {
                  if (!failed.isResponseStarted()) {
                    failed.setStatusCode(StatusCodes.BAD_REQUEST);
                  }
                  failed.endExchange();
                });
  }

  /** Stops serving; invocations not yet answered fail, as their environment is gone. */
  @Override
  public void close() {
    List<Pending> unanswered;
    synchronized (this) {
      closed = true;
      unanswered = new ArrayList<>(queue);
      queue.clear();
      polls.clear(); // their connections end with the listener
    }
    unanswered.addAll(inFlight.values());
    IllegalStateException gone = new IllegalStateException("the execution environment ended");
    init.completeExceptionally(gone);
    unanswered.forEach(pending -> pending.reply().completeExceptionally(gone));
    listener.close();
  }
}
