package io.localsam.gateway;

import io.localsam.error.LocalSamException;
import io.localsam.fault.Faults;
import io.localsam.runtime.FunctionRuntime;
import io.localsam.runtime.FunctionSet;
import io.localsam.server.UndertowServers;
import io.localsam.template.Template;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.GracefulShutdownHandler;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/**
 * The local API Gateway: Undertow serving every route of the template.
 *
 * <p>Threading: route matching and body reading run on Undertow's I/O threads and never block; the
 * function runs on the runtime's worker threads; the response is written from whichever thread
 * completes the invocation (or from the timer thread for an integration timeout), once.
 *
 * <p>A new version of the template replaces the routes whole ({@link #prepare}): each request is
 * routed, from start to answer, by the version it arrived under; the port and listener stay as they
 * are.
 */
public final class GatewayServer implements AutoCloseable {
  static final int MAX_REQUEST_BYTES = 10 * 1024 * 1024; // API Gateway's payload limit

  private final Undertow server;
  private final GracefulShutdownHandler shutdown;
  private final ScheduledThreadPoolExecutor timer;
  private final AtomicReference<Routes> routes;
  private final WebSocketGateway webSockets;
  private final StaticFiles staticFiles;
  private final AuthSettings auth;
  private final Faults faults;
  private final ExchangeListener exchanges;
  private final AtomicReference<HttpHandler> console;
  private final Consumer<String> log;
  private final String scheme;
  private final String host;
  private final int port;

  /**
   * One version of the template as served: its route table, and the handlers a matched request goes
   * through.
   */
  private record Routes(RouteTable table, HttpHandler chain, AuthorizerCache authorizerCache) {}

  private GatewayServer(
      Undertow server,
      GracefulShutdownHandler shutdown,
      ScheduledThreadPoolExecutor timer,
      AtomicReference<Routes> routes,
      WebSocketGateway webSockets,
      StaticFiles staticFiles,
      AuthSettings auth,
      Faults faults,
      ExchangeListener exchanges,
      AtomicReference<HttpHandler> console,
      Consumer<String> log,
      String scheme,
      String host,
      int port) {
    this.faults = faults;
    this.server = server;
    this.webSockets = webSockets;
    this.shutdown = shutdown;
    this.timer = timer;
    this.routes = routes;
    this.staticFiles = staticFiles;
    this.auth = auth;
    this.exchanges = exchanges;
    this.console = console;
    this.log = log;
    this.scheme = scheme;
    this.host = host;
    this.port = port;
  }

  /**
   * Binds {@code host:port} (port 0 picks a free one) and starts serving, over HTTPS with {@code
   * tls} when given, with the faults injected into routes ({@code Emulator.faults()}, {@code
   * --fault}), and tells {@code exchanges} about each request answered after invoking its function.
   *
   * @throws LocalSamException when the port is taken, a key set cannot be read, or a route is under
   *     {@code /__localsam/}
   */
  public static GatewayServer start(
      Template template,
      FunctionRuntime runtime,
      String host,
      int port,
      Path staticDir,
      AuthSettings auth,
      SSLContext tls,
      Faults faults,
      ExchangeListener exchanges,
      Consumer<String> log) {
    return start(
        template,
        runtime,
        host,
        port,
        staticDir,
        auth,
        tls,
        faults,
        exchanges,
        log,
        WebSocketLimits.DEPLOYED);
  }

