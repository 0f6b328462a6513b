package io.localsam.template;

import java.util.ArrayList;
import java.util.List;

/**
 * Routes of two APIs on the same path, one for {@code ANY} and one for an exact method. Deployed,
 * each API has a URL of its own and both are reachable; locally every API is served from one base
 * URL, so the exact method goes to one function only, and the start-up warning says which.
 */
final class SharedPaths {
  private SharedPaths() {}

  static List<String> warnings(List<RouteDef> routes) {
    List<String> warnings = new ArrayList<>();
    for (RouteDef any : routes) {
      if (!any.method().equals(RouteDef.ANY) || any.path().equals(RouteDef.DEFAULT_ROUTE)) {
        continue;
      }
      for (RouteDef exact : routes) {
        if (!exact.method().equals(RouteDef.ANY)
            && !exact.apiId().equals(any.apiId())
            && exact.pathShape().equals(any.pathShape())) {
          warnings.add(
              exact.routeKey()
                  + " is declared by two APIs: "
                  + exact.functionId()
                  + " ("
                  + exact.apiId()
                  + ", "
                  + exact.routeKey()
                  + ") and "
                  + any.functionId()
                  + " ("
                  + any.apiId()
                  + ", "
                  + any.routeKey()
                  + "). Deployed,"
                  + " each API has a URL of its own; locally they share one, so "
                  + exact.routeKey()
                  + " runs "
                  + exact.functionId()
                  + ", and "
                  + any.functionId()
                  + " takes the other methods of "
                  + any.routeKey());
        }
      }
    }
    return warnings;
  }
}
