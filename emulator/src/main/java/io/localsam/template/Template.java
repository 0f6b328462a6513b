package io.localsam.template;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A template read the way SAM and CloudFormation read it: the functions, the APIs and their routes,
 * and the warnings for everything that is declared but not emulated.
 *
 * @param apiKeys the values of the template's {@code AWS::ApiGateway::ApiKey} resources that set
 *     one, by logical id (keys without a {@code Value} get theirs when deployed, so none is known
 *     locally)
 * @param files every file the template was read from (itself, nested stacks, included files): what
 *     a change to is a new template
 * @param webSocketApis the WebSocket APIs ({@code ProtocolType: WEBSOCKET}) with their routes
 */
public record Template(
    Path file,
    Map<String, FunctionDef> functions,
    Map<String, ApiDef> apis,
    List<RouteDef> routes,
    List<String> warnings,
    Map<String, String> apiKeys,
    Set<Path> files,
    List<WebSocketApiDef> webSocketApis) {

  public Template {
    webSocketApis = webSocketApis == null ? List.of() : List.copyOf(webSocketApis);
    files = Collections.unmodifiableSet(new LinkedHashSet<>(files == null ? Set.of(file) : files));
    apiKeys =
        Collections.unmodifiableMap(new LinkedHashMap<>(apiKeys == null ? Map.of() : apiKeys));
    functions = Collections.unmodifiableMap(new LinkedHashMap<>(functions));
    apis = Collections.unmodifiableMap(new LinkedHashMap<>(apis));
    routes = List.copyOf(routes);
    warnings = List.copyOf(warnings);
  }

  /** The shape before WebSocket APIs were read; kept for callers. */
  public Template(
      Path file,
      Map<String, FunctionDef> functions,
      Map<String, ApiDef> apis,
      List<RouteDef> routes,
      List<String> warnings,
      Map<String, String> apiKeys,
      Set<Path> files) {
    this(file, functions, apis, routes, warnings, apiKeys, files, List.of());
  }

  /** The shape before the files read were kept; kept for callers. */
  public Template(
      Path file,
      Map<String, FunctionDef> functions,
      Map<String, ApiDef> apis,
      List<RouteDef> routes,
      List<String> warnings,
      Map<String, String> apiKeys) {
    this(file, functions, apis, routes, warnings, apiKeys, null);
  }

  /** The shape before API keys were read; kept for callers. */
  public Template(
      Path file,
      Map<String, FunctionDef> functions,
      Map<String, ApiDef> apis,
      List<RouteDef> routes,
      List<String> warnings) {
    this(file, functions, apis, routes, warnings, Map.of());
  }

  /**
   * Only {@code kept} of this template's functions, as {@code invoke} and {@code start-lambda
   * FUNCTION...} serve them: no APIs or routes, the same files read.
   */
  public Template withOnly(Map<String, FunctionDef> kept) {
    return new Template(file, kept, Map.of(), List.of(), List.of(), Map.of(), files, List.of());
  }

  public Optional<FunctionDef> function(String logicalId) {
    return Optional.ofNullable(functions.get(logicalId));
  }

  public ApiDef api(String logicalId) {
    return apis.get(logicalId);
  }
}
