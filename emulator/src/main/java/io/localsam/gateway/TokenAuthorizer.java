package io.localsam.gateway;

import io.localsam.gateway.auth.ClaimValues;
import io.localsam.gateway.auth.JwtValidator;
import io.localsam.template.ApiKind;
import io.localsam.template.AuthorizerDef;
import io.localsam.template.PayloadFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JWT authorizers (HTTP APIs) and Cognito user pool authorizers (REST APIs): the bearer token
 * checked by {@link JwtValidator} against the authorizer's issuer (a JWT authorizer's {@code
 * issuer}, or the issuer of each user pool in its ARNs), audience (JWT only: the pool's app clients
 * are not known locally) and the route's scopes, then its claims handed to the function as
 * deployed: {@code authorizer.jwt.claims} and {@code .scopes} (HTTP, payload 2.0), {@code
 * authorizer.claims} and {@code .scopes} (HTTP, payload 1.0), {@code authorizer.claims} (REST
 * Cognito).
 */
final class TokenAuthorizer {
  private final JwtValidator validator;

  TokenAuthorizer(JwtValidator validator) {
    this.validator = validator;
  }

  AuthOutcome authorize(AuthorizerDef authorizer, GatewayRequest request, RouteMatch match) {
    Route route = match.route();
    ApiKind kind = route.api().kind();
    boolean cognito = authorizer.type().equals(AuthorizerDef.COGNITO);
    List<String> scopes = scopes(authorizer, route);
    String token = IdentitySources.value(source(authorizer, kind), request, match);
    JwtValidator.Expectations expected =
        cognito
            ? new JwtValidator.Expectations(
                authorizer.userPoolIssuers(), List.of(), scopes, scopes.isEmpty())
            : new JwtValidator.Expectations(
                authorizer.jwtIssuers(), authorizer.jwtAudiences(), scopes, false);
    JwtValidator.Result result = validator.validate(token, expected);
    if (!result.valid()) {
      String why = "authorizer " + authorizer.name() + ": " + result.failure().description();
      if (kind == ApiKind.REST) {
        return AuthOutcome.refuse(GatewayErrors.unauthorized(kind, null), why);
      }
      if (result.failure() == JwtValidator.Failure.MISSING) {
        return AuthOutcome.refuse(GatewayErrors.unauthorized(kind, null), why);
      }
      String scope = String.join(" ", scopes);
      if (result.failure() == JwtValidator.Failure.SCOPE) {
        return AuthOutcome.refuse(
            withChallenge(
                GatewayErrors.forbidden(kind),
                "Bearer scope=\""
                    + scope
                    + "\" error=\"insufficient_scope\" error_description=\""
                    + result.failure().description()
                    + "\""),
            why);
      }
      return AuthOutcome.refuse(
          GatewayErrors.unauthorized(
              kind,
              "Bearer scope=\""
                  + scope
                  + "\" error=\"invalid_token\" error_description=\""
                  + result.failure().description()
                  + "\""),
          why);
    }
    Map<String, Object> authorized = new LinkedHashMap<>();
    if (cognito && kind == ApiKind.REST) {
      authorized.put("claims", ClaimValues.cognito(result.token().claims()));
    } else {
      Map<String, Object> jwt = new LinkedHashMap<>();
      jwt.put("claims", ClaimValues.httpApi(result.token().claims()));
      jwt.put(
          "scopes",
          scopes.isEmpty() ? null : result.scopes()); // null unless the route asks for scopes
      if (route.definition().payloadFormat() == PayloadFormat.V2) {
        authorized.put("jwt", jwt);
      } else {
        authorized.putAll(jwt);
      }
    }
    return AuthOutcome.allow(Authorization.authorizer(authorized));
  }

  /**
   * The route's own scopes, else the ones its authorizer declares for every route (SAM's
   * AuthorizationScopes).
   */
  static List<String> scopes(AuthorizerDef authorizer, Route route) {
    if (!route.definition().authorizationScopes().isEmpty()) {
      return route.definition().authorizationScopes();
    }
    return authorizer.authorizationScopes();
  }

  /** The identity source; {@code Authorization} by default, as SAM and API Gateway default it. */
  private static String source(AuthorizerDef authorizer, ApiKind kind) {
    if (!authorizer.identitySources().isEmpty()) {
      return authorizer.identitySources().get(0);
    }
    return kind == ApiKind.REST
        ? "method.request.header.Authorization"
        : "$request.header.Authorization";
  }

  private static GatewayResponse withChallenge(GatewayResponse response, String challenge) {
    List<Map.Entry<String, String>> headers = new ArrayList<>(response.headers());
    headers.add(Map.entry("www-authenticate", challenge));
    return new GatewayResponse(response.status(), headers, response.body());
  }
}
