package io.localsam.gateway;

import io.localsam.LocalSamException;
import io.localsam.runtime.FunctionRuntime;
import io.localsam.template.Template;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.GracefulShutdownHandler;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/**
 * The local API Gateway: Undertow serving every route of the template.
 *
 * <p>Threading: route matching and body reading run on Undertow's I/O threads and never block; the
 * function runs on the runtime's worker threads; the response is written from whichever thread
 * completes the invocation (or from the timer thread for an integration timeout), once.
 */
public final class GatewayServer implements AutoCloseable {
  static final int MAX_REQUEST_BYTES = 10 * 1024 * 1024; // API Gateway's payload limit

  private final Undertow server;
  private final GracefulShutdownHandler shutdown;
  private final ScheduledThreadPoolExecutor timer;
  private final RouteTable routes;
  private final String scheme;
  private final String host;
  private final int port;

  private GatewayServer(Undertow server, GracefulShutdownHandler shutdown, ScheduledThreadPoolExecutor timer,
      RouteTable routes, String scheme, String host, int port) {
    this.server = server;
    this.shutdown = shutdown;
    this.timer = timer;
    this.routes = routes;
    this.scheme = scheme;
    this.host = host;
    this.port = port;
  }

  /** Binds {@code host:port} (port 0 picks a free one) and starts serving, every authorizer on, no key set. */
  public static GatewayServer start(Template template, FunctionRuntime runtime, String host, int port,
      java.nio.file.Path staticDir, Consumer<String> log) {
    return start(template, runtime, host, port, staticDir, AuthSettings.defaults("us-east-1"), null, log);
  }

  /**
   * Binds {@code host:port} (port 0 picks a free one) and starts serving, over HTTPS with {@code tls}.
   *
   * @throws LocalSamException when the port is taken or a key set cannot be read
   */
  public static GatewayServer start(Template template, FunctionRuntime runtime, String host, int port,
      java.nio.file.Path staticDir, AuthSettings auth, SSLContext tls, Consumer<String> log) {
    RouteTable routes = new RouteTable(template);
    StaticFiles staticFiles = staticDir == null ? null : new StaticFiles(staticDir);
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = Executors.defaultThreadFactory().newThread(runnable);
      thread.setName("localsam-gateway-timer");
      thread.setDaemon(true);
      return thread;
    });
    timer.setRemoveOnCancelPolicy(true);
    // header size → route → body → authorizer → API key → function; preflights are answered by route matching
    HttpHandler proxy = new LambdaProxyHandler(runtime, template, timer, log);
    HttpHandler authorized = AuthorizerSetup.chain(template, runtime, auth, proxy, log);
    GracefulShutdownHandler chain = Handlers.gracefulShutdown(new RequestHeadLimit(
        new RouteMatchHandler(routes, staticFiles, new RequestBodyHandler(authorized, log), log), log));
    Undertow server = UndertowServers.builder(host, port, MAX_REQUEST_BYTES, chain, tls)
        .setIoThreads(Math.max(2, Runtime.getRuntime().availableProcessors()))
        .setWorkerThreads(4)
        .setServerOption(UndertowOptions.DECODE_URL, false) // routing decodes segment by segment, so %2F stays in a value
        .setServerOption(UndertowOptions.ALLOW_ENCODED_SLASH, true)
        .build();
    int bound;
    try {
      bound = UndertowServers.start(server, host, port);
    } catch (LocalSamException e) {
      timer.shutdownNow();
      throw e;
    }
    if (staticFiles != null) {
      log.accept("Mounting static files from " + staticFiles.root() + " at /");
    }
    return new GatewayServer(server, chain, timer, routes, tls == null ? "http" : "https", host, bound);
  }

  public int port() {
    return port;
  }

  public String host() {
    return host;
  }

  /** The base URL, ending in {@code /}: {@code http://127.0.0.1:3000/}, or {@code https://} with TLS. */
  public URI baseUri() {
    return URI.create(UndertowServers.origin(scheme, host, port) + "/");
  }

  /** SAM CLI's start-up lines: one per function and path, methods sorted, as the server will serve them. */
  public List<String> mountingLines() {
    return StartupLines.of(routes.routes(), UndertowServers.origin(scheme, host, port));
  }

  /**
   * Stops taking requests (new ones get 503) and waits up to {@code grace} for those in flight to be
   * answered; true when they all were.
   */
  public boolean drain(Duration grace) {
    shutdown.shutdown();
    try {
      return shutdown.awaitShutdown(grace.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public void close() {
    UndertowServers.stop(server);
    timer.shutdownNow();
  }
}
