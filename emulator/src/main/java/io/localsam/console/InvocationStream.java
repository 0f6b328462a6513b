package io.localsam.console;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.sse.ServerSentEventConnection;
import io.undertow.server.handlers.sse.ServerSentEventHandler;
import java.util.function.Consumer;
import org.xnio.IoUtils;

/**
 * {@code GET /__localsam/api/stream}: Server-Sent Events, one {@code invocation} event (an
 * invocation's summary as JSON) each time the journal records an invocation or its HTTP answer
 * joins it, and a {@code reset} event when the journal is emptied. The journal is watched only
 * while someone listens.
 */
final class InvocationStream implements HttpHandler, AutoCloseable {
  private final ConsoleSource source;
  private final ServerSentEventHandler events;
  private final Consumer<ConsoleInvocation> broadcast = this::broadcast;
  private int listeners; // guarded by this

  InvocationStream(ConsoleSource source) {
    this.source = source;
    this.events = new ServerSentEventHandler(this::connected);
  }

  private void connected(ServerSentEventConnection connection, String lastEventId) {
    connection.setKeepAliveTime(
        15_000); // a comment line now and then keeps idle proxies from closing it
    synchronized (this) {
      if (listeners++ == 0) {
        source.watch(broadcast);
      }
    }
    connection.addCloseTask(
        closed -> {
          synchronized (this) {
            if (--listeners == 0) {
              source.unwatch(broadcast);
            }
          }
        });
    connection.send("{}", "hello", null, null);
  }

  private void broadcast(ConsoleInvocation invocation) {
    String data = AdminJson.summary(invocation).toString();
    for (ServerSentEventConnection connection : events.getConnections()) {
      connection.send(data, "invocation", Long.toString(invocation.id()), null);
    }
  }

  /** Tells every listener the journal was emptied. */
  void reset() {
    for (ServerSentEventConnection connection : events.getConnections()) {
      connection.send("{}", "reset", null, null);
    }
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    events.handleRequest(exchange);
  }

  /** Ends every open stream: a server draining its requests must not wait for these. */
  @Override
  public void close() {
    for (ServerSentEventConnection connection : events.getConnections()) {
      IoUtils.safeClose(connection);
    }
  }
}
