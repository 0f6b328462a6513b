package io.localsam.template;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * SAM's route sources in one stack: explicit {@code AWS::Serverless::Api} and {@code HttpApi}
 * resources (with their definitions), and functions' {@code Api} and {@code HttpApi} events, which
 * go to the implicit {@code ServerlessRestApi} / {@code ServerlessHttpApi} unless they name an API.
 */
final class SamApis {
  static final String IMPLICIT_REST_API = "ServerlessRestApi";
  static final String IMPLICIT_HTTP_API = "ServerlessHttpApi";
  private static final Set<String> METHODS =
      Set.of("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT", "ANY");

  private final Stack stack;
  private final Map<String, ApiBuilder> apis;
  private final CorsReader cors;
  private final AuthReader auth;
  private final OpenApi openApi;
  private final List<RouteDraft> eventRoutes = new ArrayList<>();
  private final List<RouteDraft> definitionRoutes = new ArrayList<>();
  private final List<RouteDraft> withoutIntegration = new ArrayList<>();

  SamApis(Stack stack, Map<String, ApiBuilder> apis) {
    this.stack = stack;
    this.apis = apis;
    this.cors = new CorsReader(stack);
    this.auth = new AuthReader(stack);
    this.openApi = new OpenApi(stack);
  }

  /**
   * Event routes first, then definition routes: an event wins over the definition (README,
   * Template).
   */
  List<RouteDraft> read(List<FunctionDef> functions) {
    for (String id : stack.ids()) {
      switch (stack.type(id)) {
        case Stack.SAM_API -> explicit(id, ApiKind.REST);
        case Stack.SAM_HTTP_API -> explicit(id, ApiKind.HTTP);
        default -> {}
      }
    }
    for (FunctionDef function : functions) {
      if (stack.type(function.logicalId()).equals(Stack.SAM_FUNCTION)
          && stack.properties(function.logicalId()).get("Events") instanceof Map<?, ?> events) {
        for (Map.Entry<String, Object> event :
            Intrinsics.<Map<String, Object>>cast(events).entrySet()) {
          event(function.logicalId(), event.getKey(), event.getValue());
        }
      }
    }
    for (RouteDraft missing : withoutIntegration) {
      boolean supplied =
          eventRoutes.stream()
              .anyMatch(r -> r.api() == missing.api() && r.key().equals(missing.key()));
      if (!supplied) {
        stack.warn.accept(
            missing.source() + " has no x-amazon-apigateway-integration; the route is not mounted");
      }
    }
    List<RouteDraft> routes = new ArrayList<>(eventRoutes);
    routes.addAll(definitionRoutes);
    return routes;
  }

  private void explicit(String id, ApiKind kind) {
    Map<String, Object> properties = stack.properties(id);
    String owner = stack.name(id);
    ApiBuilder api = new ApiBuilder(owner, kind, stack.locate(stack.resource(id)));
    settings(api, properties, owner, false);
    apis.put(id, api);
    Object body = properties.get("DefinitionBody");
    Object uri = properties.get("DefinitionUri");
    if (body != null) {
      definitionRoutes.addAll(
          openApi.read(api, body, owner + ".DefinitionBody", withoutIntegration));
    } else if (uri != null) {
      if (api.samCors != null) {
        throw TemplateException.at(
            api.location,
            owner
                + ": Cors works only with an inline DefinitionBody (SAM refuses it"
                + " with DefinitionUri, whose file it does not change); add the OPTIONS methods to the definition instead");
      }
      Object definition = definitionFile(uri, owner + ".DefinitionUri", properties);
      if (definition != null) {
        definitionRoutes.addAll(
            openApi.read(api, definition, owner + ".DefinitionUri", withoutIntegration));
      }
    }
  }

