package io.localsam.template;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * CloudFormation's route sources in one stack (README: "How faithful it is", "Template"): {@code
 * AWS::ApiGateway::RestApi} with its {@code Resource}, {@code Method}, {@code Stage}, {@code
 * Deployment} and {@code Authorizer} resources, and {@code AWS::ApiGatewayV2::Api} with its {@code
 * Route}, {@code Integration}, {@code Stage} and {@code Authorizer} resources (quick create
 * included). They are read next to SAM's own sources, so a template may mix both.
 */
final class CfnApis {
  private final Stack stack;
  private final Map<String, ApiBuilder> apis;
  private final AuthReader auth;
  private final OpenApi openApi;
  private final SamApis sam;
  private final MockIntegrations mocks;
  private final Map<String, String> resourcePaths = new HashMap<>();
  private final Map<String, String> stageOwners = new HashMap<>();
  private final Set<String> skipped = new HashSet<>();
  private final List<RouteDraft> routes = new ArrayList<>();

  CfnApis(Stack stack, Map<String, ApiBuilder> apis, SamApis sam) {
    this.stack = stack;
    this.apis = apis;
    this.auth = new AuthReader(stack);
    this.openApi = new OpenApi(stack);
    this.sam = sam;
    this.mocks = new MockIntegrations(stack.warn);
  }

  List<RouteDraft> read() {
    List<String> ids = stack.ids();
    for (String id : ids) {
      switch (stack.type(id)) {
        case "AWS::ApiGateway::RestApi" -> restApi(id);
        case "AWS::ApiGatewayV2::Api" -> httpApi(id);
        default -> {}
      }
    }
    for (String id : ids) {
      switch (stack.type(id)) {
        case "AWS::ApiGateway::Authorizer" -> authorizer(id, "RestApiId", ApiKind.REST);
        case "AWS::ApiGatewayV2::Authorizer" -> authorizer(id, "ApiId", ApiKind.HTTP);
        case "AWS::ApiGateway::Stage" -> stage(id, "RestApiId", ApiKind.REST, "Variables");
        case "AWS::ApiGatewayV2::Stage" -> stage(id, "ApiId", ApiKind.HTTP, "StageVariables");
        default -> {}
      }
    }
    for (String id : ids) {
      switch (stack.type(id)) {
        case "AWS::ApiGateway::Deployment" -> deployment(id);
        case "AWS::ApiGateway::Method" -> method(id);
        case "AWS::ApiGatewayV2::Route" -> route(id);
        default -> {}
      }
    }
    for (ApiBuilder api : apis.values()) {
      if (api.kind == ApiKind.REST
          && api.stage == null
          && stack.type(localId(api)).equals("AWS::ApiGateway::RestApi")) {
        stack.warn.accept(
            api.id
                + " has no AWS::ApiGateway::Stage or Deployment StageName, so it could not be called once"
                + " deployed; it is served as stage 'Prod'");
      }
    }
    return routes;
  }

  private String localId(ApiBuilder api) {
    return stack.path.isEmpty() ? api.id : api.id.substring(stack.path.length() + 1);
  }

  private void restApi(String id) {
    Map<String, Object> properties = stack.properties(id);
    String owner = stack.name(id);
    ApiBuilder api = new ApiBuilder(owner, ApiKind.REST, stack.locate(stack.resource(id)));
    apis.put(id, api);
    if (properties.get("BinaryMediaTypes") instanceof List<?> types) {
      api.binary(types);
    }
    Object body = body(id, properties, owner);
    if (body != null) {
      routes.addAll(openApi.read(api, body, owner + ".Body", missing(owner)));
    }
  }

