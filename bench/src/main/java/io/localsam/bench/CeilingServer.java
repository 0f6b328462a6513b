package io.localsam.bench;

import io.undertow.Undertow;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The ceiling: a bare Undertow handler answering {@code /hello} with the sample function's JSON and
 * headers, on the I/O thread, with the same Undertow version and I/O threads as LocalSAM. Nothing a
 * Lambda emulator must do (event, function, response mapping) happens here, so no emulator can beat it.
 *
 * <p>{@code java -cp ... io.localsam.bench.CeilingServer PORT}
 */
public final class CeilingServer {
  static final String BODY = "{\"message\": \"hello world\"}";
  private static final HttpString CUSTOM = HttpString.tryFromString("X-Custom-Header");

  private CeilingServer() {}

  public static void main(String[] args) {
    int port = Integer.parseInt(args[0]);
    ByteBuffer body = ByteBuffer.allocateDirect(BODY.length()).put(BODY.getBytes(StandardCharsets.UTF_8)).flip();
    Undertow server = Undertow.builder()
        .addHttpListener(port, "127.0.0.1")
        .setIoThreads(Math.max(2, Runtime.getRuntime().availableProcessors())) // as LocalSAM's GatewayServer
        .setHandler(exchange -> {
          if (!exchange.getRequestPath().equals("/hello")) {
            exchange.setStatusCode(404).endExchange();
            return;
          }
          exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json").put(CUSTOM, "application/json");
          exchange.getResponseSender().send(body.duplicate());
        })
        .build();
    server.start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "ceiling-shutdown"));
    System.err.println("Ceiling: bare Undertow on http://127.0.0.1:" + port + "/hello");
  }
}
