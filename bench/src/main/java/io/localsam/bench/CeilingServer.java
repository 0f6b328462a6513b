package io.localsam.bench;

import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The ceiling: a bare Undertow handler answering {@code /hello} with the sample function's JSON and
 * headers, with the same Undertow version and I/O threads as LocalSAM. Nothing a Lambda emulator
 * must do (event, function, response mapping) happens here, so no emulator can beat it. With {@code
 * worker} (the default) the handler dispatches to Undertow's worker pool and answers from there, as
 * any server must for handler code that may block: the fair ceiling for a Lambda emulator. With
 * {@code io} it answers on the I/O thread, which only non-blocking code may do.
 *
 * <p>{@code java -cp ... io.localsam.bench.CeilingServer PORT [worker|io]}
 */
public final class CeilingServer {
  static final String BODY = "{\"message\": \"hello world\"}";
  private static final HttpString CUSTOM = HttpString.tryFromString("X-Custom-Header");

  private CeilingServer() {}

  public static void main(String[] args) {
    int port = Integer.parseInt(args[0]);
    boolean onWorker = args.length < 2 || args[1].equals("worker");
    ByteBuffer body =
        ByteBuffer.allocateDirect(BODY.length()).put(BODY.getBytes(StandardCharsets.UTF_8)).flip();
    Undertow server =
        Undertow.builder()
            .addHttpListener(port, "127.0.0.1")
            .setIoThreads(
                Math.max(
                    2, Runtime.getRuntime().availableProcessors())) // as LocalSAM's GatewayServer
            .setHandler(
                new HttpHandler() {
                  @Override
                  public void handleRequest(HttpServerExchange exchange) {
                    if (onWorker && exchange.isInIoThread()) {
                      exchange.dispatch(this);
                      return;
                    }
                    answer(exchange, body);
                  }
                })
            .build();
    server.start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "ceiling-shutdown"));
    System.err.println(
        "Ceiling: bare Undertow on http://127.0.0.1:"
            + port
            + "/hello, answering on the "
            + (onWorker ? "worker" : "I/O")
            + " thread");
  }

  private static void answer(HttpServerExchange exchange, ByteBuffer body) {
    if (!exchange.getRequestPath().equals("/hello")) {
      exchange.setStatusCode(404).endExchange();
      return;
    }
    exchange
        .getResponseHeaders()
        .put(Headers.CONTENT_TYPE, "application/json")
        .put(CUSTOM, "application/json");
    exchange.getResponseSender().send(body.duplicate());
  }
}