  private void httpApi(String id) {
    Map<String, Object> properties = stack.properties(id);
    String owner = stack.name(id);
    String protocol = Scalars.text(properties.getOrDefault("ProtocolType", "HTTP"));
    if (WebSocketApis.isWebSocket(properties)) {
      skipped.add(id); // WebSocketApis reads it and its resources
      return;
    }
    if (!protocol.equals("HTTP")
        && properties.get("Body") == null
        && properties.get("BodyS3Location") == null) {
      stack.warn.accept(
          owner
              + ": ProtocolType "
              + protocol
              + " is not emulated (HTTP APIs only); its routes are not mounted");
      skipped.add(id);
      return;
    }
    ApiBuilder api = new ApiBuilder(owner, ApiKind.HTTP, stack.locate(stack.resource(id)));
    apis.put(id, api);
    api.cors =
        new CorsReader(stack)
            .http(properties.get("CorsConfiguration"), owner + ".CorsConfiguration");
    Object body = body(id, properties, owner);
    if (body != null) {
      routes.addAll(openApi.read(api, body, owner + ".Body", missing(owner)));
    }
    Object target = properties.get("Target");
    if (target
        != null) { // quick create: one route (or $default) to one function, payload 2.0, stage
      // $default
      String function = IntegrationUri.functionName(target);
      SourceLocation where = stack.locate(stack.resource(id));
      if (function == null) {
        stack.warn.accept(
            owner
                + ": Target '"
                + Scalars.text(target)
                + "' names no Lambda function; the route is not mounted");
        return;
      }
      String[] key =
          routeKey(
              Scalars.text(properties.getOrDefault("RouteKey", RouteDef.DEFAULT_ROUTE)),
              owner,
              where);
      routes.add(
          new RouteDraft(
              api,
              key[0],
              key[1],
              function,
              PayloadFormat.V2,
              null,
              null,
              owner + " Target",
              where));
    }
  }

  private List<RouteDraft> missing(String owner) {
    return new ArrayList<>() {
      @Override
      public boolean add(RouteDraft route) {
        stack.warn.accept(
            route.source() + " has no x-amazon-apigateway-integration; the route is not mounted");
        return true;
      }
    };
  }

  /**
   * {@code Body}, or {@code BodyS3Location} when CDK's asset metadata says where the file is
   * locally.
   */
  private Object body(String id, Map<String, Object> properties, String owner) {
    if (properties.get("Body") != null) {
      return properties.get("Body");
    }
    Object location = properties.get("BodyS3Location");
    if (location == null) {
      return null;
    }
    Path asset = stack.assetPath(id, "BodyS3Location");
    if (asset != null) {
      return sam.definitionFile(
          stack.folder.relativize(asset).toString(), owner + ".BodyS3Location", stack.resource(id));
    }
    return sam.definitionFile(location, owner + ".BodyS3Location", stack.resource(id));
  }

  private ApiBuilder api(String resource, Object reference, ApiKind kind, String property) {
    String id = Scalars.text(reference);
    ApiBuilder api = apis.get(id);
    String wanted = kind == ApiKind.REST ? "AWS::ApiGateway::RestApi" : "AWS::ApiGatewayV2::Api";
    if (api == null && (stack.conditionedOut(id) || skipped.contains(id))) {
      return null; // the API does not exist here, and was warned about if it exists in the cloud
    }
    if (api == null || api.kind != kind || !stack.type(id).equals(wanted)) {
      throw TemplateException.at(
          stack.locate(stack.resource(resource)),
          stack.name(resource)
              + ": "
              + property
              + " '"
              + id
              + "' is not an "
              + wanted
              + " of this template");
    }
    return api;
  }

  private void stage(String id, String property, ApiKind kind, String variablesProperty) {
    Map<String, Object> properties = stack.properties(id);
    ApiBuilder api = api(id, properties.get(property), kind, property);
    if (api == null) {
      return;
    }
    String name = Scalars.text(properties.get("StageName"));
    if (api.stage != null && stageOwners.containsKey(api.id)) {
      // Deployed, every stage has its own URL; locally there is one, without a stage in it.
      // $default is the
      // stage AWS serves at the root of an HTTP API's URL, so it is the one that URL stands for.
      boolean root =
          kind == ApiKind.HTTP && name.equals(RouteDef.DEFAULT_STAGE) && !api.stage.equals(name);
      String served = root ? name : api.stage;
      stack.warn.accept(
          api.id
              + " has several stages ("
              + api.stage
              + ", "
              + name
              + "); locally one is served: "
              + served
              + (served.equals(RouteDef.DEFAULT_STAGE)
                  ? ", the stage AWS serves at the root of the API's URL, as LocalSAM serves"
                      + " every API"
                  : ", the first declared (deployed, each stage has a URL of its own)"));
      if (!root) {
        return;
      }
      api.variables.clear();
    }
    stageOwners.put(api.id, id);
    api.stage = name.isEmpty() ? api.stage : name;
    if (properties.get(variablesProperty) instanceof Map<?, ?> variables) {
      variables.forEach((k, v) -> api.variables.put(k.toString(), Scalars.text(v)));
    }
  }

