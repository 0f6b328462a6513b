package io.localsam.template;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Routes from a Swagger 2 or OpenAPI 3 definition (a {@code DefinitionBody}, {@code DefinitionUri}
 * file or {@code Body}): each path and method with an {@code aws_proxy} {@code
 * x-amazon-apigateway-integration} (README: "How faithful it is", "Template"), plus the
 * definition's binary media types, CORS (a REST API's MOCK OPTIONS operations among it) and
 * authorizers.
 */
final class OpenApi {
  private static final Set<String> METHODS =
      Set.of(
          "get",
          "put",
          "post",
          "delete",
          "options",
          "head",
          "patch",
          "any",
          "x-amazon-apigateway-any-method");

  private final Stack stack;
  private final AuthReader auth;
  private final MockIntegrations mocks;

  OpenApi(Stack stack) {
    this.stack = stack;
    this.auth = new AuthReader(stack);
    this.mocks = new MockIntegrations(stack.warn);
  }

  /**
   * Reads a definition into its API.
   *
   * @param owner names the API and property in messages ({@code MyApi.DefinitionBody})
   * @param missing collects methods that have no integration, which SAM's own events may still
   *     supply
   */
  List<RouteDraft> read(ApiBuilder api, Object definition, String owner, List<RouteDraft> missing) {
    List<RouteDraft> routes = new ArrayList<>();
    if (!(definition instanceof Map<?, ?> raw) || Scalars.isIntrinsic(raw)) {
      stack.warn.accept(
          owner
              + " could not be read locally (not a resolved mapping); its routes are not mounted");
      return routes;
    }
    Map<String, Object> body = Intrinsics.cast(raw);
    if (body.get("x-amazon-apigateway-binary-media-types") instanceof List<?> types) {
      api.binary(types);
    }
    if (api.kind == ApiKind.HTTP
        && api.cors == null
        && body.containsKey("x-amazon-apigateway-cors")) {
      api.cors =
          new CorsReader(stack)
              .http(body.get("x-amazon-apigateway-cors"), owner + ".x-amazon-apigateway-cors");
    }
    Set<String> apiKeySchemes = securitySchemes(api, body, owner);
    Security root = security(api, apiKeySchemes, body.get("security"), owner);
    String defaultAuthorizer = root == null ? null : root.authorizer();
    if (defaultAuthorizer != null
        && !defaultAuthorizer.equals(RouteDraft.NO_AUTHORIZER)
        && api.defaultAuthorizer == null) {
      api.defaultAuthorizer = defaultAuthorizer;
    }
    Object paths = body.get("paths");
    if (paths == null) {
      return routes;
    }
    if (!(paths instanceof Map<?, ?> pathMap)) {
      throw TemplateException.at(stack.locate(body), owner + ": paths must be a mapping");
    }
    for (Map.Entry<String, Object> pathEntry :
        Intrinsics.<Map<String, Object>>cast(pathMap).entrySet()) {
      if (!(pathEntry.getValue() instanceof Map<?, ?> operations)) {
        continue;
      }
      SourceLocation pathAt = stack.locate(operations);
      String path = PathTemplate.check(pathEntry.getKey(), pathAt);
      for (Map.Entry<String, Object> operation :
          Intrinsics.<Map<String, Object>>cast(operations).entrySet()) {
        String key = operation.getKey().toLowerCase(Locale.ROOT);
        if (!METHODS.contains(key) || !(operation.getValue() instanceof Map<?, ?> rawOperation)) {
          continue; // parameters, summary, servers, x-...: not operations
        }
        Map<String, Object> op = Intrinsics.cast(rawOperation);
        String method =
            key.equals("any") || key.startsWith("x-") ? RouteDef.ANY : key.toUpperCase(Locale.ROOT);
        api.declare(path, method);
        RouteDraft route = route(api, path, method, op, owner, apiKeySchemes, root);
        if (route == null) {
          continue;
        }
        if (route.function() == null) {
          missing.add(route);
        } else {
          routes.add(route);
        }
      }
    }
    return routes;
  }

