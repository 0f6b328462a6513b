package io.localsam.template;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Reads a SAM (or CloudFormation) template into a {@link Template}: parameters, conditions, Globals
 * and intrinsics applied, every function and API route collected, and a warning for everything that
 * is declared but not emulated. Anything that makes the template unusable is a
 * {@link TemplateException} naming the file and line.
 */
public final class TemplateLoader {
  public static final String ACCOUNT_ID = "123456789012";

  private static final Set<String> METHODS = Set.of("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT", "ANY");
  private static final String IMPLICIT_REST_API = "ServerlessRestApi";
  private static final String IMPLICIT_HTTP_API = "ServerlessHttpApi";

  private final TemplateDocument document;
  private final Path folder;
  private final List<String> warnings = new ArrayList<>();
  private final Consumer<String> warn = warnings::add;
  private final Intrinsics intrinsics;
  private final Globals globals;
  private final Map<String, Object> resources;
  private final Map<String, FunctionDef> functions = new LinkedHashMap<>();
  private final Map<String, ApiDef> apis = new LinkedHashMap<>();
  private final List<RouteDef> routes = new ArrayList<>();
  private final Map<String, String> notEmulated = new TreeMap<>();

  private TemplateLoader(TemplateDocument document, Map<String, String> overrides, String region) {
    this.document = document;
    this.folder = document.file().toAbsolutePath().getParent();
    if (!(document.root().get("Resources") instanceof Map<?, ?> raw) || raw.isEmpty()) {
      throw TemplateException.at(SourceLocation.of(document.file()), "has no Resources section");
    }
    this.resources = Intrinsics.cast(raw);
    Map<String, String> parameterOverrides = new LinkedHashMap<>();
    Map<String, Object> pseudo = pseudoParameters(region);
    for (Map.Entry<String, String> entry : overrides.entrySet()) {
      if (entry.getKey().startsWith("AWS::")) {
        pseudo.put(entry.getKey(), entry.getValue()); // SAM lets overrides set pseudo parameters too
      } else {
        parameterOverrides.put(entry.getKey(), entry.getValue());
      }
    }
    Map<String, Object> parameters = Parameters.resolve(document, parameterOverrides, warn);
    ResourceIndex index = new ResourceIndex(resources, (String) pseudo.get("AWS::Region"), (String) pseudo.get("AWS::AccountId"));
    new ReferenceCheck(document, parameters.keySet(), pseudo.keySet(), index).run();
    this.intrinsics = new Intrinsics(document, parameters, pseudo, index, warn);
    this.globals = new Globals(document, warn);
  }

  /**
   * Loads a template.
   *
   * @param file the template file
   * @param overrides parameter values from {@code --parameter-overrides} (pseudo parameters allowed)
   * @param region the local value of {@code AWS::Region}
   */
  public static Template load(Path file, Map<String, String> overrides, String region) {
    TemplateDocument document = TemplateReader.read(file.toAbsolutePath().normalize());
    TemplateLoader loader = new TemplateLoader(document, overrides, region);
    return loader.build();
  }

