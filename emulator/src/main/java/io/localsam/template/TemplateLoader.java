package io.localsam.template;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a SAM (or CloudFormation) template into a {@link Template}: parameters, conditions, Globals
 * and intrinsics applied, every function and API route collected from every source (SAM events and
 * APIs, OpenAPI definitions, {@code AWS::ApiGateway*} resources, local nested stacks), and a
 * warning for everything that is declared but not emulated. Anything that makes the template
 * unusable is a {@link TemplateException} naming the file and line.
 *
 * <p>Where routes collide (the same method and path), the root stack wins over nested stacks and,
 * within a stack, a function event wins over an API definition (README: "How faithful it is",
 * "Template").
 */
public final class TemplateLoader {
  public static final String ACCOUNT_ID = "123456789012";
  private static final Set<String> ROUTELESS =
      Set.of(
          "AWS::ApiGateway::Resource",
          "AWS::ApiGatewayV2::Integration",
          "AWS::ApiGateway::Account",
          "AWS::Lambda::Permission",
          "AWS::IAM::Role",
          "AWS::IAM::Policy",
          "AWS::Serverless::LayerVersion",
          "AWS::Lambda::LayerVersion",
          "AWS::Lambda::Version",
          "AWS::Lambda::Alias",
          "AWS::Lambda::Url",
          "AWS::Logs::LogGroup",
          "AWS::CDK::Metadata",
          "AWS::ApiGateway::Deployment",
          "AWS::ApiGatewayV2::Deployment",
          "AWS::ApiGateway::Stage",
          "AWS::ApiGatewayV2::Stage",
          "AWS::ApiGateway::Authorizer",
          "AWS::ApiGatewayV2::Authorizer",
          "AWS::ApiGateway::Method",
          "AWS::ApiGatewayV2::Route",
          "AWS::Serverless::Application",
          "AWS::CloudFormation::Stack",
          "AWS::Serverless::Function",
          "AWS::Lambda::Function",
          "AWS::Serverless::Api",
          "AWS::Serverless::HttpApi",
          "AWS::ApiGateway::RestApi",
          "AWS::ApiGatewayV2::Api",
          "AWS::ApiGateway::ApiKey",
          "AWS::ApiGatewayV2::RouteResponse",
          "AWS::ApiGatewayV2::IntegrationResponse",
          EventInvokeConfigReader.RESOURCE);

  private final List<String> warnings = new ArrayList<>();
  private final Map<String, FunctionDef> functions = new LinkedHashMap<>();

  /** Per stack path: its local function ids to their ids in the model. */
  private final Map<String, Map<String, String>> functionIds = new HashMap<>();

  private final List<Stack> stacks = new ArrayList<>();
  private final List<List<RouteDraft>> drafts = new ArrayList<>();
  private final Map<String, String> notEmulated = new TreeMap<>();
  private final Map<String, String> apiKeys = new LinkedHashMap<>();
  private final List<WebSocketApiDef> webSocketApis = new ArrayList<>();

  private TemplateLoader() {}

  /**
   * Loads a template with parameter values (a samconfig file's {@code parameter_overrides} reach it
   * as the command's {@code --parameter-overrides}, as in SAM CLI).
   *
   * @param file the template file
   * @param overrides parameter values from {@code --parameter-overrides} (pseudo parameters
   *     allowed)
   * @param region the local value of {@code AWS::Region} (an {@code AWS::Region} override wins)
   */
  public static Template load(Path file, Map<String, String> overrides, String region) {
    Path template = file.toAbsolutePath().normalize();
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, String> sources = new HashMap<>();
    values.put("AWS::Region", region == null ? PseudoParameters.DEFAULT_REGION : region);
    sources.put("AWS::Region", "--region");
    overrides.forEach(
        (key, value) -> {
          values.put(key, value);
          sources.put(key, "--parameter-overrides");
        });
    TemplateLoader loader = new TemplateLoader();
    loader.stack("", template, values, sources, new LinkedHashSet<>(), null);
    return loader.build(template);
  }

