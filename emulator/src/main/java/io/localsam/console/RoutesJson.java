package io.localsam.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.localsam.template.ApiDef;
import io.localsam.template.AuthorizerDef;
import io.localsam.template.FunctionDef;
import io.localsam.template.RouteDef;
import io.localsam.template.Template;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /__localsam/api/routes}: every route of the template as served, with what the
 * console's "try it" form needs: the authorizer's issuer, audience and scopes to mint a token with,
 * and the header the token goes in.
 */
final class RoutesJson {
  private RoutesJson() {}

  static ArrayNode of(Template template) {
    ArrayNode routes = AdminJson.JSON.createArrayNode();
    for (RouteDef route : template.routes()) {
      ApiDef api = template.api(route.apiId());
      ObjectNode node = routes.addObject();
      node.put("method", route.method());
      node.put("path", route.path());
      node.put("function", route.functionId());
      node.put("api", api.logicalId());
      node.put("type", api.kind().name());
      node.put("stage", api.stageName());
      node.put("payloadVersion", route.payloadFormat().version());
      node.put("apiKeyRequired", route.apiKeyRequired());
      AuthorizerDef authorizer =
          route.authorizer() == null ? null : api.auth().authorizer(route.authorizer());
      if (authorizer == null) {
        node.putNull("authorizer");
      } else {
        node.set("authorizer", authorizer(authorizer, route, api));
      }
    }
    for (FunctionDef function : template.functions().values()) {
      if (function.functionUrl() != null) {
        ObjectNode node = routes.addObject();
        node.put("method", RouteDef.ANY);
        node.put("path", "/function-urls/" + function.logicalId() + "/{proxy+}");
        node.put("function", function.logicalId());
        node.put("api", "FunctionUrl/" + function.logicalId());
        node.put("type", "FUNCTION_URL");
        node.put("stage", RouteDef.DEFAULT_STAGE);
        node.put("payloadVersion", "2.0");
        node.put("apiKeyRequired", false);
        node.putNull("authorizer");
      }
    }
    return routes;
  }

  private static ObjectNode authorizer(AuthorizerDef authorizer, RouteDef route, ApiDef api) {
    ObjectNode node = AdminJson.JSON.createObjectNode();
    node.put("name", authorizer.name());
    node.put("type", authorizer.type());
    boolean jwt = authorizer.type().equals(AuthorizerDef.JWT);
    boolean cognito = authorizer.type().equals(AuthorizerDef.COGNITO);
    node.put("mintsTokens", jwt || cognito);
    ArrayNode issuers = node.putArray("issuers");
    (jwt ? authorizer.jwtIssuers() : cognito ? authorizer.userPoolIssuers() : List.<String>of())
        .forEach(issuers::add);
    ArrayNode audiences = node.putArray("audiences");
    (jwt ? authorizer.jwtAudiences() : List.<String>of()).forEach(audiences::add);
    List<String> scopes =
        route.authorizationScopes().isEmpty()
            ? authorizer.authorizationScopes()
            : route.authorizationScopes();
    ArrayNode scopeList = node.putArray("scopes");
    scopes.forEach(scopeList::add);
    node.put("header", header(authorizer, api));
    return node;
  }

  /**
   * The header the identity comes from ({@code Authorization} unless the authorizer names another),
   * or null.
   */
  private static String header(AuthorizerDef authorizer, ApiDef api) {
    if (authorizer.identitySources().isEmpty()) {
      return "Authorization";
    }
    String source = authorizer.identitySources().get(0);
    int at = source.toLowerCase(Locale.ROOT).indexOf("header.");
    return at < 0 ? null : source.substring(at + "header.".length());
  }
}
