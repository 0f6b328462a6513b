package io.localsam.template;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A stack's WebSocket APIs (README, WebSocket APIs): {@code AWS::ApiGatewayV2::Api} with {@code
 * ProtocolType: WEBSOCKET}, and the {@code Stage}, {@code Authorizer}, {@code Route}, {@code
 * Integration} and {@code RouteResponse} resources that name it. Routes with an AWS_PROXY
 * integration to a function of the template are served; everything else is warned about by name.
 */
final class WebSocketApis {
  static final String PROTOCOL = "WEBSOCKET";
  private static final String API = "AWS::ApiGatewayV2::Api";

  private final Stack stack;
  private final Function<String, String> functionIds;
  private final AuthReader auth;

  /** One API while its resources are read. */
  private static final class Draft {
    final String id;
    final SourceLocation location;
    final String expression;
    String stage;
    final Map<String, AuthorizerDef> authorizers = new LinkedHashMap<>();
    final List<WebSocketRouteDef> routes = new ArrayList<>();

    Draft(String id, SourceLocation location, String expression) {
      this.id = id;
      this.location = location;
      this.expression = expression;
    }
  }

  /**
   * {@code functionIds} turns a function name an integration URI gives into its model id (null: not
   * mounted).
   */
  WebSocketApis(Stack stack, Function<String, String> functionIds) {
    this.stack = stack;
    this.functionIds = functionIds;
    this.auth = new AuthReader(stack);
  }

  static boolean isWebSocket(Map<String, Object> apiProperties) {
    return PROTOCOL.equals(
        Scalars.text(apiProperties.get("ProtocolType")).toUpperCase(Locale.ROOT));
  }

  List<WebSocketApiDef> read() {
    Map<String, Draft> drafts = new LinkedHashMap<>();
    for (String id : stack.ids()) {
      if (stack.type(id).equals(API) && isWebSocket(stack.properties(id))) {
        drafts.put(id, api(id));
      }
    }
    if (drafts.isEmpty()) {
      return List.of();
    }
    Set<String> twoWay = new HashSet<>();
    for (String id : stack.ids()) {
      Map<String, Object> properties = stack.properties(id);
      Draft api = drafts.get(Scalars.text(properties.get("ApiId")));
      if (api == null) {
        continue;
      }
      switch (stack.type(id)) {
        case "AWS::ApiGatewayV2::Stage" -> stage(api, id, properties);
        case "AWS::ApiGatewayV2::Authorizer" ->
            api.authorizers.put(id, auth.resource(id, properties, ApiKind.WEBSOCKET));
        case "AWS::ApiGatewayV2::RouteResponse" ->
            twoWay.add(Scalars.text(properties.get("RouteId")));
        default -> {}
      }
    }
    for (String id : stack.ids()) {
      if (stack.type(id).equals("AWS::ApiGatewayV2::Route")) {
        Map<String, Object> properties = stack.properties(id);
        Draft api = drafts.get(Scalars.text(properties.get("ApiId")));
        if (api != null) {
          route(api, id, properties, twoWay.contains(id));
        }
      }
    }
    List<WebSocketApiDef> apis = new ArrayList<>();
    for (Draft api : drafts.values()) {
      apis.add(
          new WebSocketApiDef(
              api.id,
              api.stage == null ? "$default" : api.stage,
              api.expression,
              api.routes,
              api.authorizers,
              api.location));
      if (api.stage == null) {
        stack.warn.accept(
            api.id
                + " has no AWS::ApiGatewayV2::Stage, so it could not be called once deployed; it is"
                + " served as stage '$default'");
      }
    }
    return apis;
  }

  private Draft api(String id) {
    Map<String, Object> properties = stack.properties(id);
    String owner = stack.name(id);
    SourceLocation where = stack.locate(stack.resource(id));
    String expression = Scalars.text(properties.get("RouteSelectionExpression"));
    if (expression.isEmpty()) {
      throw TemplateException.at(
          where,
          owner
              + ": a WEBSOCKET API needs a RouteSelectionExpression"
              + " ($request.body.action, say)");
    }
    if (!expression.equals("$default") && !expression.startsWith("$request.body.")) {
      throw TemplateException.at(
          where,
          owner
              + ": RouteSelectionExpression '"
              + expression
              + "' must be $default or"
              + " $request.body.<field>");
    }
    for (String property : List.of("ApiKeySelectionExpression", "Body", "BodyS3Location")) {
      if (properties.containsKey(property)) {
        stack.warn.accept(
            owner + "." + property + " is not emulated for WebSocket APIs; it is ignored");
      }
    }
    return new Draft(owner, where, expression);
  }