  /**
   * One stack, and its nested stacks after it; {@code nested} is how its parent includes it, null
   * for the root.
   */
  private void stack(
      String path,
      Path file,
      Map<String, String> values,
      Map<String, String> sources,
      Set<Path> chain,
      NestedStacks.Child nested) {
    TemplateDocument document = TemplateReader.read(file);
    Set<String> declared = Parameters.declared(document);
    if (nested == null) {
      values
          .keySet()
          .forEach(
              name -> {
                if (!declared.contains(name) && !name.startsWith("AWS::")) {
                  warnings.add(
                      sources.get(name)
                          + " names parameter '"
                          + name
                          + "', which the template does not declare; it is"
                          + " ignored");
                }
              });
    } else {
      for (String name : nested.parameters().keySet()) {
        if (!declared.contains(name)) {
          throw TemplateException.at(
              nested.location(),
              path
                  + " passes parameter '"
                  + name
                  + "', which "
                  + file.getFileName()
                  + " does not declare");
        }
      }
    }
    Stack stack = new Stack(path, document, values, sources, warnings::add);
    stacks.add(stack);
    List<FunctionDef> stackFunctions = new Functions(stack).read();
    Map<String, String> ids = new HashMap<>();
    for (FunctionDef function : stackFunctions) {
      String local = function.logicalId();
      String id = local;
      if (functions.containsKey(id)) {
        String renamed = stack.name(id);
        warnings.add(
            "function "
                + id
                + " of nested stack "
                + path
                + " has the logical id of a function already loaded;"
                + " it is named "
                + renamed
                + " here");
        function = rename(function, renamed);
        id = renamed;
      }
      functions.put(id, function);
      ids.put(local, id);
    }
    functionIds.put(path, ids);
    Map<String, ApiBuilder> apis = SamApis.newApis();
    SamApis sam = new SamApis(stack, apis);
    List<RouteDraft> routes = new ArrayList<>(sam.read(stackFunctions));
    routes.addAll(new CfnApis(stack, apis, sam).read());
    drafts.add(routes);
    webSocketApis.addAll(
        new WebSocketApis(
                stack,
                name -> {
                  String local = stack.functionNames.get(name);
                  return local == null || stack.unmounted.contains(local) ? null : ids.get(local);
                })
            .read());
    for (String id : stack.ids()) {
      String type = stack.type(id);
      if (type.equals("AWS::ApiGateway::ApiKey")) {
        Map<String, Object> key = stack.properties(id);
        if (key.get("Value") instanceof String value && !Boolean.FALSE.equals(key.get("Enabled"))) {
          apiKeys.put(stack.name(id), value); // the gateway checks x-api-key against these
        }
      }
      if (!ROUTELESS.contains(type)) {
        notEmulated.put(stack.name(id), type);
      }
    }
    chain.add(file);
    for (NestedStacks.Child child : new NestedStacks(stack).children()) {
      if (chain.contains(child.file())) {
        throw TemplateException.at(
            child.location(),
            "nested stack "
                + stack.name(child.id())
                + " includes "
                + child.file()
                + ", which is already being loaded (a stack cannot contain itself)");
      }
      if (chain.size() > 10) {
        throw TemplateException.at(child.location(), "nested stacks go more than 10 levels deep");
      }
      Map<String, String> childValues = new LinkedHashMap<>(child.parameters());
      Map<String, String> childSources = new HashMap<>();
      childValues
          .keySet()
          .forEach(k -> childSources.put(k, stack.name(child.id()) + ".Parameters"));
      // README, Template: a nested stack gets its Parameters plus the global overrides (region,
      // account), not the root's overrides
      values.forEach(
          (key, value) -> {
            if (key.startsWith("AWS::")) {
              childValues.putIfAbsent(key, value);
              childSources.putIfAbsent(key, sources.get(key));
            }
          });
      stack(stack.name(child.id()), child.file(), childValues, childSources, chain, child);
    }
    chain.remove(file);
  }

