package io.localsam.template;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The functions of one stack: {@code AWS::Serverless::Function} (Globals merged) and {@code
 * AWS::Lambda::Function}, with their local layers and any {@code AWS::Lambda::Url}. A function that
 * cannot run here (not Java, code in S3, a container image) is warned about by name and not
 * mounted.
 */
final class Functions {
  private static final Set<String> LAYER_TYPES =
      Set.of("AWS::Serverless::LayerVersion", "AWS::Lambda::LayerVersion");

  private final Stack stack;
  private final CorsReader cors;
  private EventInvokeConfigReader asyncSettings;

  Functions(Stack stack) {
    this.stack = stack;
    this.cors = new CorsReader(stack);
  }

  /** Every function of the stack that can run here, in template order. */
  List<FunctionDef> read() {
    for (String id : stack.ids()) { // names first: FunctionUrl and layers may refer to any of them
      String type = stack.type(id);
      if (type.equals(Stack.SAM_FUNCTION) || type.equals("AWS::Lambda::Function")) {
        stack.functionNames.put(id, id);
        if (stack.properties(id).get("FunctionName") instanceof String name) {
          stack.functionNames.putIfAbsent(name, id);
        }
      }
    }
    Map<String, FunctionUrlDef> urls = lambdaUrls();
    asyncSettings = new EventInvokeConfigReader(stack);
    List<FunctionDef> functions = new ArrayList<>();
    for (String id : stack.ids()) {
      String type = stack.type(id);
      FunctionDef function = null;
      if (type.equals(Stack.SAM_FUNCTION)) {
        function = serverless(id);
      } else if (type.equals("AWS::Lambda::Function")) {
        function = lambda(id, urls.get(id));
      } else {
        continue;
      }
      if (function == null) {
        stack.unmounted.add(id);
      } else {
        functions.add(function);
      }
    }
    return functions;
  }

  private FunctionDef serverless(String id) {
    Map<String, Object> properties = stack.properties(id);
    SourceLocation where = stack.locate(stack.resource(id));
    Path code = null;
    if (!properties.containsKey("InlineCode")) {
      code = codePath(id, properties.getOrDefault("CodeUri", "."), "CodeUri", null);
      if (code == null) {
        return null;
      }
    }
    FunctionUrlDef url = null;
    if (properties.get("FunctionUrlConfig") instanceof Map<?, ?> config) {
      url = functionUrl(id, Intrinsics.cast(config));
    }
    return function(id, properties, code, url, where);
  }

  private FunctionDef lambda(String id, FunctionUrlDef url) {
    Map<String, Object> properties = stack.properties(id);
    SourceLocation where = stack.locate(stack.resource(id));
    Object code = properties.getOrDefault("Code", ".");
    Path path;
    if (code instanceof Map<?, ?> map && map.containsKey("ZipFile")) {
      path = null;
    } else if (code instanceof Map<?, ?> map && map.containsKey("ImageUri")) {
      stack.warn.accept(
          stack.name(id)
              + ": Code.ImageUri (a container image) needs Docker; the function is not mounted");
      return null;
    } else if (code instanceof Map<?, ?> map && map.containsKey("S3Bucket")) {
      path =
          codePath(
              id,
              Map.of("Bucket", map.get("S3Bucket"), "Key", Scalars.text(map.get("S3Key"))),
              "Code",
              stack.assetPath(id, "Code"));
      if (path == null) {
        return null;
      }
    } else {
      path = codePath(id, code, "Code", null);
      if (path == null) {
        return null;
      }
    }
    return function(id, properties, path, url, where);
  }

  /** A local code path; {@code null} (with a warning) for code in S3. */
  private Path codePath(String id, Object codeUri, String property, Path asset) {
    if (codeUri instanceof String path && !Stack.remote(path)) {
      return stack.file(path);
    }
    if (asset != null) {
      return asset;
    }
    String where =
        codeUri instanceof Map<?, ?> map && map.containsKey("Bucket")
            ? "s3://" + Scalars.text(map.get("Bucket")) + "/" + Scalars.text(map.get("Key"))
            : Scalars.text(codeUri);
    stack.warn.accept(
        stack.name(id)
            + ": "
            + property
            + " points to S3 ("
            + where
            + "); only local code can run, so the function is not mounted");
    return null;
  }

