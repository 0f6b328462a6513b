package io.localsam.template;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A template read the way SAM and CloudFormation read it: the functions, the APIs and their routes,
 * and the warnings for everything that is declared but not emulated.
 *
 * @param apiKeys the values of the template's {@code AWS::ApiGateway::ApiKey} resources that set one, by
 *     logical id (keys without a {@code Value} get theirs when deployed, so none is known locally)
 */
public record Template(
    Path file,
    Map<String, FunctionDef> functions,
    Map<String, ApiDef> apis,
    List<RouteDef> routes,
    List<String> warnings,
    Map<String, String> apiKeys) {

  public Template {
    apiKeys = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(apiKeys == null ? Map.of() : apiKeys));
    functions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(functions));
    apis = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(apis));
    routes = List.copyOf(routes);
    warnings = List.copyOf(warnings);
  }

  /** The shape before API keys were read; kept for callers. */
  public Template(Path file, Map<String, FunctionDef> functions, Map<String, ApiDef> apis, List<RouteDef> routes,
      List<String> warnings) {
    this(file, functions, apis, routes, warnings, Map.of());
  }

  public Optional<FunctionDef> function(String logicalId) {
    return Optional.ofNullable(functions.get(logicalId));
  }

  public ApiDef api(String logicalId) {
    return apis.get(logicalId);
  }
}
