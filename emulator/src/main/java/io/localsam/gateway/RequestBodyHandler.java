package io.localsam.gateway;

import io.localsam.server.BodyReader;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import java.util.function.Consumer;

/**
 * Reads the whole request body without blocking the I/O thread, then hands on; a body over the
 * limit gets 413.
 */
final class RequestBodyHandler implements HttpHandler {
  static final AttachmentKey<byte[]> BODY = AttachmentKey.create(byte[].class);

  private final BodyReader reader = new BodyReader(GatewayServer.MAX_REQUEST_BYTES);
  private final HttpHandler next;
  private final Consumer<String> log;

  RequestBodyHandler(HttpHandler next, Consumer<String> log) {
    this.next = next;
    this.log = log;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    reader.read(
        exchange,
        (ex, body) -> {
          ex.putAttachment(BODY, body);
          try {
            next.handleRequest(ex);
          } catch (Exception e) {
            log.accept(
                "Internal error handling "
                    + ex.getRequestMethod()
                    + " "
                    + RouteMatchHandler.rawPath(ex)
                    + ": "
                    + e);
            ResponseWriter.send(
                ex, GatewayErrors.internal(ResponseWriter.kind(ex)), ResponseWriter.kind(ex), null);
          }
        },
        ex ->
            ResponseWriter.send(
                ex,
                GatewayResponse.json(413, "{\"message\":\"Request Too Long\"}"),
                ResponseWriter.kind(ex),
                null),
        (ex, error) -> {
          ex.setStatusCode(400);
          ex.endExchange(); // the client went away or sent a broken body
        });
  }

  @Override
  public String toString() {
    return "request-body";
  }
}
