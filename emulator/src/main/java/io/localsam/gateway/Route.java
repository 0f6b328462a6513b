package io.localsam.gateway;

import io.localsam.template.ApiDef;
import io.localsam.template.ApiKind;
import io.localsam.template.FunctionUrlDef;
import io.localsam.template.PayloadFormat;
import io.localsam.template.RouteDef;
import io.localsam.template.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A mounted route: its definition, its API, and its path template split into segments for matching.
 * {@code urlPrefix} is set for a function URL, served locally under that prefix.
 */
record Route(RouteDef definition, ApiDef api, List<Segment> segments, String urlPrefix) {

  enum Kind {
    GREEDY,
    PARAMETER,
    LITERAL
  } // in rising precedence

  record Segment(Kind kind, String text) {}

  static Route of(RouteDef definition, ApiDef api) {
    return new Route(
        definition,
        api,
        definition.path().equals(RouteDef.DEFAULT_ROUTE) ? List.of() : segments(definition.path()),
        null);
  }

  /**
   * A path template's segments: {@code /items/{id}/{rest+}} is a literal, a parameter and a greedy
   * one.
   */
  static List<Segment> segments(String path) {
    List<Segment> segments = new ArrayList<>();
    for (String part : path.split("/")) {
      if (part.isEmpty()) {
        continue;
      }
      if (part.startsWith("{") && part.endsWith("+}")) {
        segments.add(new Segment(Kind.GREEDY, part.substring(1, part.length() - 2)));
      } else if (part.startsWith("{") && part.endsWith("}")) {
        segments.add(new Segment(Kind.PARAMETER, part.substring(1, part.length() - 1)));
      } else {
        segments.add(new Segment(Kind.LITERAL, part));
      }
    }
    return List.copyOf(segments);
  }

  /** Where function URLs are served locally: {@code /function-urls/<LogicalId>/...}. */
  static String functionUrlPrefix(String functionId) {
    return "/function-urls/" + functionId;
  }

  /** The two routes of a function URL: its root and everything below it, any method. */
  static List<Route> functionUrl(String functionId, FunctionUrlDef url, SourceLocation where) {
    ApiDef api =
        new ApiDef(
            "FunctionUrl/" + functionId,
            ApiKind.HTTP,
            "$default",
            Map.of(),
            List.of(),
            url.cors(),
            List.of(),
            null,
            where);
    String prefix = functionUrlPrefix(functionId);
    List<Route> routes = new ArrayList<>();
    for (String path : List.of(prefix, prefix + "/{proxy+}")) {
      Route plain =
          of(
              new RouteDef(
                  api.logicalId(), RouteDef.ANY, path, functionId, PayloadFormat.V2, where),
              api);
      routes.add(new Route(plain.definition(), api, plain.segments(), prefix));
    }
    return routes;
  }

  boolean isFunctionUrl() {
    return urlPrefix != null;
  }

  boolean isDefault() {
    return definition.path().equals(RouteDef.DEFAULT_ROUTE);
  }

  boolean acceptsMethod(String method) {
    return definition.method().equals(RouteDef.ANY)
        ? RouteDef.ANY_METHODS.contains(method) || isDefault()
        : definition.method().equals(method);
  }
}
