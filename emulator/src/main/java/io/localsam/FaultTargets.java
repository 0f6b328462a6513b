package io.localsam;

import io.localsam.error.LocalSamException;
import io.localsam.template.RouteDef;
import io.localsam.template.Template;
import java.util.List;

/**
 * Checks a fault's target against the template served: a typo gets one sentence naming what exists.
 */
final class FaultTargets {
  private FaultTargets() {}

  static void checkFunction(Template template, String functionId) {
    if (!template.functions().containsKey(functionId)) {
      throw new LocalSamException(
          "Cannot inject a fault into function "
              + functionId
              + ": the template has no such function"
              + " (it has "
              + String.join(", ", template.functions().keySet())
              + ")");
    }
  }

  static void checkRoute(Template template, boolean servesApis, String routeKey) {
    if (!servesApis) {
      throw new LocalSamException(
          "Cannot inject a fault into route "
              + routeKey
              + ": this emulator serves no API routes"
              + " (start-api does)");
    }
    List<String> keys = template.routes().stream().map(RouteDef::routeKey).distinct().toList();
    if (!keys.contains(routeKey)) {
      throw new LocalSamException(
          "Cannot inject a fault into route "
              + routeKey
              + ": the template has no such route"
              + " (it has "
              + String.join(", ", keys)
              + ")");
    }
  }
}