  /** The function, or {@code null} (with a warning) when it cannot run here. */
  private FunctionDef function(
      String id,
      Map<String, Object> properties,
      Path code,
      FunctionUrlDef url,
      SourceLocation where) {
    String name = stack.name(id);
    if ("Image".equals(properties.get("PackageType"))) {
      stack.warn.accept(
          name + ": PackageType Image needs a container; the function is not mounted");
      return null;
    }
    String runtime = properties.get("Runtime") instanceof String r ? r : null;
    if (runtime == null) {
      throw TemplateException.at(
          where,
          "function " + name + " has no Runtime (set it on the function or in Globals.Function)");
    }
    boolean custom = runtime.startsWith("provided"); // its bootstrap runs in a process of its own
    if (!runtime.startsWith("java") && !custom) {
      stack.warn.accept(
          name
              + ": runtime "
              + runtime
              + " is not Java; LocalSAM runs Java functions and custom runtimes"
              + " (provided.al2023) only, so it is not mounted");
      return null;
    }
    String handler =
        properties.get("Handler") instanceof String h ? h : custom ? "bootstrap" : null;
    if (handler == null || handler.isBlank()) {
      throw TemplateException.at(
          where,
          "function " + name + " has no Handler (for example com.example.App::handleRequest)");
    }
    Map<String, String> environment = new LinkedHashMap<>();
    if (properties.get("Environment") instanceof Map<?, ?> env
        && env.get("Variables") instanceof Map<?, ?> variables) {
      for (Map.Entry<?, ?> variable : variables.entrySet()) {
        Object value = variable.getValue();
        // README, Template: unresolved intrinsics (maps), lists and null become ""
        environment.put(
            variable.getKey().toString(), value instanceof List<?> ? "" : Scalars.text(value));
      }
    }
    int timeout = number(name, properties, "Timeout", 3, 1, 900, where);
    int memory = number(name, properties, "MemorySize", 128, 128, 10240, where);
    String logFormat = null;
    String logGroup = null;
    if (properties.get("LoggingConfig") instanceof Map<?, ?> logging) {
      logFormat = logging.get("LogFormat") instanceof String f ? f : null;
      logGroup = logging.get("LogGroup") instanceof String g ? g : null;
      if (logFormat != null && !logFormat.equals("Text") && !logFormat.equals("JSON")) {
        throw TemplateException.at(
            where,
            "function "
                + name
                + ": LoggingConfig.LogFormat must be Text or JSON, not '"
                + logFormat
                + "'");
      }
    }
    String architecture = architecture(name, properties.get("Architectures"), where);
    Integer reserved = null;
    if (properties.containsKey("ReservedConcurrentExecutions")) {
      reserved =
          number(name, properties, "ReservedConcurrentExecutions", 0, 0, Integer.MAX_VALUE, where);
    }
    if (properties.get("TenancyConfig") instanceof Map<?, ?> tenancy) {
      stack.warn.accept(
          name
              + ": TenancyConfig (TenantIsolationMode "
              + Scalars.text(tenancy.get("TenantIsolationMode"))
              + ") is not emulated: invocations need no tenant id, tenants share the function's execution environments,"
              + " and Context.getTenantId() is null");
    }
    List<Path> layers = layers(name, properties.get("Layers"));
    String functionName = properties.get("FunctionName") instanceof String n ? n : null;
    return new FunctionDef(
        id,
        functionName,
        handler,
        runtime,
        code,
        environment,
        timeout,
        memory,
        logFormat,
        logGroup,
        layers,
        architecture,
        reserved,
        url,
        activeTracing(properties),
        stack.path,
        where,
        asyncSettings.forFunction(id, properties));
  }

  /**
   * SAM's {@code Tracing: Active}, or CloudFormation's {@code TracingConfig: {Mode: Active}};
   * PassThrough is the default.
   */
  private static boolean activeTracing(Map<String, Object> properties) {
    Object mode =
        properties.get("TracingConfig") instanceof Map<?, ?> config
            ? config.get("Mode")
            : properties.get("Tracing");
    return "Active".equals(mode);
  }

  private static String architecture(String name, Object declared, SourceLocation where) {
    if (declared == null) {
      return FunctionDef.DEFAULT_ARCHITECTURE;
    }
    if (!(declared instanceof List<?> list)
        || list.size() != 1
        || !(list.get(0) instanceof String value)
        || !(value.equals("x86_64") || value.equals("arm64"))) {
      throw TemplateException.at(
          where,
          "function "
              + name
              + ": Architectures must list exactly one of x86_64 or arm64, not ["
              + Scalars.text(declared)
              + "] (a list in Globals.Function is joined with the function's own, so set it in one"
              + " place)");
    }
    return value;
  }

