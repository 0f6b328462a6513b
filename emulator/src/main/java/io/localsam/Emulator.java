package io.localsam;

import io.localsam.gateway.AuthSettings;
import io.localsam.gateway.GatewayServer;
import io.localsam.gateway.UndertowServers;
import io.localsam.runtime.EnvVarsFile;
import io.localsam.runtime.FunctionRuntime;
import io.localsam.runtime.InvocationResult;
import io.localsam.template.Template;
import io.localsam.template.TemplateLoader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * A running LocalSAM: the template's APIs served on an embedded server, each function run in-process
 * as Lambda would run it. The command line, {@code @LocalApi} and tests all start one the same way:
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
  /** How many invocations the journal keeps; the oldest go first. */
  static final int JOURNAL_LIMIT = 1000;
  static {
    UndertowServers.quietLogs();
  }

  private final EmulatorOptions options;
  private final Template template;
  private final FunctionRuntime runtime;
  private final GatewayServer server;
  // Kept as received; turned into text only when asked for, off the request path.
  private final ArrayDeque<Recorded> journal = new ArrayDeque<>();

  private record Recorded(String functionId, byte[] event, InvocationResult result) {}

  private Emulator(EmulatorOptions options, Template template, FunctionRuntime runtime, GatewayServer server) {
    this.options = options;
    this.template = template;
    this.runtime = runtime;
    this.server = server;
  }

  /**
   * Reads the template, finds every function's code, mounts every route and starts serving.
   *
   * @throws LocalSamException when the template cannot be read, code cannot be found or the port is taken
   */
  public static Emulator start(EmulatorOptions options) {
    Consumer<String> log = options.log();
    Template template = TemplateLoader.load(options.template(), options.parameterOverrides(), options.region());
    template.warnings().forEach(warning -> log.accept("Warning: " + warning));
    Emulator[] self = new Emulator[1];
    FunctionRuntime runtime = new FunctionRuntime(template, options.region(), EnvVarsFile.read(options.envVars()).with(options.functionEnvironment()), log,
        (functionId, event, result) -> self[0].record(functionId, event, result));
    GatewayServer server;
    try {
      server = GatewayServer.start(template, runtime, options.host(), options.port(), staticDir(options),
          new AuthSettings(options.region(), options.jwks(), options.disableAuthorizer(), options.apiKeys()), log);
    } catch (RuntimeException e) {
      runtime.close();
      throw e;
    }
    self[0] = new Emulator(options, template, runtime, server);
    server.mountingLines().forEach(log);
    return self[0];
  }

  /** {@code --static-dir}, or SAM CLI's default: {@code public} beside the template, when it exists. */
  private static java.nio.file.Path staticDir(EmulatorOptions options) {
    if (options.staticDir() != null) {
      if (!java.nio.file.Files.isDirectory(options.staticDir())) {
        throw new LocalSamException("--static-dir " + options.staticDir() + " is not a folder");
      }
      return options.staticDir();
    }
    java.nio.file.Path folder = options.template().toAbsolutePath().getParent();
    java.nio.file.Path defaultDir = folder == null ? null : folder.resolve("public");
    return defaultDir != null && java.nio.file.Files.isDirectory(defaultDir) ? defaultDir : null;
  }

  /** The base URL, ending in {@code /}: {@code http://127.0.0.1:3000/}. */
  public URI baseUri() {
    return server.baseUri();
  }

  /** A URL under the base: {@code uri("/hello")} and {@code uri("hello")} are the same. */
  public URI uri(String path) {
    return baseUri().resolve(path.startsWith("/") ? path.substring(1) : path);
  }

  public int port() {
    return server.port();
  }

  public EmulatorOptions options() {
    return options;
  }

  /** The template as read: functions, APIs, routes and warnings. */
  public Template template() {
    return template;
  }

  /**
   * Invokes a function directly with an event, as {@code sam local invoke} and Lambda's Invoke API do.
   * A function that throws or times out gives an {@link Invocation} that {@linkplain Invocation#failed()
   * failed}, with the runtime's error document as its response.
   */
  public Invocation invoke(String functionId, String eventJson) {
    try {
      byte[] event = eventJson.getBytes(StandardCharsets.UTF_8);
      return toInvocation(functionId, event, runtime.invoke(functionId, event).join());
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException runtimeError ? runtimeError : e;
    }
  }

  /** Initialises one execution environment per function now, as {@code --warm-containers EAGER} does. */
  public void warmUp() {
    runtime.warmUp();
  }

  /** Every invocation since start or the last {@link #resetJournal()}, oldest first (the last 1000). */
  public List<Invocation> invocations() {
    List<Recorded> recorded;
    synchronized (journal) {
      recorded = List.copyOf(journal);
    }
    return recorded.stream().map(r -> toInvocation(r.functionId(), r.event(), r.result())).toList();
  }

  public void resetJournal() {
    synchronized (journal) {
      journal.clear();
    }
  }

  private void record(String functionId, byte[] event, InvocationResult result) {
    Recorded invocation = new Recorded(functionId, event, result);
    synchronized (journal) {
      if (journal.size() == JOURNAL_LIMIT) {
        journal.removeFirst();
      }
      journal.addLast(invocation);
    }
  }

  private static Invocation toInvocation(String functionId, byte[] event, InvocationResult result) {
    return new Invocation(functionId, result.requestId(), new String(event, StandardCharsets.UTF_8),
        new String(result.payload(), StandardCharsets.UTF_8), result.errorType(), result.duration());
  }

  /**
   * Stops taking requests, waits up to {@code grace} for those in flight to be answered, then
   * {@linkplain #close() closes}: what Ctrl-C and SIGTERM do to {@code start-api}.
   */
  public void shutdown(Duration grace) {
    server.drain(grace);
    close();
  }

  /** Stops serving and releases every function's class loaders. */
  @Override
  public void close() {
    server.close();
    runtime.close();
  }
}