  private static Map<String, Object> pseudoParameters(String region) {
    Map<String, Object> pseudo = new LinkedHashMap<>();
    pseudo.put("AWS::Region", region);
    pseudo.put("AWS::AccountId", ACCOUNT_ID);
    pseudo.put("AWS::Partition", region.startsWith("cn-") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws");
    pseudo.put("AWS::StackName", "local");
    pseudo.put("AWS::StackId", "arn:aws:cloudformation:" + region + ":" + ACCOUNT_ID
        + ":stack/local/51af3dc0-da77-11e4-872e-1234567db123");
    pseudo.put("AWS::URLSuffix", "localhost");
    pseudo.put("AWS::NotificationARNs", new ArrayList<>());
    pseudo.put("AWS::NoValue", Intrinsics.NO_VALUE);
    return pseudo;
  }

  private Template build() {
    for (Map.Entry<String, Object> entry : resources.entrySet()) {
      String id = entry.getKey();
      if (!(entry.getValue() instanceof Map<?, ?> raw) || !(raw.get("Type") instanceof String type)) {
        throw TemplateException.at(document.locate(entry.getValue() instanceof Map<?, ?> ? entry.getValue() : resources),
            "resource " + id + " needs a Type");
      }
      Map<String, Object> resource = Intrinsics.cast(raw);
      if (resource.get("Condition") instanceof String condition && !intrinsics.condition(condition, resource)) {
        continue; // CloudFormation does not create it, so neither do we
      }
      switch (type) {
        case "AWS::Serverless::Api" -> explicitApi(id, type, resource, ApiKind.REST);
        case "AWS::Serverless::HttpApi" -> explicitApi(id, type, resource, ApiKind.HTTP);
        default -> { }
      }
    }
    for (Map.Entry<String, Object> entry : resources.entrySet()) {
      String id = entry.getKey();
      Map<String, Object> resource = Intrinsics.cast(entry.getValue());
      if (resource.get("Condition") instanceof String condition && !intrinsics.condition(condition, resource)) {
        continue;
      }
      String type = (String) resource.get("Type");
      switch (type) {
        case "AWS::Serverless::Function" -> serverlessFunction(id, resource);
        case "AWS::Lambda::Function" -> lambdaFunction(id, resource);
        case "AWS::Serverless::Api", "AWS::Serverless::HttpApi" -> { }
        default -> notEmulated.put(id, type);
      }
    }
    if (!notEmulated.isEmpty()) {
      List<String> named = new ArrayList<>();
      notEmulated.forEach((id, type) -> named.add(id + " (" + type + ")"));
      warnings.add("not emulated, no local equivalent: " + String.join(", ", named));
    }
    apis.values().removeIf(api -> routes.stream().noneMatch(route -> route.apiId().equals(api.logicalId())));
    return new Template(document.file(), functions, apis, routes, warnings);
  }

  // ---- functions

  private void serverlessFunction(String id, Map<String, Object> resource) {
    Map<String, Object> raw = properties(id, resource);
    Map<String, Object> properties = Intrinsics.cast(intrinsics.resolve(
        globals.apply("AWS::Serverless::Function", raw, resource.get("IgnoreGlobals")), id + ".Properties"));
    SourceLocation where = document.locate(resource);
    Path code;
    if (properties.containsKey("InlineCode")) {
      code = null;
    } else {
      code = codePath(id, properties.getOrDefault("CodeUri", "."), "CodeUri", where);
      if (code == NOT_LOCAL) {
        return;
      }
    }
    if (!function(id, properties, code, where)) {
      return;
    }
    if (properties.get("Events") instanceof Map<?, ?> events) {
      for (Map.Entry<String, Object> event : Intrinsics.<Map<String, Object>>cast(events).entrySet()) {
        event(id, event.getKey(), event.getValue());
      }
    }
    if (properties.containsKey("Layers")) {
      warnings.add(id + ": Layers are not added to the function's classpath yet");
    }
  }

  private void lambdaFunction(String id, Map<String, Object> resource) {
    Map<String, Object> properties =
        Intrinsics.cast(intrinsics.resolve(properties(id, resource), id + ".Properties"));
    SourceLocation where = document.locate(resource);
    Object codeProperty = properties.getOrDefault("Code", ".");
    Path code;
    if (codeProperty instanceof Map<?, ?> map && map.containsKey("ZipFile")) {
      code = null;
    } else if (codeProperty instanceof Map<?, ?> map && map.containsKey("S3Bucket")) {
      code = codePath(id, Map.of("Bucket", map.get("S3Bucket")), "Code", where);
    } else {
      code = codePath(id, codeProperty, "Code", where);
    }
    if (code != NOT_LOCAL) {
      function(id, properties, code, where);
    }
  }

  private static final Path NOT_LOCAL = Path.of("s3:");

  private Path codePath(String id, Object codeUri, String property, SourceLocation where) {
    if (codeUri instanceof String path && !path.startsWith("s3://")) {
      return folder.resolve(path).normalize();
    }
    warnings.add(id + ": " + property + " points to S3 (" + Scalars.text(codeUri)
        + "); only local code can run, so the function is not mounted");
    return NOT_LOCAL;
  }

  /** Adds the function; false when it cannot run here (a warning says why). */
  private boolean function(String id, Map<String, Object> properties, Path code, SourceLocation where) {
    if ("Image".equals(properties.get("PackageType"))) {
      warnings.add(id + ": PackageType Image needs a container; the function is not mounted");
      return false;
    }
    String runtime = properties.get("Runtime") instanceof String r ? r : null;
    if (runtime == null) {
      throw TemplateException.at(where, "function " + id + " has no Runtime (set it on the function or in Globals.Function)");
    }
    if (!runtime.startsWith("java")) {
      warnings.add(id + ": runtime " + runtime + " is not Java; LocalSAM runs Java functions only, so it is not mounted");
      return false;
    }
    String handler = properties.get("Handler") instanceof String h ? h : null;
    if (handler == null || handler.isBlank()) {
      throw TemplateException.at(where, "function " + id + " has no Handler (for example com.example.App::handleRequest)");
    }
    Map<String, String> environment = new LinkedHashMap<>();
    if (properties.get("Environment") instanceof Map<?, ?> env && env.get("Variables") instanceof Map<?, ?> variables) {
      for (Map.Entry<?, ?> variable : variables.entrySet()) {
        environment.put(variable.getKey().toString(), Scalars.text(variable.getValue()));
      }
    }
    int timeout = number(id, properties, "Timeout", 3, 1, 900, where);
    int memory = number(id, properties, "MemorySize", 128, 128, 10240, where);
    String logFormat = null;
    String logGroup = null;
    if (properties.get("LoggingConfig") instanceof Map<?, ?> logging) {
      logFormat = logging.get("LogFormat") instanceof String f ? f : null;
      logGroup = logging.get("LogGroup") instanceof String g ? g : null;
    }
    String functionName = properties.get("FunctionName") instanceof String n ? n : null;
    functions.put(id, new FunctionDef(id, functionName, handler, runtime, code, environment, timeout, memory,
        logFormat, logGroup, where));
    return true;
  }

  private int number(String id, Map<String, Object> properties, String name, int fallback, int min, int max, SourceLocation where) {
    if (!properties.containsKey(name)) {
      return fallback;
    }
    Integer value = Scalars.integer(properties.get(name));
    if (value == null) {
      throw TemplateException.at(where, "function " + id + ": invalid number for " + name + ": '" + Scalars.text(properties.get(name)) + "'");
    }
    if (value < min || value > max) {
      throw TemplateException.at(where, "function " + id + ": " + name + " " + value + " is outside Lambda's range " + min + ".." + max);
    }
    return value;
  }

  // ---- APIs and routes

  private void explicitApi(String id, String type, Map<String, Object> resource, ApiKind kind) {
    Map<String, Object> properties = Intrinsics.cast(intrinsics.resolve(
        globals.apply(type, properties(id, resource), resource.get("IgnoreGlobals")), id + ".Properties"));
    apis.put(id, api(id, kind, properties, document.locate(resource)));
  }

  private ApiDef api(String id, ApiKind kind, Map<String, Object> properties, SourceLocation where) {
    String stage;
    Map<String, String> variables = new LinkedHashMap<>();
    Object declaredVariables = properties.get(kind == ApiKind.REST ? "Variables" : "StageVariables");
    if (declaredVariables instanceof Map<?, ?> map) {
      map.forEach((k, v) -> variables.put(k.toString(), Scalars.text(v)));
    }
    if (kind == ApiKind.REST) {
      stage = id.equals(IMPLICIT_REST_API) ? "Prod" : Scalars.text(properties.get("StageName"));
      if (stage.isEmpty()) {
        throw TemplateException.at(where, "AWS::Serverless::Api " + id + " needs a StageName");
      }
    } else {
      stage = properties.get("StageName") == null ? "$default" : Scalars.text(properties.get("StageName"));
    }
    List<String> binary = new ArrayList<>();
    if (properties.get("BinaryMediaTypes") instanceof List<?> types) {
      types.forEach(t -> binary.add(Scalars.text(t).replace("~1", "/")));
    }
    return new ApiDef(id, kind, stage, variables, binary, where);
  }

  private ApiDef implicitApi(ApiKind kind, SourceLocation where) {
    String id = kind == ApiKind.REST ? IMPLICIT_REST_API : IMPLICIT_HTTP_API;
    return apis.computeIfAbsent(id, key -> {
      String type = kind == ApiKind.REST ? "AWS::Serverless::Api" : "AWS::Serverless::HttpApi";
      Map<String, Object> properties = Intrinsics.cast(intrinsics.resolve(
          globals.apply(type, new LinkedHashMap<>(), null), id + ".Properties"));
      return api(id, kind, properties, where);
    });
  }

  private void event(String functionId, String eventId, Object value) {
    if (!(value instanceof Map<?, ?> raw) || !(raw.get("Type") instanceof String type)) {
      throw TemplateException.at(document.locate(value), functionId + " event " + eventId + " needs a Type");
    }
    Map<String, Object> event = Intrinsics.cast(raw);
    Map<String, Object> properties = event.get("Properties") instanceof Map<?, ?> p ? Intrinsics.cast(p) : Map.of();
    SourceLocation where = document.locate(event);
    switch (type) {
      case "Api" -> {
        String apiId = owner(properties.get("RestApiId"), ApiKind.REST, where, functionId, eventId);
        if (apiId == null) {
          return;
        }
        route(apiId, properties, PayloadFormat.V1, functionId, eventId, where, false);
      }
      case "HttpApi" -> {
        String apiId = owner(properties.get("ApiId"), ApiKind.HTTP, where, functionId, eventId);
        if (apiId == null) {
          return;
        }
        PayloadFormat format = PayloadFormat.V2;
        if (properties.containsKey("PayloadFormatVersion")) {
          String version = Scalars.text(properties.get("PayloadFormatVersion"));
          format = switch (version) {
            case "1.0" -> PayloadFormat.V1;
            case "2.0" -> PayloadFormat.V2;
            default -> throw TemplateException.at(where, functionId + " event " + eventId
                + ": PayloadFormatVersion must be \"1.0\" or \"2.0\", not '" + version + "'");
          };
        }
        route(apiId, properties, format, functionId, eventId, where, true);
      }
      default -> warnings.add(functionId + " event " + eventId + " (" + type
          + ") is not emulated; invoke the function with an event file instead");
    }
  }

  /** The API an event belongs to; null when that API does not exist because its Condition is false. */
  private String owner(Object declared, ApiKind kind, SourceLocation where, String functionId, String eventId) {
    if (declared == null) {
      return implicitApi(kind, where).logicalId();
    }
    String id = Scalars.text(declared);
    ApiDef api = apis.get(id);
    if (api == null) {
      if (resources.containsKey(id)) {
        return null; // conditioned out
      }
      throw TemplateException.at(where, functionId + " event " + eventId + " names API '" + id
          + "', which is not an AWS::Serverless::" + (kind == ApiKind.REST ? "Api" : "HttpApi") + " of this template");
    }
    if (api.kind() != kind) {
      throw TemplateException.at(where, functionId + " event " + eventId + " names " + api.kind() + " API '" + id
          + "', but an event of this type needs a" + (kind == ApiKind.REST ? " REST (AWS::Serverless::Api)" : "n HTTP (AWS::Serverless::HttpApi)")
          + " API");
    }
    return id;
  }

  private void route(String apiId, Map<String, Object> properties, PayloadFormat format, String functionId,
      String eventId, SourceLocation where, boolean http) {
    Object path = properties.get("Path");
    Object method = properties.get("Method");
    String routePath;
    String routeMethod;
    if (http && path == null && method == null) {
      routePath = RouteDef.DEFAULT_ROUTE;
      routeMethod = RouteDef.ANY;
    } else {
      if (path == null || method == null) {
        throw TemplateException.at(where, functionId + " event " + eventId + " needs both Path and Method");
      }
      routePath = PathTemplate.check(Scalars.text(path), where);
      routeMethod = Scalars.text(method).toUpperCase(Locale.ROOT);
      if (routeMethod.equals("X-AMAZON-APIGATEWAY-ANY-METHOD") || routeMethod.equals("*")) {
        routeMethod = RouteDef.ANY;
      }
      if (!METHODS.contains(routeMethod)) {
        throw TemplateException.at(where, functionId + " event " + eventId + ": unknown method '" + Scalars.text(method)
            + "' (use GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS or ANY)");
      }
    }
    RouteDef route = new RouteDef(apiId, routeMethod, routePath, functionId, format, where);
    for (RouteDef other : routes) {
      if (other.path().equals(route.path()) && other.method().equals(route.method())) {
        warnings.add(route.routeKey() + " is declared by " + other.functionId() + " (" + other.apiId() + ") and by "
            + functionId + " (" + apiId + ") at " + where + "; " + other.functionId() + "'s is served");
        return;
      }
    }
    routes.add(route);
  }

  private Map<String, Object> properties(String id, Map<String, Object> resource) {
    Object properties = resource.get("Properties");
    if (properties == null) {
      return new LinkedHashMap<>();
    }
    if (!(properties instanceof Map<?, ?> map)) {
      throw TemplateException.at(document.locate(resource), "resource " + id + ": Properties must be a mapping");
    }
    return Intrinsics.cast(map);
  }
}
