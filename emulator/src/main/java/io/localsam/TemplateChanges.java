package io.localsam;

import io.localsam.runtime.FunctionChanges;
import io.localsam.template.RouteDef;
import io.localsam.template.Template;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a reloaded template changed in what is served: routes by route key, functions by logical id.
 */
record TemplateChanges(
    List<String> routesAdded,
    List<String> routesChanged,
    List<String> routesRemoved,
    FunctionChanges functions) {

  /** How many names a line lists before it says how many more there are. */
  private static final int NAMED = 3;

  static TemplateChanges between(Template before, Template after, FunctionChanges functions) {
    Map<String, RouteDef> old = byKey(before);
    Map<String, RouteDef> now = byKey(after);
    List<String> added = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    now.forEach(
        (key, route) -> {
          if (!old.containsKey(key)) {
            added.add(key);
          } else if (!route.sameRoute(old.get(key))) {
            changed.add(key);
          }
        });
    List<String> removed = new ArrayList<>(old.keySet());
    removed.removeAll(now.keySet());
    return new TemplateChanges(added, changed, removed, functions);
  }

  private static Map<String, RouteDef> byKey(Template template) {
    Map<String, RouteDef> routes = new LinkedHashMap<>();
    template
        .routes()
        .forEach(route -> routes.putIfAbsent(route.apiId() + " " + route.routeKey(), route));
    return routes;
  }

  /**
   * One start-up style line: {@code Template reloaded: 1 route added (GET /new), 1 function changed
   * (Hello)}.
   */
  String line() {
    List<String> parts = new ArrayList<>();
    part(parts, routesAdded.stream().map(TemplateChanges::routeKey).toList(), "route", "added");
    part(parts, routesChanged.stream().map(TemplateChanges::routeKey).toList(), "route", "changed");
    part(parts, routesRemoved.stream().map(TemplateChanges::routeKey).toList(), "route", "removed");
    part(parts, functions.added(), "function", "added");
    part(parts, functions.changed(), "function", "changed");
    part(parts, functions.removed(), "function", "removed");
    return "Template reloaded: "
        + (parts.isEmpty() ? "no route or function changed" : String.join(", ", parts));
  }

  private static String routeKey(String apiAndKey) {
    return apiAndKey.substring(apiAndKey.indexOf(' ') + 1);
  }

  private static void part(List<String> parts, List<String> names, String noun, String verb) {
    if (names.isEmpty()) {
      return;
    }
    String listed =
        String.join(", ", names.subList(0, Math.min(NAMED, names.size())))
            + (names.size() > NAMED ? " and " + (names.size() - NAMED) + " more" : "");
    parts.add(
        names.size()
            + " "
            + noun
            + (names.size() == 1 ? "" : "s")
            + " "
            + verb
            + " ("
            + listed
            + ")");
  }
}