  private void deployment(String id) {
    Map<String, Object> properties = stack.properties(id);
    if (properties.get("StageName") instanceof String name) {
      ApiBuilder api = api(id, properties.get("RestApiId"), ApiKind.REST, "RestApiId");
      if (api != null && api.stage == null) {
        api.stage = name; // a Deployment's StageName creates that stage when deployed
      }
    }
  }

  private void authorizer(String id, String property, ApiKind kind) {
    Map<String, Object> properties = stack.properties(id);
    ApiBuilder api = api(id, properties.get(property), kind, property);
    if (api != null) {
      auth.add(api, auth.resource(id, properties, kind), stack.name(id));
    }
  }

  private void method(String id) {
    Map<String, Object> properties = stack.properties(id);
    ApiBuilder api = api(id, properties.get("RestApiId"), ApiKind.REST, "RestApiId");
    if (api == null) {
      return;
    }
    String owner = stack.name(id);
    SourceLocation where = stack.locate(stack.resource(id));
    String method = SamApis.method(Scalars.text(properties.get("HttpMethod")), owner, where);
    String path =
        PathTemplate.check(path(Scalars.text(properties.get("ResourceId")), 0, where), where);
    String source = owner + " (" + method + " " + path + ")";
    Map<String, Object> integration =
        properties.get("Integration") instanceof Map<?, ?> m ? Intrinsics.cast(m) : Map.of();
    String type = Scalars.text(integration.get("Type")).toUpperCase(Locale.ROOT);
    OptionsMock mock =
        type.equals("MOCK") && method.equals("OPTIONS")
            ? mocks.cloudFormation(path, integration, source, where)
            : null;
    if (mock != null) { // CDK's CORS: each resource answers its own preflight
      api.optionsMocks.add(mock);
      return;
    }
    if (!type.equals("AWS_PROXY")) {
      stack.warn.accept(
          source
              + ": integration type "
              + (type.isEmpty() ? "(none)" : type)
              + " is not emulated (only AWS_PROXY Lambda integrations are); the route is not mounted");
      return;
    }
    String function = IntegrationUri.functionName(integration.get("Uri"));
    if (function == null) {
      stack.warn.accept(
          source
              + ": Integration.Uri '"
              + Scalars.text(integration.get("Uri"))
              + "' names no Lambda function that can be known locally; the route is not mounted");
      return;
    }
    String authorizer = authorizer(properties, api, source, where);
    String operation = properties.get("OperationName") instanceof String name ? name : null;
    boolean apiKeyRequired = Scalars.isTrue(properties.get("ApiKeyRequired"));
    routes.add(
        new RouteDraft(
            api,
            method,
            path,
            function,
            PayloadFormat.V1,
            operation,
            authorizer,
            source,
            where,
            apiKeyRequired,
            Scalars.texts(properties.get("AuthorizationScopes"))));
  }

  /** The path of an {@code AWS::ApiGateway::Resource}, built through its {@code ParentId} chain. */
  private String path(String resourceId, int depth, SourceLocation where) {
    if (resourceId.isEmpty() || resourceId.equals("/")) {
      return "/"; // the RestApi's RootResourceId
    }
    String known = resourcePaths.get(resourceId);
    if (known != null) {
      return known;
    }
    if (!stack.type(resourceId).equals("AWS::ApiGateway::Resource")) {
      return resourceId.startsWith("/")
          ? resourceId
          : "/" + resourceId; // README, Template: used as a literal prefix
    }
    if (depth > 64) {
      throw TemplateException.at(
          where, "the ParentId chain of " + stack.name(resourceId) + " loops");
    }
    Map<String, Object> properties = stack.properties(resourceId);
    String parent = path(Scalars.text(properties.get("ParentId")), depth + 1, where);
    String part = Scalars.text(properties.get("PathPart"));
    if (part.isEmpty()) {
      throw TemplateException.at(
          stack.locate(stack.resource(resourceId)), stack.name(resourceId) + " needs a PathPart");
    }
    String path = (parent.equals("/") ? "" : parent) + "/" + part;
    resourcePaths.put(resourceId, path);
    return path;
  }