  /**
   * A definition file beside the template (YAML or JSON); {@code null} with a warning when it is in
   * S3. Like CloudFormation (which imports such a file as it is), intrinsics in it are not
   * resolved; an integration {@code uri} written as {@code Fn::Sub} still names its function
   * (README, Template).
   */
  Object definitionFile(Object uri, String owner, Object near) {
    if (!(uri instanceof String location) || Stack.remote(location)) {
      String where =
          uri instanceof Map<?, ?> map && map.containsKey("Bucket")
              ? "s3://" + Scalars.text(map.get("Bucket")) + "/" + Scalars.text(map.get("Key"))
              : Scalars.text(uri);
      stack.warn.accept(
          owner
              + " points to "
              + where
              + "; only local definition files are read, so its routes are not"
              + " mounted");
      return null;
    }
    Path file = stack.file(location);
    if (!Files.isRegularFile(file)) {
      throw TemplateException.at(
          stack.locate(near), owner + " '" + location + "' not found (looked for " + file + ")");
    }
    TemplateDocument definition = TemplateReader.readSnippet(file);
    stack.document.adopt(definition);
    return definition.root();
  }

  /** Stage, variables, binary types, CORS and Auth of a SAM API (explicit or implicit). */
  private void settings(
      ApiBuilder api, Map<String, Object> properties, String owner, boolean implicit) {
    boolean rest = api.kind == ApiKind.REST;
    Object stage = properties.get("StageName");
    if (rest) {
      if (implicit) {
        api.stage = "Prod"; // SAM's implicit REST API; Globals cannot change it (README, Template)
      } else if (stage == null || Scalars.text(stage).isEmpty()) {
        throw TemplateException.at(
            api.location, "AWS::Serverless::Api " + owner + " needs a StageName");
      } else {
        api.stage = Scalars.text(stage);
      }
    } else {
      api.stage = stage == null ? "$default" : Scalars.text(stage);
    }
    if (properties.get(rest ? "Variables" : "StageVariables") instanceof Map<?, ?> variables) {
      variables.forEach((k, v) -> api.variables.put(k.toString(), Scalars.text(v)));
    }
    if (properties.get("BinaryMediaTypes") instanceof List<?> types) {
      api.binary(types);
    }
    if (rest) {
      api.samCors = cors.rest(properties.get("Cors"), owner, api.location);
    } else {
      api.cors = cors.http(properties.get("CorsConfiguration"), owner + ".CorsConfiguration");
    }
    auth.sam(api, properties.get("Auth"), owner);
  }

  private ApiBuilder implicitApi(ApiKind kind, SourceLocation where) {
    String id = kind == ApiKind.REST ? IMPLICIT_REST_API : IMPLICIT_HTTP_API;
    ApiBuilder existing = apis.get(id);
    if (existing != null) {
      return existing;
    }
    String owner = stack.name(id);
    ApiBuilder api = new ApiBuilder(owner, kind, where);
    settings(
        api,
        stack.implicitProperties(kind == ApiKind.REST ? Stack.SAM_API : Stack.SAM_HTTP_API, id),
        owner,
        true);
    apis.put(id, api);
    return api;
  }

  private void event(String functionId, String eventId, Object value) {
    String source = stack.name(functionId) + " event " + eventId;
    if (!(value instanceof Map<?, ?> raw) || !(raw.get("Type") instanceof String type)) {
      throw TemplateException.at(stack.locate(value), source + " needs a Type");
    }
    Map<String, Object> event = Intrinsics.cast(raw);
    Map<String, Object> properties =
        event.get("Properties") instanceof Map<?, ?> p ? Intrinsics.cast(p) : Map.of();
    SourceLocation where = stack.locate(event);
    switch (type) {
      case "Api" -> {
        ApiBuilder api = owner(properties.get("RestApiId"), ApiKind.REST, where, source);
        if (api != null) {
          route(api, properties, PayloadFormat.V1, functionId, source, where, false);
        }
      }
      case "HttpApi" -> {
        ApiBuilder api = owner(properties.get("ApiId"), ApiKind.HTTP, where, source);
        if (api == null) {
          return;
        }
        PayloadFormat format = PayloadFormat.V2;
        if (properties.containsKey("PayloadFormatVersion")) {
          format =
              PayloadFormat.parse(
                  properties.get("PayloadFormatVersion"), source + ": PayloadFormatVersion", where);
        }
        route(api, properties, format, functionId, source, where, true);
      }
      default ->
          stack.warn.accept(
              source
                  + " ("
                  + type
                  + ") is not emulated; invoke the function with an event file instead");
    }
  }

