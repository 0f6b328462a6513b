package io.localsam;

import io.localsam.config.ConsoleMode;
import io.localsam.console.Console;
import io.localsam.error.LocalSamException;
import io.localsam.fault.Faults;
import io.localsam.runtime.EnvVarsFile;
import io.localsam.runtime.FunctionRuntime;
import io.localsam.runtime.InvocationRejected;
import io.localsam.runtime.TemplateWatcher;
import io.localsam.server.UndertowServers;
import io.localsam.template.Template;
import io.localsam.template.WebSocketApiDef;
import io.localsam.template.WebSocketRouteDef;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/**
 * A running LocalSAM: the template's APIs served on an embedded server, each function run
 * in-process as Lambda would run it. The command line, {@code @LocalApi} and tests all start one
 * the same way:
 *
 * <pre>{@code
 * try (Emulator emulator = Emulator.start(EmulatorOptions.builder(Path.of("template.yaml")).port(0).build())) {
 *   HttpResponse<String> response = HttpClient.newHttpClient().send(
 *       HttpRequest.newBuilder(emulator.uri("/hello")).build(), BodyHandlers.ofString());
 *   Invocation direct = emulator.invoke("HelloWorldFunction", "{}");
 * }
 * }</pre>
 */
public final class Emulator implements AutoCloseable {
  /**
   * The variable that gives functions their WebSocket API's {@code @connections} endpoint (README,
   * WebSocket APIs).
   */
  public static final String WEBSOCKET_ENDPOINT = "LOCALSAM_WEBSOCKET_ENDPOINT";

  private final EmulatorOptions options;
  private final TemplateReload template;
  private final FunctionRuntime runtime;
  private final Front front;
  private final Journal journal;
  private final Faults faults;
  private volatile Console console; // null when the console is off

  private Emulator(
      EmulatorOptions options,
      TemplateReload template,
      FunctionRuntime runtime,
      Front front,
      Journal journal,
      Faults faults) {
    this.faults = faults;
    this.options = options;
    this.template = template;
    this.runtime = runtime;
    this.front = front;
    this.journal = journal;
  }

  /**
   * Reads the template, finds every function's code, mounts every route and starts serving.
   *
   * @throws LocalSamException when the template cannot be read, code cannot be found or the port is
   *     taken
   */
  public static Emulator start(EmulatorOptions options) {
    return start(LocalTemplate.read(options));
  }

  /**
   * Starts the functions {@code template} chose, served as its options' {@link
   * EmulatorOptions#server()} says: API Gateway's APIs, Lambda's Invoke API, or no server at all
   * (then only {@link #invoke} reaches them).
   *
   * @throws LocalSamException when code cannot be found or the port is taken
   */
  public static Emulator start(LocalTemplate template) {
    EmulatorOptions options = template.options();
    Consumer<String> log = template.log();
    Template selected = template.selected();
    SSLContext tls =
        options.tls() == null
            ? null
            : options.tls().sslContext(); // a bad file stops us before any function starts
    TemplateWatcher watcher = TemplateReload.watcher(options, selected, log);
    Journal journal = new Journal(); // before the server opens: a request may arrive at once
    TemplateReload[] current =
        new TemplateReload[1]; // the faults check against the template served at the time
    Faults faults =
        new Faults(
            id -> FaultTargets.checkFunction(current[0].current(), id),
            key ->
                FaultTargets.checkRoute(
                    current[0].current(), options.server() == EmulatorOptions.Server.API, key),
            options.log());
    // A WebSocket API's functions are told its @connections endpoint, so its port must be known
    // before they are
    boolean webSockets =
        options.server() == EmulatorOptions.Server.API && !selected.webSocketApis().isEmpty();
    int port = webSockets && options.port() == 0 ? freePort(options.host()) : options.port();
    FunctionRuntime runtime =
        new FunctionRuntime(
            selected,
            options.region(),
            EnvVarsFile.read(options.envVars()).with(options.functionEnvironment()),
            log,
            journal,
            options.asyncRetryDelay(),
            options.isolation(),
            options.watchCode(),
            faults,
            webSockets
                ? webSocketEndpoints(selected, tls == null ? "http" : "https", options.host(), port)
                : Map.of());
    Front front;
    try {
      front =
          Front.start(
              options, port, selected, runtime, tls, staticDir(options), faults, journal, log);
    } catch (RuntimeException e) {
      runtime.close();
      throw e;
    }
    current[0] =
        TemplateReload.start(
            options, selected, watcher, runtime, front.serving(), log, template.selection());
    Emulator emulator = new Emulator(options, current[0], runtime, front, journal, faults);
    if (front.consoleMount() != null && options.console().servesOn(options.host())) {
      emulator.console =
          new Console(
              new EmulatorConsoleSource(emulator, journal, runtime),
              options.console() == ConsoleMode.LOOPBACK,
              log);
      front.consoleMount().accept(emulator.console);
    }
    return emulator;
  }

