package io.localsam.gateway;

import java.util.Map;

/**
 * The route a request reached and its path parameters (decoded, {@code %2F} kept inside a value).
 * {@code route} is null when nothing matched; {@code pathKnown} then says whether some route had the
 * path but not the method.
 */
record RouteMatch(Route route, Map<String, String> pathParameters, Route pathOnly) {
  boolean found() {
    return route != null;
  }
}