  /**
   * The API an event belongs to; {@code null} (with a warning) when that API's Condition is false.
   */
  private ApiBuilder owner(Object declared, ApiKind kind, SourceLocation where, String source) {
    if (declared == null) {
      return implicitApi(kind, where);
    }
    String id = Scalars.text(declared);
    if (declared instanceof Map<?, ?> || id.isEmpty()) {
      throw TemplateException.at(
          where,
          source
              + ": "
              + (kind == ApiKind.REST ? "RestApiId" : "ApiId")
              + " must be the logical id of an API of this template (or !Ref to it)");
    }
    if (stack.conditionedOut(id)) {
      stack.warn.accept(
          source
              + " belongs to API "
              + stack.name(id)
              + ", whose Condition is false; the route is not mounted");
      return null;
    }
    ApiBuilder api = apis.get(id);
    String wanted = kind == ApiKind.REST ? "AWS::Serverless::Api" : "AWS::Serverless::HttpApi";
    if (api == null || !stack.type(id).startsWith("AWS::Serverless::")) {
      throw TemplateException.at(
          where,
          source + " names API '" + id + "', which is not an " + wanted + " of this template");
    }
    if (api.kind != kind) {
      throw TemplateException.at(
          where,
          source
              + " names "
              + api.kind
              + " API '"
              + id
              + "', but an event of this type needs"
              + " an "
              + wanted);
    }
    return api;
  }

  private void route(
      ApiBuilder api,
      Map<String, Object> properties,
      PayloadFormat format,
      String functionId,
      String source,
      SourceLocation where,
      boolean http) {
    Object path = properties.get("Path");
    Object method = properties.get("Method");
    String routePath;
    String routeMethod;
    if (http && path == null && method == null) {
      routePath = RouteDef.DEFAULT_ROUTE;
      routeMethod = RouteDef.ANY;
    } else {
      if (path == null || method == null) {
        throw TemplateException.at(where, source + " needs both Path and Method");
      }
      routePath = PathTemplate.check(Scalars.text(path), where);
      routeMethod = method(Scalars.text(method), source, where);
    }
    String authorizer = null;
    if (properties.get("Auth") instanceof Map<?, ?> eventAuth
        && eventAuth.get("Authorizer") != null) {
      authorizer = Scalars.text(eventAuth.get("Authorizer"));
      if (authorizer.equals(AuthorizerDef.IAM) && !api.authorizers.containsKey(AuthorizerDef.IAM)) {
        auth.add(api, AuthorizerDef.iam(AuthorizerDef.IAM, Map.of()), api.id);
      }
      if (!authorizer.equals(RouteDraft.NO_AUTHORIZER)
          && !api.authorizers.containsKey(authorizer)) {
        throw TemplateException.at(
            where,
            source
                + ": Auth.Authorizer '"
                + authorizer
                + "' is not one of API "
                + api.id
                + "'s Authorizers "
                + api.authorizers.keySet());
      }
    }
    // The event's Auth.ApiKeyRequired wins over the API's; HTTP APIs have no API keys.
    Map<String, Object> eventAuth =
        properties.get("Auth") instanceof Map<?, ?> m ? Intrinsics.cast(m) : Map.of();
    Object keyRequired =
        eventAuth.containsKey("ApiKeyRequired")
            ? eventAuth.get("ApiKeyRequired")
            : api.authProperties.get("ApiKeyRequired");
    boolean apiKeyRequired = !http && Scalars.isTrue(keyRequired);
    api.declare(routePath, routeMethod);
    eventRoutes.add(
        new RouteDraft(
            api,
            routeMethod,
            routePath,
            functionId,
            format,
            null,
            authorizer,
            source,
            where,
            apiKeyRequired,
            Scalars.texts(eventAuth.get("AuthorizationScopes"))));
  }

  static String method(String declared, String source, SourceLocation where) {
    String method = declared.toUpperCase(Locale.ROOT);
    if (method.equals("X-AMAZON-APIGATEWAY-ANY-METHOD") || method.equals("*")) {
      method = RouteDef.ANY;
    }
    if (!METHODS.contains(method)) {
      throw TemplateException.at(
          where,
          source
              + ": unknown method '"
              + declared
              + "' (use GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS or ANY)");
    }
    return method;
  }

  static Map<String, ApiBuilder> newApis() {
    return new LinkedHashMap<>();
  }
}
