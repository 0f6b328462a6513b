package io.localsam.console;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * The console's page and its script and style sheet, read from the jar: it works offline, nothing
 * from a CDN.
 */
final class ConsoleAssets {
  private static final Map<String, String> FILES =
      Map.of(
          "", "text/html; charset=utf-8",
          "console.css", "text/css; charset=utf-8",
          "console.js", "text/javascript; charset=utf-8");

  private ConsoleAssets() {}

  /** Sends the asset {@code name} ({@code ""} is the page), or 404. */
  static void send(HttpServerExchange exchange, String name) throws IOException {
    String type = FILES.get(name);
    if (type == null || !exchange.getRequestMethod().toString().equals("GET")) {
      exchange.setStatusCode(404);
      exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
      exchange.getResponseSender().send("Not found: the console is at " + Console.PATH + "\n");
      return;
    }
    byte[] bytes;
    try (InputStream in =
        ConsoleAssets.class.getResourceAsStream(
            "assets/" + (name.isEmpty() ? "index.html" : name))) {
      if (in == null) {
        throw new IOException("the console's " + name + " is missing from the jar");
      }
      bytes = in.readAllBytes();
    }
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, type);
    exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-cache");
    exchange.getResponseSender().send(ByteBuffer.wrap(bytes));
  }
}
