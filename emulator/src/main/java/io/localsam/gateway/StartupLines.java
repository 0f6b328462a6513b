package io.localsam.gateway;

import io.localsam.template.RouteDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * SAM CLI's start-up lines, one per function and path with its methods sorted, saying what the
 * server will really do: an {@code ANY} route lists only the methods no exact-method route on the
 * same path takes, and a {@code $default} route says what it matches instead of a URL nobody can
 * open.
 */
final class StartupLines {
  private StartupLines() {}

  static List<String> of(List<Route> routes, String base) {
    Map<String, TreeSet<String>> methods = new LinkedHashMap<>();
    Set<String> defaults = new LinkedHashSet<>();
    List<String> urls = new ArrayList<>();
    for (Route route : routes) {
      RouteDef definition = route.definition();
      if (route.isFunctionUrl()) {
        if (!definition.path().endsWith("+}")) {
          urls.add(definition.functionId());
        }
      } else if (route.isDefault()) {
        defaults.add(definition.functionId());
      } else {
        methods
            .computeIfAbsent(
                definition.functionId() + " " + definition.path(), k -> new TreeSet<>())
            .addAll(served(definition, routes));
      }
    }
    List<String> lines = new ArrayList<>();
    methods.forEach(
        (key, served) -> {
          String[] parts = key.split(" ", 2);
          lines.add(
              "Mounting "
                  + parts[0]
                  + " at "
                  + base
                  + parts[1]
                  + " ["
                  + String.join(", ", served)
                  + "]");
        });
    for (String functionId : defaults) {
      lines.add(
          "Mounting "
              + functionId
              + " at "
              + base
              + "/{proxy+} [any method, any path no other route takes: the $default"
              + " route]");
    }
    for (String functionId : urls) {
      lines.add(
          "Mounting the function URL of "
              + functionId
              + " at "
              + base
              + Route.functionUrlPrefix(functionId)
              + "/ [any method, any path]");
    }
    return lines;
  }

  /**
   * One line per WebSocket API, with its routes and functions, and where its functions'
   * {@code @connections} endpoint is ({@code LOCALSAM_WEBSOCKET_ENDPOINT} in their environment).
   */
  static List<String> webSockets(List<WebSocketMount> mounts, String wsBase, String httpBase) {
    List<String> lines = new ArrayList<>();
    for (WebSocketMount mount : mounts) {
      List<String> routes = new ArrayList<>();
      mount
          .definition()
          .routes()
          .forEach(
              route ->
                  routes.add(
                      route.routeKey()
                          + ": "
                          + route.functionId()
                          + (route.authorizer() != null
                              ? " (authorizer " + route.authorizer() + ")"
                              : "")));
      lines.add(
          "Mounting WebSocket API "
              + mount.definition().logicalId()
              + " at "
              + wsBase
              + mount.path()
              + " ["
              + (routes.isEmpty() ? "no routes" : String.join(", ", routes))
              + "]; route selection "
              + mount.definition().routeSelectionExpression());
      lines.add(
          "  @connections API of "
              + mount.definition().logicalId()
              + " at "
              + httpBase
              + mount.path()
              + " (LOCALSAM_WEBSOCKET_ENDPOINT in its functions' environment)");
    }
    return lines;
  }

  /** The route's methods, less those an exact-method route on the same path takes first. */
  private static Set<String> served(RouteDef definition, List<Route> routes) {
    Set<String> served = new TreeSet<>(definition.methods());
    if (definition.method().equals(RouteDef.ANY)) {
      for (Route other : routes) {
        RouteDef exact = other.definition();
        if (!exact.method().equals(RouteDef.ANY)
            && exact.pathShape().equals(definition.pathShape())) {
          served.remove(exact.method());
        }
      }
    }
    return served;
  }
}
