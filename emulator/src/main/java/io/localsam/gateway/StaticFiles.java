package io.localsam.gateway;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.MimeMappings;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * SAM CLI's {@code --static-dir}: files of one folder served at {@code /} for GET and HEAD requests that
 * no route takes. Nothing outside the folder, no directory listings.
 */
final class StaticFiles {
  private final Path root;

  StaticFiles(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  Path root() {
    return root;
  }

  /** The file a request path names, or null when there is none (or it lies outside the folder). */
  Path find(String method, String rawPath) {
    if (!method.equals("GET") && !method.equals("HEAD")) {
      return null;
    }
    String decoded;
    try {
      decoded = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (decoded.indexOf('\0') >= 0) {
      return null;
    }
    Path file = root.resolve(decoded.startsWith("/") ? decoded.substring(1) : decoded).normalize();
    if (!file.startsWith(root) || !Files.isRegularFile(file) || !Files.isReadable(file)) {
      return null;
    }
    return file;
  }

  /** Sends the file (from a worker thread: reading a file blocks). */
  static void send(HttpServerExchange exchange, Path file) {
    exchange.dispatch(() -> {
      try {
        byte[] bytes = Files.readAllBytes(file);
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String type = dot < 0 ? null : MimeMappings.DEFAULT.getMimeType(name.substring(dot + 1));
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, type != null ? type : "application/octet-stream");
        exchange.getResponseSender().send(ByteBuffer.wrap(bytes));
      } catch (IOException e) {
        exchange.setStatusCode(500);
        exchange.endExchange();
      }
    });
  }
}
