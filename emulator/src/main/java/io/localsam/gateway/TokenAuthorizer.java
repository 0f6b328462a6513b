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
 * JWT authorizers (HTTP APIs) and Cognito user pool authorizers (REST APIs): the bearer token checked
 * by {@link JwtValidator} against the authorizer's issuer (a JWT authorizer's {@code issuer}, or the
 * issuer of each user pool in its ARNs), audience (JWT only: the pool's app clients are not known
 * locally) and the route's scopes, then its claims handed to the function as deployed:
 * {@code authorizer.jwt.claims} and {@code .scopes} (HTTP, payload 2.0), {@code authorizer.claims} and
 * {@code .scopes} (HTTP, payload 1.0), {@code authorizer.claims} (REST Cognito).
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
    JwtValidator.Expectations expected = cognito
        ? new JwtValidator.Expectations(userPoolIssuers(authorizer), List.of(), scopes, scopes.isEmpty())
        : new JwtValidator.Expectations(jwtSetting(authorizer, "issuer"), jwtSetting(authorizer, "audience"), scopes, false);
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
        return AuthOutcome.refuse(withChallenge(GatewayErrors.forbidden(kind), "Bearer scope=\"" + scope
            + "\" error=\"insufficient_scope\" error_description=\"" + result.failure().description() + "\""), why);
      }
      return AuthOutcome.refuse(GatewayErrors.unauthorized(kind, "Bearer scope=\"" + scope
          + "\" error=\"invalid_token\" error_description=\"" + result.failure().description() + "\""), why);
    }
    Map<String, Object> authorized = new LinkedHashMap<>();
    if (cognito && kind == ApiKind.REST) {
      authorized.put("claims", ClaimValues.cognito(result.token().claims()));
    } else {
      Map<String, Object> jwt = new LinkedHashMap<>();
      jwt.put("claims", ClaimValues.httpApi(result.token().claims()));
      jwt.put("scopes", scopes.isEmpty() ? null : result.scopes()); // null unless the route asks for scopes
      if (route.definition().payloadFormat() == PayloadFormat.V2) {
        authorized.put("jwt", jwt);
      } else {
        authorized.putAll(jwt);
      }
    }
    return AuthOutcome.allow(Authorization.authorizer(authorized));
  }

  /** The route's own scopes, else the ones its authorizer declares for every route (SAM's AuthorizationScopes). */
  static List<String> scopes(AuthorizerDef authorizer, Route route) {
    if (!route.definition().authorizationScopes().isEmpty()) {
      return route.definition().authorizationScopes();
    }
    return strings(authorizer.properties().get("AuthorizationScopes"));
  }

  /** The identity source; {@code Authorization} by default, as SAM and API Gateway default it. */
  private static String source(AuthorizerDef authorizer, ApiKind kind) {
    if (!authorizer.identitySources().isEmpty()) {
      return authorizer.identitySources().get(0);
    }
    return kind == ApiKind.REST ? "method.request.header.Authorization" : "$request.header.Authorization";
  }

  /** {@code JwtConfiguration.issuer}/{@code audience} (SAM and OpenAPI write them in lower case, CloudFormation not). */
  static List<String> jwtSetting(AuthorizerDef authorizer, String name) {
    Object configuration = authorizer.properties().get("JwtConfiguration");
    if (configuration == null) {
      configuration = authorizer.properties().get("jwtConfiguration");
    }
    if (!(configuration instanceof Map<?, ?> settings)) {
      return List.of();
    }
    for (Map.Entry<?, ?> setting : settings.entrySet()) {
      if (setting.getKey().toString().equalsIgnoreCase(name)) {
        return strings(setting.getValue());
      }
    }
    return List.of();
  }

  /** The issuers of the authorizer's user pools; empty (any issuer) when no ARN names a pool. */
  static List<String> userPoolIssuers(AuthorizerDef authorizer) {
    List<String> arns = new ArrayList<>(strings(authorizer.properties().get("UserPoolArn")));
    arns.addAll(strings(authorizer.properties().get("ProviderARNs")));
    arns.addAll(strings(authorizer.properties().get("providerARNs")));
    List<String> issuers = new ArrayList<>();
    for (String arn : arns) {
      String issuer = userPoolIssuer(arn);
      if (issuer != null) {
        issuers.add(issuer);
      }
    }
    return issuers;
  }

  /** {@code arn:aws:cognito-idp:REGION:ACCOUNT:userpool/POOL_ID} → {@code https://cognito-idp.REGION.amazonaws.com/POOL_ID}. */
  static String userPoolIssuer(String arn) {
    String[] parts = arn.split(":", 6);
    if (parts.length != 6 || !parts[0].equals("arn") || !parts[2].equals("cognito-idp") || parts[3].isEmpty()
        || !parts[5].startsWith("userpool/") || parts[5].length() == 9) {
      return null;
    }
    return "https://cognito-idp." + parts[3] + ".amazonaws.com/" + parts[5].substring(9);
  }

  private static List<String> strings(Object value) {
    List<String> values = new ArrayList<>();
    if (value instanceof List<?> list) {
      list.forEach(item -> values.add(String.valueOf(item)));
    } else if (value != null && !String.valueOf(value).isEmpty()) {
      values.add(String.valueOf(value));
    }
    return values;
  }

  private static GatewayResponse withChallenge(GatewayResponse response, String challenge) {
    List<Map.Entry<String, String>> headers = new ArrayList<>(response.headers());
    headers.add(Map.entry("www-authenticate", challenge));
    return new GatewayResponse(response.status(), headers, response.body());
  }
}
