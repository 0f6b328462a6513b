package io.localsam.gateway;

import io.localsam.runtime.RequestIds;
import io.localsam.template.ApiKind;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Finds the route of a request (on the I/O thread, it never blocks) or answers as API Gateway does
 * when there is none.
 */
final class RouteMatchHandler implements HttpHandler {
  static final AttachmentKey<RouteMatch> MATCH = AttachmentKey.create(RouteMatch.class);

  private final RouteTable routes;
  private final HttpHandler next;
  private final Consumer<String> log;
  private final StaticFiles staticFiles;

  RouteMatchHandler(
      RouteTable routes, StaticFiles staticFiles, HttpHandler next, Consumer<String> log) {
    this.routes = routes;
    this.staticFiles = staticFiles;
    this.next = next;
    this.log = log;
  }

  /**
   * The path as sent, still percent-encoded. Not {@code getRequestPath()}: Undertow cuts {@code
   * ;...} path parameters out of it, and API Gateway keeps a semicolon as part of the path.
   */
  static String rawPath(HttpServerExchange exchange) {
    String uri = exchange.getRequestURI();
    if (exchange.isHostIncludedInRequestURI()) {
      int authority = uri.indexOf("//");
      int slash = uri.indexOf('/', authority < 0 ? 0 : authority + 2);
      uri = slash < 0 ? "/" : uri.substring(slash);
    }
    return uri.isEmpty() ? "/" : uri;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    String transferEncoding =
        exchange.getRequestHeaders().getFirst(io.undertow.util.Headers.TRANSFER_ENCODING);
    if (transferEncoding != null
        && !transferEncoding.strip().toLowerCase(Locale.ROOT).endsWith("chunked")) {
      // RFC 9112 6.1: a body whose length cannot be known is refused, and the connection closed
      ResponseWriter.sendAndClose(
          exchange, GatewayResponse.json(400, "{\"message\":\"Bad Request\"}"));
      return;
    }
    String method = exchange.getRequestMethod().toString();
    String path = rawPath(exchange);
    RouteMatch match = routes.match(method, path);
    if (method.equals("OPTIONS") && preflight(exchange, match)) {
      return;
    }
    if (!match.found() && staticFiles != null) {
      String file = staticFiles.find(method, path);
      if (file != null) {
        staticFiles.send(exchange, file);
        return;
      }
    }
    if (!match.found()) {
      ApiKind kind =
          match.pathOnly() != null
              ? match.pathOnly().api().kind()
              : routes.httpOnly() ? ApiKind.HTTP : ApiKind.REST;
      GatewayResponse answer = GatewayErrors.noRoute(kind);
      log.accept(
          method + " " + path + " matches no route" + takenBy(path) + ": " + answer.status());
      ResponseWriter.send(exchange, answer, kind, null);
      return;
    }
    exchange.putAttachment(MATCH, match);
    next.handleRequest(exchange);
  }

  /**
   * What the path does take, when some route has it with other methods: " (/items/{id} takes GET,
   * PUT)".
   */
  private String takenBy(String path) {
    List<String> paths = new ArrayList<>();
    routes
        .methodsByPath(path)
        .forEach(
            (declared, methods) -> paths.add(declared + " takes " + String.join(", ", methods)));
    return paths.isEmpty() ? "" : " (" + String.join("; ", paths) + ")";
  }

  /**
   * Answers an OPTIONS request that API Gateway answers itself: a REST resource's OPTIONS mock, or
   * the preflight of an HTTP API (or function URL) with CORS, whatever routes it has.
   */
  private boolean preflight(HttpServerExchange exchange, RouteMatch match) {
    if (match.mock() != null) {
      ResponseWriter.send(exchange, Cors.mock(match.mock()), ApiKind.REST, RequestIds.next());
      return true;
    }
    Route candidate = match.found() ? match.route() : match.pathOnly();
    if (candidate == null
        || candidate.api().kind() != ApiKind.HTTP
        || candidate.api().cors() == null) {
      return false;
    }
    String origin = exchange.getRequestHeaders().getFirst("Origin");
    ResponseWriter.send(
        exchange, Cors.preflight(candidate.api(), origin), ApiKind.HTTP, RequestIds.next());
    return true;
  }

  @Override
  public String toString() {
    return "route-match(" + routes.routes().size() + " routes)";
  }
}
