package io.localsam.testsupport;

import io.localsam.fault.Faults;
import io.localsam.lambda.LambdaServer;
import io.localsam.runtime.EnvVarsFile;
import io.localsam.runtime.FunctionRuntime;
import io.localsam.runtime.InvocationListener;
import io.localsam.template.Template;
import io.localsam.template.TemplateLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * A real {@code start-lambda}: the Invoke API server on a free port over a runtime for a template
 * written by the test ({@code ${CODE}} as in {@link TestApi}). Logs are kept; the listener sees
 * every invocation.
 */
public final class TestLambda implements AutoCloseable {
  private final List<String> logs;
  private final FunctionRuntime runtime;
  private final LambdaServer server;
  private final HttpTestClient client;

  private TestLambda(List<String> logs, FunctionRuntime runtime, LambdaServer server) {
    this.logs = logs;
    this.runtime = runtime;
    this.server = server;
    this.client = new HttpTestClient(server.baseUri());
  }

  public static TestLambda start(Path folder, String template, InvocationListener listener) {
    return start(folder, template, listener, FunctionRuntime.ASYNC_RETRY_DELAY);
  }

  /**
   * Like {@link #start(Path, String, InvocationListener)}, with the wait before an asynchronous
   * retry.
   */
  public static TestLambda start(
      Path folder, String template, InvocationListener listener, Duration asyncRetryDelay) {
    return start(folder, template, listener, asyncRetryDelay, Faults.none());
  }

  /**
   * Like {@link #start(Path, String, InvocationListener, Duration)}, with the faults its functions
   * are given.
   */
  public static TestLambda start(
      Path folder,
      String template,
      InvocationListener listener,
      Duration asyncRetryDelay,
      Faults faults) {
    List<String> logs = Collections.synchronizedList(new ArrayList<>());
    Template parsed =
        TemplateLoader.load(TestApi.writeTemplate(folder, template), Map.of(), "us-east-1");
    FunctionRuntime runtime =
        new FunctionRuntime(
            parsed,
            "us-east-1",
            EnvVarsFile.NONE,
            logs::add,
            listener,
            asyncRetryDelay,
            io.localsam.config.Isolation.IN_PROCESS,
            true,
            faults,
            Map.of());
    try {
      return new TestLambda(
          logs,
          runtime,
          LambdaServer.start(parsed, runtime, "127.0.0.1", 0, "us-east-1", logs::add));
    } catch (RuntimeException e) {
      runtime.close();
      throw e;
    }
  }

  public FunctionRuntime runtime() {
    return runtime;
  }

  public LambdaServer server() {
    return server;
  }

  public int port() {
    return server.port();
  }

  public HttpTestClient http() {
    return client;
  }

  /** Everything logged so far, one line each, joined. */
  public String logs() {
    synchronized (logs) {
      return String.join("\n", logs);
    }
  }

  /** True once a log line containing {@code text} was written; waits up to 10 s for it. */
  public boolean logged(String text) {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (logs().contains(text)) {
        return true;
      }
      LockSupport.parkNanos(10_000_000L);
    }
    return false;
  }

  @Override
  public void close() {
    server.close();
    runtime.close();
  }
}