  /**
   * As the public {@code start}, with WebSocket limits of the caller's (tests use short timeouts).
   */
  static GatewayServer start(
      Template template,
      FunctionRuntime runtime,
      String host,
      int port,
      Path staticDir,
      AuthSettings auth,
      SSLContext tls,
      Faults faults,
      ExchangeListener exchanges,
      Consumer<String> log,
      WebSocketLimits limits) {
    StaticFiles staticFiles = staticDir == null ? null : new StaticFiles(staticDir);
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(
            1,
            runnable -> {
              Thread thread = Executors.defaultThreadFactory().newThread(runnable);
              thread.setName("localsam-gateway-timer");
              thread.setDaemon(true);
              return thread;
            });
    timer.setRemoveOnCancelPolicy(true);
    AtomicReference<Routes> routes;
    try {
      routes =
          new AtomicReference<>(
              routes(
                  template, runtime.current(), staticFiles, auth, faults, exchanges, timer, log));
    } catch (RuntimeException e) {
      timer.shutdownNow();
      throw e;
    }
    HttpHandler current = exchange -> routes.get().chain().handleRequest(exchange);
    WebSocketGateway webSockets =
        new WebSocketGateway(
            WebSocketGateway.mounts(template, runtime.current(), auth.region(), log),
            timer,
            limits,
            log,
            current);
    AtomicReference<HttpHandler> console = new AtomicReference<>();
    GracefulShutdownHandler chain =
        Handlers.gracefulShutdown(
            new ReservedPrefix(console, new RequestHeadLimit(webSockets, log)));
    Undertow server =
        UndertowServers.builder(host, port, MAX_REQUEST_BYTES, chain, tls)
            .setIoThreads(Math.max(2, Runtime.getRuntime().availableProcessors()))
            .setWorkerThreads(4)
            .setServerOption(
                UndertowOptions.DECODE_URL,
                false) // routing decodes segment by segment, so %2F stays in a value
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
    return new GatewayServer(
        server,
        chain,
        timer,
        routes,
        webSockets,
        staticFiles,
        auth,
        faults,
        exchanges,
        console,
        log,
        tls == null ? "http" : "https",
        host,
        bound);
  }

  /**
   * Route → body → authorizer → API key → function, for one version of the template; preflights are
   * answered by route matching.
   */
  private static Routes routes(
      Template template,
      FunctionSet functions,
      StaticFiles staticFiles,
      AuthSettings auth,
      Faults faults,
      ExchangeListener exchanges,
      ScheduledExecutorService timer,
      Consumer<String> log) {
    ReservedPrefix.check(template);
    RouteTable table = new RouteTable(template);
    HttpHandler proxy = new LambdaProxyHandler(functions, template, timer, faults, exchanges, log);
    AuthorizerCache authorizerCache = new AuthorizerCache();
    HttpHandler authorized =
        AuthorizerSetup.chain(template, functions, auth, authorizerCache, proxy, log);
    return new Routes(
        table,
        new RouteMatchHandler(table, staticFiles, new RequestBodyHandler(authorized, log), log),
        authorizerCache);
  }

  /**
   * Readies the routes of a new version of the template, calling {@code functions}; the returned
   * action puts them in use. Requests in flight finish on the routes they arrived under.
   *
   * @throws LocalSamException when the new version's authorizers cannot be set up (a key set cannot
   *     be read)
   */
  public Runnable prepare(Template next, FunctionSet functions) {
    Routes prepared = routes(next, functions, staticFiles, auth, faults, exchanges, timer, log);
    Map<String, WebSocketMount> sockets =
        WebSocketGateway.mounts(next, functions, auth.region(), log);
    return () -> {
      routes.set(prepared);
      webSockets.use(sockets);
    };
  }

  /**
   * Serves {@code handler} under {@code /__localsam/} (the web console and admin API); null turns
   * it off again. Until one is mounted, requests there get 404: the prefix never reaches a
   * function.
   */
  public void mountConsole(HttpHandler handler) {
    console.set(handler);
  }

  /** The scheme served: {@code http}, or {@code https} with TLS. */
  public String scheme() {
    return scheme;
  }

  public int port() {
    return port;
  }

  public String host() {
    return host;
  }

  /**
   * The base URL, ending in {@code /}: {@code http://127.0.0.1:3000/}, or {@code https://} with
   * TLS.
   */
  public URI baseUri() {
    return URI.create(UndertowServers.origin(scheme, host, port) + "/");
  }

  /**
   * SAM CLI's start-up lines: one per function and path, methods sorted, as the server will serve
   * them.
   */
  public List<String> mountingLines() {
    List<String> lines =
        new java.util.ArrayList<>(
            StartupLines.of(
                routes.get().table().routes(), UndertowServers.origin(scheme, host, port)));
    lines.addAll(
        StartupLines.webSockets(
            webSockets.mounted(),
            UndertowServers.origin(scheme.equals("https") ? "wss" : "ws", host, port),
            UndertowServers.origin(scheme, host, port)));
    return lines;
  }

  /**
   * Forgets every cached Lambda authorizer result: the next request to a guarded route calls its
   * authorizer again.
   */
  public void clearAuthorizerCache() {
    routes.get().authorizerCache().clear();
    webSockets.clearAuthorizerCaches();
  }

  /**
   * Stops taking requests (new ones get 503) and waits up to {@code grace} for those in flight to
   * be answered; true when they all were.
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
    webSockets.closeAll();
    UndertowServers.stop(server);
    timer.shutdownNow();
  }
}
