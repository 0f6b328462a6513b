package io.localsam.lambda;

import io.localsam.error.LocalSamException;
import io.localsam.runtime.FunctionRuntime;
import io.localsam.server.UndertowServers;
import io.localsam.template.Template;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.server.handlers.GracefulShutdownHandler;
import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The local Lambda service of {@code start-lambda}: the Invoke API on an embedded server, so the
 * AWS SDKs and CLI (with an endpoint override) and functions that call other functions reach the
 * template's functions as they would reach Lambda.
 *
 * <pre>{@code
 * try (FunctionRuntime runtime = new FunctionRuntime(template, "us-east-1", EnvVarsFile.NONE, log, (f, e, r) -> { });
 *     LambdaServer lambda = LambdaServer.start(template, runtime, "127.0.0.1", 3001, "us-east-1", log)) {
 *   // POST http://127.0.0.1:3001/2015-03-31/functions/HelloFunction/invocations
 * }
 * }</pre>
 */
public final class LambdaServer implements AutoCloseable {
  private final Undertow server;
  private final GracefulShutdownHandler shutdown;
  private final InvokeApiHandler invoke;
  private final FunctionRuntime runtime;
  private final String host;
  private final int port;

  private LambdaServer(
      Undertow server,
      GracefulShutdownHandler shutdown,
      InvokeApiHandler invoke,
      FunctionRuntime runtime,
      String host,
      int port) {
    this.server = server;
    this.shutdown = shutdown;
    this.invoke = invoke;
    this.runtime = runtime;
    this.host = host;
    this.port = port;
  }

  /**
   * Binds {@code host:port} (port 0 picks a free one) and serves the Invoke API for the template's
   * functions.
   *
   * @throws LocalSamException when the port is taken
   */
  public static LambdaServer start(
      Template template,
      FunctionRuntime runtime,
      String host,
      int port,
      String region,
      Consumer<String> log) {
    InvokeApiHandler invoke = new InvokeApiHandler(template, runtime, region, log);
    GracefulShutdownHandler root = Handlers.gracefulShutdown(invoke);
    Undertow server =
        UndertowServers.builder(host, port, FunctionRuntime.MAX_PAYLOAD_BYTES, root, null)
            .setIoThreads(2)
            .setWorkerThreads(2) // nothing blocks a worker: functions run on the runtime's threads
            .build();
    int bound = UndertowServers.start(server, host, port);
    return new LambdaServer(server, root, invoke, runtime, host, bound);
  }

  /** Serves the functions of a new version of the template, by their new names, from now on. */
  public void update(Template next) {
    invoke.update(next);
  }

  public int port() {
    return port;
  }

  /** The endpoint to give an SDK's {@code endpointOverride}: {@code http://127.0.0.1:3001/}. */
  public URI baseUri() {
    return URI.create(UndertowServers.origin(host, port) + "/");
  }

  /**
   * Stops taking requests (new ones get 503) and waits up to {@code grace} for those in flight to
   * be answered and for accepted {@code Event} invocations to run (retries at once); true when they
   * all did. Those still unrun are counted in the log when the runtime closes.
   */
  public boolean drain(Duration grace) {
    long deadline = System.nanoTime() + grace.toNanos();
    shutdown.shutdown();
    boolean answered;
    try {
      answered = shutdown.awaitShutdown(grace.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    return runtime.drainAsync(Duration.ofNanos(Math.max(0, deadline - System.nanoTime()))) == 0
        && answered;
  }

  @Override
  public void close() {
    UndertowServers.stop(server);
  }
}
