package io.localsam.gateway;

import io.localsam.template.ApiDef;
import io.localsam.template.RouteDef;
import java.util.ArrayList;
import java.util.List;

/** A mounted route: its definition, its API, and its path template split into segments for matching. */
record Route(RouteDef definition, ApiDef api, List<Segment> segments) {

  enum Kind { GREEDY, PARAMETER, LITERAL } // in rising precedence

  record Segment(Kind kind, String text) {}

  static Route of(RouteDef definition, ApiDef api) {
    List<Segment> segments = new ArrayList<>();
    if (!definition.path().equals(RouteDef.DEFAULT_ROUTE)) {
      for (String part : definition.path().split("/")) {
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
    }
    return new Route(definition, api, List.copyOf(segments));
  }

  boolean isDefault() {
    return definition.path().equals(RouteDef.DEFAULT_ROUTE);
  }

  boolean acceptsMethod(String method) {
    return definition.method().equals(RouteDef.ANY) ? RouteDef.ANY_METHODS.contains(method) || isDefault()
        : definition.method().equals(method);
  }
}