  /**
   * The web console's URL ({@code http://127.0.0.1:3000/__localsam/}), its admin API under {@code
   * api/}; null when the console is off ({@code --no-console}, or bound to an address other than
   * loopback without {@code --console}).
   */
  public URI consoleUri() {
    return console == null ? null : uri(Console.PATH);
  }

  /**
   * {@code LOCALSAM_WEBSOCKET_ENDPOINT} for every function (README, WebSocket APIs): the
   * {@code @connections} endpoint of the WebSocket API whose route it serves, or of the first one,
   * as {@code http://127.0.0.1:PORT/STAGE}.
   */
  private static Map<String, Map<String, String>> webSocketEndpoints(
      Template template, String scheme, String host, int port) {
    if (template.webSocketApis().isEmpty()) {
      return Map.of();
    }
    String reachable = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
    Map<String, Map<String, String>> endpoints = new HashMap<>();
    for (WebSocketApiDef api : template.webSocketApis()) {
      String endpoint = UndertowServers.origin(scheme, reachable, port) + "/" + api.stageName();
      for (WebSocketRouteDef route : api.routes()) {
        endpoints.putIfAbsent(route.functionId(), Map.of(WEBSOCKET_ENDPOINT, endpoint));
      }
    }
    String first =
        UndertowServers.origin(scheme, reachable, port)
            + "/"
            + template.webSocketApis().get(0).stageName();
    template
        .functions()
        .keySet()
        .forEach(id -> endpoints.putIfAbsent(id, Map.of(WEBSOCKET_ENDPOINT, first)));
    return endpoints;
  }