  private List<Path> layers(String function, Object declared) {
    List<Path> layers = new ArrayList<>();
    if (!(declared instanceof List<?> list)) {
      return layers;
    }
    for (Object item : list) {
      String layer = item instanceof String s ? s : null;
      if (layer != null && LAYER_TYPES.contains(stack.type(layer))) {
        if (stack.conditionedOut(layer)) {
          continue;
        }
        Path content = layerContent(layer);
        if (content != null) {
          layers.add(content);
        }
      } else if (layer != null && layer.startsWith("arn:")) {
        stack.warn.accept(
            function
                + ": layer "
                + layer
                + " is not in this template and cannot be downloaded locally; it is"
                + " not on the function's classpath");
      } else {
        stack.warn.accept(
            function
                + ": Layers entry '"
                + Scalars.text(item)
                + "' is neither a layer of this template nor an"
                + " ARN; it is ignored");
      }
    }
    return layers;
  }

  private Path layerContent(String id) {
    Map<String, Object> properties = stack.properties(id);
    boolean sam = stack.type(id).equals("AWS::Serverless::LayerVersion");
    Object content = properties.get(sam ? "ContentUri" : "Content");
    if (content instanceof String path && !Stack.remote(path)) {
      return stack.file(path);
    }
    Path asset = stack.assetPath(id, "Content");
    if (asset != null) {
      return asset;
    }
    stack.warn.accept(
        stack.name(id)
            + ": layer content "
            + (sam ? "ContentUri" : "Content")
            + " is not a local path ("
            + Scalars.text(content instanceof Map<?, ?> m ? m.values() : content)
            + "); the layer is not on the classpath");
    return null;
  }

  private FunctionUrlDef functionUrl(String owner, Map<String, Object> config) {
    SourceLocation where = stack.locate(config);
    String authType = Scalars.text(config.get("AuthType"));
    if (!authType.equals("NONE") && !authType.equals(AuthorizerDef.IAM)) {
      throw TemplateException.at(
          where,
          stack.name(owner)
              + ": FunctionUrlConfig.AuthType must be NONE or AWS_IAM, not '"
              + authType
              + "'");
    }
    String invokeMode =
        config.get("InvokeMode") == null
            ? null
            : Scalars.text(config.get("InvokeMode")).toUpperCase(Locale.ROOT);
    if (invokeMode != null
        && !invokeMode.equals("BUFFERED")
        && !invokeMode.equals("RESPONSE_STREAM")) {
      throw TemplateException.at(
          where,
          stack.name(owner)
              + ": FunctionUrlConfig.InvokeMode must be BUFFERED or"
              + " RESPONSE_STREAM, not '"
              + invokeMode
              + "'");
    }
    if (authType.equals(AuthorizerDef.IAM)) {
      stack.warn.accept(
          stack.name(owner)
              + ": FunctionUrlConfig AuthType AWS_IAM is not checked locally; requests pass"
              + " unsigned");
    }
    return new FunctionUrlDef(
        authType,
        cors.http(config.get("Cors"), stack.name(owner) + ".FunctionUrlConfig.Cors"),
        invokeMode);
  }

  /** {@code AWS::Lambda::Url} resources, by the logical id of the function they serve. */
  private Map<String, FunctionUrlDef> lambdaUrls() {
    Map<String, FunctionUrlDef> urls = new LinkedHashMap<>();
    for (String id : stack.ids()) {
      if (!stack.type(id).equals("AWS::Lambda::Url")) {
        continue;
      }
      Map<String, Object> properties = stack.properties(id);
      Object target = properties.get("TargetFunctionArn");
      String name =
          target instanceof String s && s.startsWith("arn:")
              ? IntegrationUri.functionName(s)
              : Scalars.text(target);
      String function = name == null ? null : stack.functionNames.get(name);
      if (function == null) {
        stack.warn.accept(
            stack.name(id)
                + ": TargetFunctionArn '"
                + Scalars.text(target)
                + "' is not a function of this template; the URL is not served");
        continue;
      }
      urls.put(function, functionUrl(id, properties));
    }
    return urls;
  }

  private static int number(
      String name,
      Map<String, Object> properties,
      String property,
      int fallback,
      int min,
      int max,
      SourceLocation where) {
    if (!properties.containsKey(property)) {
      return fallback;
    }
    Integer value = Scalars.integer(properties.get(property));
    if (value == null) {
      throw TemplateException.at(
          where,
          "function "
              + name
              + ": invalid number for "
              + property
              + ": '"
              + Scalars.text(properties.get(property))
              + "'");
    }
    if (value < min || value > max) {
      throw TemplateException.at(
          where,
          "function "
              + name
              + ": "
              + property
              + " "
              + value
              + " is outside Lambda's range "
              + min
              + ".."
              + (max == Integer.MAX_VALUE ? "" : max));
    }
    return value;
  }
}
