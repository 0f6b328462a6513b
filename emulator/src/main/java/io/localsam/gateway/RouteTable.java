package io.localsam.gateway;

import io.localsam.template.ApiDef;
import io.localsam.template.ApiKind;
import io.localsam.template.FunctionDef;
import io.localsam.template.OptionsMock;
import io.localsam.template.RouteDef;
import io.localsam.template.Template;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * API Gateway's routing, without a server: among the routes that take the request's method, the
 * most specific path wins, segment by segment (literal over {@code {param}} over {@code {proxy+}}),
 * a route for the exact method over {@code ANY}, and an HTTP API's {@code $default} route last. A
 * REST API's OPTIONS mocks take part as OPTIONS methods of their resources. A trailing slash is
 * ignored, and the stage never appears in local URLs.
 */
final class RouteTable {
  private final List<Route> routes = new ArrayList<>();
  private final List<Mock> mocks = new ArrayList<>();
  private final boolean httpOnly;

  /** A REST API's MOCK OPTIONS method, which takes OPTIONS on its resource like a route would. */
  private record Mock(OptionsMock mock, List<Route.Segment> segments) {}

  RouteTable(Template template) {
    for (RouteDef definition : template.routes()) {
      routes.add(Route.of(definition, template.api(definition.apiId())));
    }
    for (FunctionDef function : template.functions().values()) {
      if (function.functionUrl() != null) {
        routes.addAll(
            Route.functionUrl(function.logicalId(), function.functionUrl(), function.location()));
      }
    }
    for (ApiDef api : template.apis().values()) {
      api.optionsMocks().forEach(mock -> mocks.add(new Mock(mock, Route.segments(mock.path()))));
    }
    httpOnly =
        !template.apis().isEmpty()
            && template.apis().values().stream().allMatch(a -> a.kind() == ApiKind.HTTP);
  }

  List<Route> routes() {
    return routes;
  }

  /**
   * True when every API is an HTTP API, so unmatched requests get HTTP API's 404 instead of REST's
   * 403.
   */
  boolean httpOnly() {
    return httpOnly;
  }

  /**
   * Every path some route declares that matches the request path, with the methods it takes (ANY
   * expanded).
   */
  Map<String, Set<String>> methodsByPath(String rawPath) {
    String[] parts = split(rawPath);
    Map<String, Set<String>> methods = new LinkedHashMap<>();
    for (Route route : routes) {
      if (!route.isDefault() && matches(route, parts)) {
        methods
            .computeIfAbsent(route.definition().path(), k -> new TreeSet<>())
            .addAll(route.definition().methods());
      }
    }
    return methods;
  }

  /** Matches a raw (still percent-encoded) path without its query string. */
  RouteMatch match(String method, String rawPath) {
    String[] parts = split(rawPath);
    Route best = null;
    Route pathOnly = null;
    for (Route route : routes) {
      if (!matches(route, parts)) {
        continue;
      }
      if (!route.acceptsMethod(method)) {
        if (pathOnly == null && !route.isDefault()) {
          pathOnly = route;
        }
        continue;
      }
      if (best == null || moreSpecific(route, best)) {
        best = route;
      }
    }
    if (method.equals("OPTIONS")) {
      Mock mock = mock(parts);
      if (mock != null && (best == null || mockWins(mock, best))) {
        return new RouteMatch(null, Map.of(), null, mock.mock());
      }
    }
    if (best == null) {
      return new RouteMatch(null, Map.of(), pathOnly);
    }
    return new RouteMatch(best, parameters(best, parts), null);
  }

  /** The most specific OPTIONS mock whose resource the path reaches. */
  private Mock mock(String[] parts) {
    Mock best = null;
    for (Mock mock : mocks) {
      if (matches(mock.segments(), parts)
          && (best == null || compare(mock.segments(), best.segments()) > 0)) {
        best = mock;
      }
    }
    return best;
  }

  /**
   * A mock is an OPTIONS method: it beats a less specific path, ANY on the same path, and $default.
   */
  private static boolean mockWins(Mock mock, Route route) {
    if (route.isDefault()) {
      return true;
    }
    int order = compare(mock.segments(), route.segments());
    return order != 0 ? order > 0 : route.definition().method().equals(RouteDef.ANY);
  }

  private static String[] split(String rawPath) {
    String path = rawPath;
    if (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    if (path.isEmpty() || path.equals("/")) {
      return new String[0];
    }
    return (path.startsWith("/") ? path.substring(1) : path).split("/", -1);
  }

  private static boolean matches(Route route, String[] parts) {
    return route.isDefault() || matches(route.segments(), parts);
  }

  private static boolean matches(List<Route.Segment> segments, String[] parts) {
    for (int i = 0; i < segments.size(); i++) {
      Route.Segment segment = segments.get(i);
      if (segment.kind() == Route.Kind.GREEDY) {
        // something left to take: several segments, or one that is not empty
        return parts.length > i + 1 || (parts.length == i + 1 && !parts[i].isEmpty());
      }
      if (i >= parts.length || parts[i].isEmpty()) {
        return false;
      }
      if (segment.kind() == Route.Kind.LITERAL && !segment.text().equals(decode(parts[i]))) {
        return false;
      }
    }
    return parts.length == segments.size();
  }

  /** True when {@code a} beats {@code b} for the same request. */
  private static boolean moreSpecific(Route a, Route b) {
    if (a.isDefault() != b.isDefault()) {
      return b.isDefault();
    }
    int order = compare(a.segments(), b.segments());
    if (order != 0) {
      return order > 0;
    }
    boolean aAny = a.definition().method().equals(RouteDef.ANY);
    boolean bAny = b.definition().method().equals(RouteDef.ANY);
    return bAny && !aAny;
  }

  /**
   * Above zero when path {@code x} is more specific than {@code y}, segment by segment, then the
   * longer.
   */
  private static int compare(List<Route.Segment> x, List<Route.Segment> y) {
    for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
      int order = x.get(i).kind().compareTo(y.get(i).kind());
      if (order != 0) {
        return order;
      }
    }
    return Integer.compare(x.size(), y.size());
  }

  private static Map<String, String> parameters(Route route, String[] parts) {
    if (route.isDefault()) {
      return Map.of();
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    List<Route.Segment> segments = route.segments();
    for (int i = 0; i < segments.size(); i++) {
      Route.Segment segment = segments.get(i);
      switch (segment.kind()) {
        case PARAMETER -> parameters.put(segment.text(), decode(parts[i]));
        case GREEDY -> {
          StringBuilder rest = new StringBuilder();
          for (int j = i; j < parts.length; j++) {
            rest.append(j > i ? "/" : "").append(decode(parts[j]));
          }
          parameters.put(segment.text(), rest.toString());
        }
        case LITERAL -> {}
      }
    }
    return parameters;
  }

  /** Percent-decoding of one path segment; a {@code +} stays a plus in paths. */
  static String decode(String segment) {
    if (segment.indexOf('%') < 0) {
      return segment;
    }
    try {
      return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return segment; // a malformed escape is passed on as written
    }
  }
}
