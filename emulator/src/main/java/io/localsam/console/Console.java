package io.localsam.console;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.util.function.Consumer;

/**
 * LocalSAM's web console and admin API, served under {@code /__localsam/} on the gateway's port: the console's
 * page and assets (plain HTML, CSS and JavaScript shipped in the jar, nothing fetched from elsewhere), the JSON
 * admin API, and the live stream of invocations. The gateway mounts it; the facade gives it its
 * {@link ConsoleSource}.
 */
public final class Console implements HttpHandler, AutoCloseable {
  /** Where the console is: {@code /__localsam/}. */
  public static final String PATH = "/__localsam/";

  private final InvocationStream stream;
  private final AdminApi api;

  public Console(ConsoleSource source, Consumer<String> log) {
    this.stream = new InvocationStream(source);
    this.api = new AdminApi(source, stream::reset, log);
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    String path = exchange.getRequestPath();
    if (path.equals("/__localsam")) {
      exchange.setStatusCode(302);
      exchange.getResponseHeaders().put(Headers.LOCATION, PATH);
      exchange.endExchange();
      return;
    }
    if (path.equals(AdminApi.PREFIX + "stream")) {
      stream.handleRequest(exchange);
      return;
    }
    if (path.startsWith(AdminApi.PREFIX)) {
      if (exchange.isInIoThread()) {
        exchange.dispatch(this); // a replay waits for the gateway, a reset for environments to close
        return;
      }
      api.handle(exchange, path.substring(AdminApi.PREFIX.length()));
      return;
    }
    ConsoleAssets.send(exchange, path.substring(PATH.length()));
  }

  /** Ends the open event streams, so a server that drains its requests does not wait for them. */
  @Override
  public void close() {
    stream.close();
  }

  @Override
  public String toString() {
    return "console(" + PATH + ")";
  }
}
