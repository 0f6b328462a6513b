package io.localsam.console;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.util.function.Consumer;

/**
 * LocalSAM's web console and admin API, served under {@code /__localsam/} on the gateway's port:
 * the console's page and assets (plain HTML, CSS and JavaScript shipped in the jar, nothing fetched
 * from elsewhere), the JSON admin API, and the live stream of invocations. The gateway mounts it;
 * the facade gives it its {@link ConsoleSource}.
 */
public final class Console implements HttpHandler, AutoCloseable {
  /** Where the console is: {@code /__localsam/}. */
  public static final String PATH = "/__localsam/";

  private final InvocationStream stream;
  private final AdminApi api;
  private final RequestGuard guard;

  /**
   * A console over {@code source}; {@code loopbackOnly} (the default mode) refuses requests whose
   * {@code Host} is not a loopback name, as a page elsewhere could otherwise reach it through the
   * browser (DNS rebinding).
   */
  public Console(ConsoleSource source, boolean loopbackOnly, Consumer<String> log) {
    this.stream = new InvocationStream(source);
    this.api = new AdminApi(source, stream::reset, log);
    this.guard = new RequestGuard(loopbackOnly);
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    String refusal = guard.refusal(exchange);
    if (refusal != null) {
      ObjectNode message = AdminJson.JSON.createObjectNode();
      message.put("message", refusal);
      AdminApi.send(exchange, 403, message);
      return;
    }
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
        exchange.dispatch(
            this); // a replay waits for the gateway, a reset for environments to close
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