  private static FunctionDef rename(FunctionDef f, String id) {
    return new FunctionDef(
        id,
        f.functionName(),
        f.handler(),
        f.runtime(),
        f.codeUri(),
        f.environment(),
        f.timeoutSeconds(),
        f.memorySize(),
        f.logFormat(),
        f.logGroup(),
        f.layers(),
        f.architecture(),
        f.reservedConcurrency(),
        f.functionUrl(),
        f.activeTracing(),
        f.stack(),
        f.location(),
        f.eventInvokeConfig());
  }

  private Template build(Path file) {
    Map<String, RouteDef> byKey = new LinkedHashMap<>();
    Map<ApiBuilder, ApiDef> built = new LinkedHashMap<>();
    for (int i = 0; i < stacks.size(); i++) {
      Stack stack = stacks.get(i);
      for (RouteDraft draft : drafts.get(i)) {
        String function = function(stack, draft);
        if (function == null) {
          continue;
        }
        ApiDef api = built.computeIfAbsent(draft.api(), ApiBuilder::build);
        String authorizer =
            draft.authorizer() == null
                ? api.auth().defaultAuthorizer()
                : draft.authorizer().equals(RouteDraft.NO_AUTHORIZER) ? null : draft.authorizer();
        RouteDef route =
            new RouteDef(
                api.logicalId(),
                draft.method(),
                draft.path(),
                function,
                draft.payloadFormat(),
                draft.operationName(),
                authorizer,
                draft.location(),
                draft.apiKeyRequired(),
                draft.scopes());
        // the same method on the same path shape takes the same requests, whatever the parameters
        // are called
        String key =
            route.path().equals(RouteDef.DEFAULT_ROUTE)
                ? RouteDef.DEFAULT_ROUTE
                : route.method() + " " + route.pathShape();
        RouteDef winner = byKey.putIfAbsent(key, route);
        if (winner != null
            && (!winner.functionId().equals(function) || !winner.apiId().equals(api.logicalId()))) {
          warnings.add(
              route.routeKey()
                  + " is declared twice: by "
                  + draft.source()
                  + " ("
                  + function
                  + ", "
                  + api.logicalId()
                  + ") and earlier for "
                  + winner.functionId()
                  + " ("
                  + winner.apiId()
                  + "); only one can be served locally: "
                  + winner.functionId()
                  + "'s");
        }
      }
    }
    warnings.addAll(SharedPaths.warnings(new ArrayList<>(byKey.values())));
    Map<String, ApiDef> apis = new LinkedHashMap<>();
    Set<String> used = new HashSet<>();
    byKey.values().forEach(route -> used.add(route.apiId()));
    for (ApiDef api : built.values()) {
      if (used.contains(api.logicalId())) {
        apis.putIfAbsent(api.logicalId(), api);
      }
    }
    if (!notEmulated.isEmpty()) {
      List<String> named = new ArrayList<>();
      notEmulated.forEach((id, type) -> named.add(id + " (" + type + ")"));
      warnings.add("not emulated, no local equivalent: " + String.join(", ", named));
    }
    Set<Path> files = new LinkedHashSet<>();
    stacks.forEach(stack -> files.addAll(stack.document.files()));
    return new Template(
        file,
        functions,
        apis,
        new ArrayList<>(byKey.values()),
        warnings,
        apiKeys,
        files,
        webSocketApis);
  }

  /**
   * The model id of the function a route calls; {@code null} when it is not mounted or not in the
   * template.
   */
  private String function(Stack stack, RouteDraft draft) {
    String local = stack.functionNames.get(draft.function());
    if (local != null) {
      if (stack.unmounted.contains(local)) {
        return null; // its own warning says why
      }
      return functionIds.get(stack.path).get(local);
    }
    for (FunctionDef function :
        functions.values()) { // a function of another stack, by FunctionName
      if (draft.function().equals(function.functionName())) {
        return function.logicalId();
      }
    }
    // SAM CLI mounts such a route and answers 502 "No function defined for resource method"
    // (README, Template); the
    // gateway has no such answer yet, so the route is left out, loudly.
    warnings.add(
        draft.source()
            + " calls function '"
            + draft.function()
            + "', which is not defined in the template;"
            + " the route is not mounted");
    return null;
  }
}