  private void route(String id) {
    Map<String, Object> properties = stack.properties(id);
    ApiBuilder api = api(id, properties.get("ApiId"), ApiKind.HTTP, "ApiId");
    if (api == null) {
      return;
    }
    String owner = stack.name(id);
    SourceLocation where = stack.locate(stack.resource(id));
    String[] key = routeKey(Scalars.text(properties.get("RouteKey")), owner, where);
    String source =
        owner
            + " ("
            + (key[1].equals(RouteDef.DEFAULT_ROUTE) ? key[1] : key[0] + " " + key[1])
            + ")";
    String target = Scalars.text(properties.get("Target"));
    if (target.isEmpty()) {
      stack.warn.accept(source + " has no Target; the route is not mounted");
      return;
    }
    if (!target.startsWith("integrations/")
        || !stack
            .type(target.substring("integrations/".length()))
            .equals("AWS::ApiGatewayV2::Integration")) {
      throw TemplateException.at(
          where,
          owner
              + ": Target '"
              + target
              + "' must be integrations/<logical id of an AWS::ApiGatewayV2::Integration>");
    }
    String integrationId = target.substring("integrations/".length());
    if (stack.conditionedOut(integrationId)) {
      return;
    }
    Map<String, Object> integration = stack.properties(integrationId);
    String type = Scalars.text(integration.get("IntegrationType")).toUpperCase(Locale.ROOT);
    if (!type.equals("AWS_PROXY")) {
      stack.warn.accept(
          source
              + ": integration "
              + stack.name(integrationId)
              + " of type "
              + type
              + " is not emulated (only AWS_PROXY Lambda integrations are); the route is not mounted");
      return;
    }
    String function = IntegrationUri.functionName(integration.get("IntegrationUri"));
    if (function == null) {
      stack.warn.accept(
          source
              + ": IntegrationUri '"
              + Scalars.text(integration.get("IntegrationUri"))
              + "' names no Lambda function that can be known locally; the route is not mounted");
      return;
    }
    PayloadFormat format;
    Object version = integration.get("PayloadFormatVersion");
    if (version == null) {
      stack.warn.accept(
          stack.name(integrationId)
              + " has no PayloadFormatVersion (CloudFormation requires one for Lambda"
              + " proxy integrations); 2.0 is assumed");
      format = PayloadFormat.V2;
    } else {
      format =
          PayloadFormat.parse(
              version,
              stack.name(integrationId) + ": PayloadFormatVersion",
              stack.locate(stack.resource(integrationId)));
    }
    String authorizer = authorizer(properties, api, source, where);
    routes.add(
        new RouteDraft(
            api,
            key[0],
            key[1],
            function,
            format,
            null,
            authorizer,
            source,
            where,
            false,
            Scalars.texts(properties.get("AuthorizationScopes"))));
  }

  private String authorizer(
      Map<String, Object> properties, ApiBuilder api, String source, SourceLocation where) {
    String type = Scalars.text(properties.get("AuthorizationType")).toUpperCase(Locale.ROOT);
    switch (type) {
      case "", "NONE" -> {
        return RouteDraft.NO_AUTHORIZER;
      }
      case "AWS_IAM" -> {
        if (!api.authorizers.containsKey(AuthorizerDef.IAM)) {
          auth.add(api, AuthorizerDef.iam(AuthorizerDef.IAM, Map.of()), api.id);
        }
        return AuthorizerDef.IAM;
      }
      default -> {
        String id = Scalars.text(properties.get("AuthorizerId"));
        if (!api.authorizers.containsKey(id)) {
          throw TemplateException.at(
              where,
              source
                  + ": AuthorizationType "
                  + type
                  + " needs an AuthorizerId naming an"
                  + " authorizer of "
                  + api.id
                  + " (found '"
                  + id
                  + "')");
        }
        return id;
      }
    }
  }

  /** {@code "GET /path"} or {@code $default}, as {@code [method, path]}. */
  private static String[] routeKey(String key, String owner, SourceLocation where) {
    if (key.equals(RouteDef.DEFAULT_ROUTE)) {
      return new String[] {RouteDef.ANY, RouteDef.DEFAULT_ROUTE};
    }
    String[] parts = key.trim().split("\\s+");
    if (parts.length != 2) {
      throw TemplateException.at(
          where, owner + ": RouteKey '" + key + "' must be \"METHOD /path\" or $default");
    }
    return new String[] {
      SamApis.method(parts[0], owner, where), PathTemplate.check(parts[1], where)
    };
  }
}
