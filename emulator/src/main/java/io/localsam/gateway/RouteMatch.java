package io.localsam.gateway;

import io.localsam.template.OptionsMock;
import java.util.Map;

/**
 * The route a request reached and its path parameters (decoded, {@code %2F} kept inside a value).
 * {@code route} is null when nothing matched; {@code pathOnly} then names a route that has the path
 * but not the method, and {@code mock} the REST OPTIONS mock that answers an {@code OPTIONS}
 * request itself.
 */
record RouteMatch(
    Route route, Map<String, String> pathParameters, Route pathOnly, OptionsMock mock) {
  RouteMatch(Route route, Map<String, String> pathParameters, Route pathOnly) {
    this(route, pathParameters, pathOnly, null);
  }

  boolean found() {
    return route != null;
  }
}
