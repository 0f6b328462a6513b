package io.localsam.template;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A template read the way SAM and CloudFormation read it: the functions, the APIs and their routes,
 * and the warnings for everything that is declared but not emulated.
 */
public record Template(
    Path file,
    Map<String, FunctionDef> functions,
    Map<String, ApiDef> apis,
    List<RouteDef> routes,
    List<String> warnings) {

  public Template {
    functions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(functions));
    apis = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(apis));
    routes = List.copyOf(routes);
    warnings = List.copyOf(warnings);
  }

  public Optional<FunctionDef> function(String logicalId) {
    return Optional.ofNullable(functions.get(logicalId));
  }

  public ApiDef api(String logicalId) {
    return apis.get(logicalId);
  }
}