  private RouteDraft route(
      ApiBuilder api,
      String path,
      String method,
      Map<String, Object> op,
      String owner,
      Set<String> apiKeySchemes,
      Security root) {
    SourceLocation where = stack.locate(op);
    String label = method + " " + path + " of " + owner;
    String operationName =
        api.kind == ApiKind.REST && op.get("operationId") instanceof String id ? id : null;
    Security own = security(api, apiKeySchemes, op.get("security"), label);
    String authorizer = own == null ? null : own.authorizer();
    Security applied =
        own != null ? own : root; // an operation without security takes the definition's
    boolean apiKey = applied != null && applied.apiKey() && api.kind == ApiKind.REST;
    List<String> scopes = applied == null ? List.of() : applied.scopes();
    Object declared = op.get("x-amazon-apigateway-integration");
    if (!(declared instanceof Map<?, ?> raw)) {
      // no integration: a function event may add it (SAM merges events into the definition)
      return new RouteDraft(
          api,
          method,
          path,
          null,
          PayloadFormat.V1,
          operationName,
          authorizer,
          label,
          where,
          apiKey,
          scopes);
    }
    Map<String, Object> integration = Intrinsics.cast(raw);
    String type = Scalars.text(integration.get("type"));
    OptionsMock mock =
        type.equalsIgnoreCase("mock") && method.equals("OPTIONS") && api.kind == ApiKind.REST
            ? mocks.openApi(path, integration, label, stack.locate(integration))
            : null;
    if (mock != null) {
      api.optionsMocks.add(mock);
      return null;
    }
    if (!type.equalsIgnoreCase("aws_proxy")) {
      stack.warn.accept(
          label
              + ": integration type '"
              + (type.isEmpty() ? "(none)" : type)
              + "' is not emulated (only aws_proxy Lambda integrations are); the route is not mounted");
      return null;
    }
    String function = IntegrationUri.functionName(integration.get("uri"));
    if (function == null) {
      stack.warn.accept(
          label
              + ": the integration uri '"
              + Scalars.text(integration.get("uri"))
              + "' names no Lambda function that can be known locally; the route is not mounted");
      return null;
    }
    PayloadFormat format = PayloadFormat.V1;
    if (api.kind == ApiKind.HTTP) {
      Object version = integration.get("payloadFormatVersion");
      format =
          version == null
              ? PayloadFormat.V2
              : PayloadFormat.parse(
                  version, label + ": payloadFormatVersion", stack.locate(integration));
    }
    return new RouteDraft(
        api,
        method,
        path,
        function,
        format,
        operationName,
        authorizer,
        label,
        where,
        apiKey,
        scopes);
  }

  /** Reads the authorizers among the security schemes; returns the names of the API-key schemes. */
  private Set<String> securitySchemes(ApiBuilder api, Map<String, Object> body, String owner) {
    Object schemes = body.get("securityDefinitions");
    if (schemes == null && body.get("components") instanceof Map<?, ?> components) {
      schemes = components.get("securitySchemes");
    }
    Set<String> apiKeySchemes = new HashSet<>();
    if (!(schemes instanceof Map<?, ?> map)) {
      return apiKeySchemes;
    }
    for (Map.Entry<String, Object> entry : Intrinsics.<Map<String, Object>>cast(map).entrySet()) {
      if (entry.getValue() instanceof Map<?, ?> scheme) {
        if (!scheme.containsKey("x-amazon-apigateway-authorizer")
            && !scheme.containsKey("x-amazon-apigateway-authtype")
            && "apiKey".equals(scheme.get("type"))
            && "x-api-key".equalsIgnoreCase(Scalars.text(scheme.get("name")))) {
          apiKeySchemes.add(
              entry.getKey()); // API Gateway's own API key, checked against the API's keys
        } else if (!api.authorizers.containsKey(entry.getKey())) {
          auth.add(
              api, auth.openApi(entry.getKey(), Intrinsics.cast(scheme), api.kind, owner), owner);
        }
      }
    }
    return apiKeySchemes;
  }

  /**
   * What a {@code security} list asks for: an authorizer (or {@code NONE} for an empty list) with
   * the scopes it lists, and whether an API key is required; {@code null} when there is no list.
   */
  private Security security(
      ApiBuilder api, Set<String> apiKeySchemes, Object security, String label) {
    if (!(security instanceof List<?> requirements)) {
      return null;
    }
    if (requirements.isEmpty()) {
      return new Security(RouteDraft.NO_AUTHORIZER, List.of(), false);
    }
    if (requirements.size() > 1) {
      stack.warn.accept(
          label
              + ": security lists "
              + requirements.size()
              + " alternatives; API Gateway applies one authorizer per method, so only the first is used");
    }
    if (!(requirements.get(0) instanceof Map<?, ?> first) || first.isEmpty()) {
      return new Security(RouteDraft.NO_AUTHORIZER, List.of(), false);
    }
    String authorizer =
        null; // only an API key scheme (or none we know): the API's default authorizer applies
    List<String> scopes = new ArrayList<>();
    boolean apiKey = false;
    for (Map.Entry<?, ?> requirement : first.entrySet()) {
      String name = requirement.getKey().toString();
      if (apiKeySchemes.contains(name)) {
        apiKey = true;
      } else if (api.authorizers.containsKey(name) && authorizer == null) {
        authorizer = name;
        if (requirement.getValue() instanceof List<?> listed) {
          listed.forEach(scope -> scopes.add(Scalars.text(scope)));
        }
      }
    }
    return new Security(authorizer, scopes, apiKey);
  }

  private record Security(String authorizer, List<String> scopes, boolean apiKey) {}
}