  private void stage(Draft api, String id, Map<String, Object> properties) {
    String name = Scalars.text(properties.get("StageName"));
    if (api.stage != null) {
      stack.warn.accept(
          api.id
              + " has several stages ("
              + api.stage
              + ", "
              + name
              + "); locally the first declared is"
              + " served (deployed, each stage has a URL of its own)");
      return;
    }
    api.stage = name.isEmpty() ? null : name;
    for (String property : List.of("DefaultRouteSettings", "RouteSettings", "AccessLogSettings")) {
      if (properties.containsKey(property)) {
        stack.warn.accept(
            stack.name(id)
                + "."
                + property
                + " (throttling, logging) is not emulated; it is ignored");
      }
    }
  }

  private void route(Draft api, String id, Map<String, Object> properties, boolean twoWay) {
    String owner = stack.name(id);
    SourceLocation where = stack.locate(stack.resource(id));
    String key = Scalars.text(properties.get("RouteKey"));
    String source = owner + " (" + api.id + " " + key + ")";
    if (key.isEmpty()) {
      throw TemplateException.at(
          where, owner + " needs a RouteKey ($connect, $disconnect, $default or a custom key)");
    }
    String target = Scalars.text(properties.get("Target"));
    String integrationId =
        target.startsWith("integrations/") ? target.substring("integrations/".length()) : "";
    if (target.isEmpty()) {
      stack.warn.accept(source + " has no Target; the route is not mounted");
      return;
    }
    if (!stack.type(integrationId).equals("AWS::ApiGatewayV2::Integration")) {
      throw TemplateException.at(
          where,
          owner
              + ": Target '"
              + target
              + "' must be integrations/<logical id of an AWS::ApiGatewayV2::Integration>");
    }
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
    String name = IntegrationUri.functionName(integration.get("IntegrationUri"));
    String function = name == null ? null : functionIds.apply(name);
    if (function == null) {
      stack.warn.accept(
          source
              + ": IntegrationUri '"
              + Scalars.text(integration.get("IntegrationUri"))
              + "' names no function of the template that runs locally; the route is not mounted");
      return;
    }
    for (String property :
        List.of(
            "ApiKeyRequired", "RequestModels", "ModelSelectionExpression", "RequestParameters")) {
      if (properties.containsKey(property)) {
        stack.warn.accept(source + ": " + property + " is not emulated; it is ignored");
      }
    }
    api.routes.add(
        new WebSocketRouteDef(
            key, function, twoWay, authorizer(api, properties, key, source, where), where));
  }

  /** The route's authorizer: API Gateway runs authorizers on {@code $connect} only. */
  private String authorizer(
      Draft api, Map<String, Object> properties, String key, String source, SourceLocation where) {
    String type = Scalars.text(properties.get("AuthorizationType")).toUpperCase(Locale.ROOT);
    if (type.isEmpty() || type.equals("NONE")) {
      return null;
    }
    if (!key.equals(WebSocketRouteDef.CONNECT)) {
      stack.warn.accept(
          source
              + ": AuthorizationType "
              + type
              + " is used by API Gateway on $connect only; it is ignored");
      return null;
    }
    if (type.equals("AWS_IAM")) {
      stack.warn.accept(
          source
              + ": AWS_IAM authorization of WebSocket connections is not emulated; every connection is"
              + " let through");
      return null;
    }
    String id = Scalars.text(properties.get("AuthorizerId"));
    AuthorizerDef authorizer = api.authorizers.get(id);
    if (authorizer == null) {
      throw TemplateException.at(
          where,
          source
              + ": AuthorizationType "
              + type
              + " needs an AuthorizerId naming an"
              + " AWS::ApiGatewayV2::Authorizer of "
              + api.id
              + " (found '"
              + id
              + "')");
    }
    if (!authorizer.emulated()) {
      stack.warn.accept(
          source
              + ": authorizer "
              + id
              + " is not emulated (its function is not a mounted function of this"
              + " template); connections pass without it");
      return null;
    }
    return id;
  }
}
