package io.localsam.gateway;

import io.localsam.error.LocalSamException;
import io.localsam.template.RouteDef;
import io.localsam.template.Template;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code /__localsam/}: LocalSAM's own web console and admin API, never routed to a function (as
 * WireMock keeps {@code /__admin}). Requests under it go to the handler mounted there, or get 404
 * while the console is off.
 */
final class ReservedPrefix implements HttpHandler {
  static final String PREFIX = "/__localsam";

  private final AtomicReference<HttpHandler> console;
  private final HttpHandler next;

  ReservedPrefix(AtomicReference<HttpHandler> console, HttpHandler next) {
    this.console = console;
    this.next = next;
  }

  static boolean reserved(String path) {
    return path.equals(PREFIX) || path.startsWith(PREFIX + "/") || path.startsWith(PREFIX + "?");
  }

  /**
   * A template route under the prefix is refused at start-up (and at a reload), naming the clash.
   */
  static void check(Template template) {
    for (RouteDef route : template.routes()) {
      if (reserved(route.path())) {
        throw new LocalSamException(
            (route.location() == null ? "" : route.location() + ": ")
                + "the route "
                + route.routeKey()
                + " of "
                + route.functionId()
                + " is under "
                + PREFIX
                + "/, which LocalSAM keeps for its web"
                + " console and admin API; give the route another path");
      }
    }
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    if (!reserved(RouteMatchHandler.rawPath(exchange))) {
      next.handleRequest(exchange);
      return;
    }
    HttpHandler mounted = console.get();
    if (mounted != null) {
      mounted.handleRequest(exchange);
      return;
    }
    ResponseWriter.send(
        exchange,
        GatewayResponse.json(
            404,
            "{\"message\":\"The LocalSAM console and admin API are off"
                + " (--no-console, or bound to an address other than loopback without --console)\"}"),
        ResponseWriter.kind(exchange),
        null);
  }

  @Override
  public String toString() {
    return "reserved-prefix(" + PREFIX + ")";
  }
}