  /** A port free now on {@code host}, for a server that must know its port before it binds. */
  private static int freePort(String host) {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new LocalSamException("cannot find a free port on " + host + ": " + e.getMessage());
    }
  }

  /**
   * {@code --static-dir}, or SAM CLI's default: {@code public} beside the template, when it exists.
   */
  private static Path staticDir(EmulatorOptions options) {
    if (options.server() != EmulatorOptions.Server.API) {
      return null;
    }
    if (options.staticDir() != null) {
      if (!Files.isDirectory(options.staticDir())) {
        throw new LocalSamException("--static-dir " + options.staticDir() + " is not a folder");
      }
      return options.staticDir();
    }
    Path folder = options.template().toAbsolutePath().getParent();
    Path defaultDir = folder == null ? null : folder.resolve("public");
    return defaultDir != null && Files.isDirectory(defaultDir) ? defaultDir : null;
  }

  /**
   * The base URL, ending in {@code /}: {@code http://127.0.0.1:3000/}, or {@code https://} with
   * TLS.
   */
  public URI baseUri() {
    return front.baseUri();
  }

  /** A URL under the base: {@code uri("/hello")} and {@code uri("hello")} are the same. */
  public URI uri(String path) {
    return baseUri().resolve(path.startsWith("/") ? path.substring(1) : path);
  }

  public int port() {
    return front.port();
  }

  public EmulatorOptions options() {
    return options;
  }

  /**
   * The template as read: functions, APIs, routes and warnings; the last good version when it was
   * reloaded.
   */
  public Template template() {
    return template.current();
  }

  /** The JWT and Cognito authorizers of the template in use: what a test token must satisfy. */
  public List<LocalTemplate.TokenAuthorizerInfo> tokenAuthorizers() {
    return LocalTemplate.tokenAuthorizers(template.current());
  }

  /** Whether the template has WebSocket APIs this emulator serves (README, WebSocket APIs). */
  public boolean servesWebSockets() {
    return options.server() == EmulatorOptions.Server.API
        && !template.current().webSocketApis().isEmpty();
  }

  /**
   * Every route served now (none without {@link EmulatorOptions.Server#API}), in template order.
   */
  public List<LocalTemplate.RouteInfo> routes() {
    return options.server() == EmulatorOptions.Server.API
        ? LocalTemplate.routes(template.current())
        : List.of();
  }

  /**
   * Reads the template again now and serves what changed, as an edit does while the template is
   * watched; false, and the last good version still served, when it cannot be read (the log says
   * why).
   */
  public boolean reloadTemplate() {
    return template.reload();
  }

  /**
   * Invokes a function directly with an event, as {@code sam local invoke} and Lambda's Invoke API
   * do. A function that throws or times out gives an {@link Invocation} that {@linkplain
   * Invocation#failed() failed}, with the runtime's error document as its response.
   */
  public Invocation invoke(String functionId, String eventJson) {
    try {
      byte[] event = eventJson.getBytes(StandardCharsets.UTF_8);
      io.localsam.runtime.InvocationResult result = runtime.invoke(functionId, event).join();
      Invocation recorded = journal.byRequestId(result.requestId()); // numbered, with its logs
      return recorded != null ? recorded : Journal.invocation(functionId, event, result);
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException runtimeError ? runtimeError : e;
    }
  }

  /**
   * Invokes a function asynchronously, as Lambda's {@code Event} invocation type and {@code
   * start-lambda} do: the event is queued and runs when the function has a free place, a failure is
   * retried per the function's {@code EventInvokeConfig}, and the outcome goes to its destination.
   * Returns the request id every attempt's context carries; {@link #awaitAsyncInvocations} waits
   * for the outcome, {@link #asyncInvocations} reports it.
   *
   * @throws InvocationRejected when the event is over Lambda's 1 MB limit or the queue is full
   */
  public String invokeAsync(String functionId, String eventJson) {
    return runtime.invokeAsync(functionId, eventJson.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Waits until every asynchronous invocation accepted so far has finished (retries and destination
   * functions included); true when they all did within {@code timeout}.
   */
  public boolean awaitAsyncInvocations(Duration timeout) {
    return runtime.awaitAsync(timeout);
  }

  /** How each finished asynchronous invocation ended, oldest first (the last 1000). */
  public List<AsyncInvocation> asyncInvocations() {
    return journal.asyncInvocations();
  }

  /**
   * Initialises one execution environment per function now, as {@code --warm-containers EAGER}
   * does.
   */
  public void warmUp() {
    runtime.warmUp();
  }

  /**
   * Every invocation since start or the last {@link #resetJournal()}, oldest first (the last 1000).
   */
  public List<Invocation> invocations() {
    return journal.invocations();
  }

  /**
   * The journal's invocations of one function (its logical id), oldest first: what a test asserts
   * on.
   */
  public List<Invocation> invocations(String functionId) {
    return journal.invocations().stream()
        .filter(invocation -> invocation.functionId().equals(functionId))
        .toList();
  }

  /**
   * Waits, up to {@code timeout}, until the journal holds at least {@code count} invocations of
   * {@code functionId} (an asynchronous event's attempts, a destination's invocation, a request
   * still running), and returns that function's invocations then, oldest first: fewer than {@code
   * count} when the time ran out, for the test to assert on.
   *
   * <pre>{@code
   * emulator.invokeAsync("OrdersFunction", event);
   * assertEquals(1, emulator.awaitInvocations("OrdersFunction", 1, Duration.ofSeconds(10)).size());
   * }</pre>
   */
  public List<Invocation> awaitInvocations(String functionId, int count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<Invocation> seen = invocations(functionId);
    while (seen.size() < count && System.nanoTime() - deadline < 0) {
      java.util.concurrent.locks.LockSupport.parkNanos(5_000_000L);
      seen = invocations(functionId);
    }
    return seen;
  }

  /** Forgets the journal: invocations and asynchronous outcomes. */
  public void resetJournal() {
    journal.clear();
  }

  /**
   * Returns the running emulator to a fresh state, as if just started, without a restart: every
   * execution environment is discarded (idle ones close now, busy ones as soon as their invocation
   * ends), so each function's next invocation is a cold start with fresh static state; cached
   * Lambda authorizer results are forgotten, so the next request calls the authorizer again;
   * injected {@linkplain #faults() faults} are removed; the journal is emptied. The template, port
   * and options stay as they are. An invocation still running when this is called is journaled when
   * it ends.
   */
  public void reset() {
    faults.clear();
    runtime.reset();
    front.clearAuthorizerCache();
    journal.clear();
  }

  /**
   * The faults injected into this emulator, as WireMock injects them into stubs: per function (seen
   * through routes, the Invoke API and {@link #invoke}) or per route (API Gateway's side), until
   * cleared or {@link #reset()}.
   *
   * <pre>{@code
   * emulator.faults().forFunction("OrdersFunction").throttle();            // routes: 500; Invoke API: 429
   * emulator.faults().forFunction("OrdersFunction").latency(Duration.ofMillis(300));
   * emulator.faults().forFunction("OrdersFunction").oneIn(3).error("java.io.UncheckedIOException", "DynamoDB down");
   * emulator.faults().forRoute("GET /orders").status(503);
   * emulator.faults().clear();
   * }</pre>
   *
   * Each invocation a fault applied to says so in the journal ({@link Invocation#fault()}).
   *
   * @throws LocalSamException from {@code forFunction} or {@code forRoute} when the template has no
   *     such function or route
   */
  public Faults faults() {
    return faults;
  }

  /**
   * Stops taking requests, waits up to {@code grace} for those in flight to be answered and for
   * accepted asynchronous invocations to run, then {@linkplain #close() closes}: what Ctrl-C and
   * SIGTERM do to {@code start-api}. Asynchronous invocations still unrun then are counted in the
   * log.
   */
  public void shutdown(Duration grace) {
    long deadline = System.nanoTime() + grace.toNanos();
    closeConsole(); // its open event streams would hold the drain for the whole grace
    front.drain(grace);
    runtime.drainAsync(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    close();
  }

  private void closeConsole() {
    Console open = console;
    if (open != null) {
      open.close();
    }
  }

  /** Stops serving and releases every function's class loaders. */
  @Override
  public void close() {
    closeConsole();
    template.close();
    front.close();
    runtime.close();
  }
}
