package io.localsam.gateway;

import io.localsam.error.LocalSamException;
import io.localsam.gateway.auth.Jwks;
import io.localsam.gateway.auth.JwtValidator;
import io.localsam.runtime.FunctionSet;
import io.localsam.template.ApiKind;
import io.localsam.template.AuthorizerDef;
import io.localsam.template.RouteDef;
import io.localsam.template.Template;
import io.undertow.server.HttpHandler;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Builds the authorization steps of the chain ({@link AuthorizerHandler}, then {@link
 * ApiKeyHandler}) from the template and the options, reads the key sets (a bad one stops start-up),
 * and says once at start-up what is checked less strictly than in the cloud: tokens without a key
 * set, AWS_IAM, API keys nobody gave, {@code --disable-authorizer}.
 */
final class AuthorizerSetup {
  private AuthorizerSetup() {}

  static HttpHandler chain(
      Template template,
      FunctionSet runtime,
      AuthSettings settings,
      AuthorizerCache cache,
      HttpHandler next,
      Consumer<String> log) {
    Jwks keys = Jwks.NONE;
    for (String location : settings.jwks()) {
      try {
        keys = keys.plus(Jwks.load(location));
      } catch (IllegalArgumentException e) {
        throw new LocalSamException("--jwks: " + e.getMessage());
      }
    }
    Map<String, String> apiKeys = new LinkedHashMap<>();
    template.apiKeys().forEach((id, value) -> apiKeys.put(value, id));
    settings.apiKeys().forEach(value -> apiKeys.putIfAbsent(value, "--api-key"));
    warnings(template, settings, keys, apiKeys.isEmpty())
        .forEach(warning -> log.accept("Warning: " + warning));
    HttpHandler keyed = new ApiKeyHandler(apiKeys, next, log);
    return new AuthorizerHandler(
        new LambdaAuthorizer(runtime, settings.region(), cache),
        new TokenAuthorizer(new JwtValidator(keys, Clock.systemUTC())),
        settings.disabled(),
        keyed,
        log);
  }

  static List<String> warnings(
      Template template, AuthSettings settings, Jwks keys, boolean noApiKeys) {
    Set<String> tokenAuthorizers = new LinkedHashSet<>();
    Set<String> iamRoutes = new LinkedHashSet<>();
    Set<String> keyedRoutes = new LinkedHashSet<>();
    Set<String> unknownPools = new LinkedHashSet<>();
    Set<String> invalidExpressions = new LinkedHashSet<>();
    int guarded = 0;
    for (RouteDef route : template.routes()) {
      if (route.apiKeyRequired() && template.api(route.apiId()).kind() == ApiKind.REST) {
        keyedRoutes.add(route.routeKey());
      }
      AuthorizerDef authorizer =
          route.authorizer() == null
              ? null
              : template.api(route.apiId()).auth().authorizer(route.authorizer());
      if (authorizer == null || !authorizer.emulated()) {
        continue;
      }
      guarded++;
      switch (authorizer.type()) {
        case AuthorizerDef.IAM -> iamRoutes.add(route.routeKey());
        case AuthorizerDef.TOKEN -> {
          if (authorizer.validationExpression() != null
              && LambdaAuthorizer.compile(authorizer.validationExpression()).isEmpty()) {
            invalidExpressions.add(
                authorizer.name() + " ('" + authorizer.validationExpression() + "')");
          }
        }
        case AuthorizerDef.JWT -> tokenAuthorizers.add(authorizer.name() + " (JWT)");
        case AuthorizerDef.COGNITO -> {
          tokenAuthorizers.add(authorizer.name() + " (COGNITO_USER_POOLS)");
          if (authorizer.userPoolIssuers().isEmpty()) {
            unknownPools.add(authorizer.name());
          }
        }
        default -> {}
      }
    }
    List<String> warnings = new ArrayList<>();
    if (settings.disabled()) {
      if (guarded > 0) {
        warnings.add(
            "--disable-authorizer: " + guarded + " route(s) run without their authorizers");
      }
      return warnings;
    }
    if (!tokenAuthorizers.isEmpty() && keys.isEmpty()) {
      warnings.add(
          "no key set (--jwks FILE|URL) for authorizers "
              + String.join(", ", tokenAuthorizers)
              + ": tokens are decoded WITHOUT checking their signatures (issuer, audience, expiry and scopes are still"
              + " checked); pass --jwks to check signatures as API Gateway does");
    }
    for (String pool : unknownPools) {
      warnings.add(
          "Cognito authorizer "
              + pool
              + " names no user pool ARN LocalSAM can read (arn:aws:cognito-idp:REGION:"
              + "ACCOUNT:userpool/ID), so the token issuer is not checked");
    }
    for (String expression : invalidExpressions) {
      warnings.add(
          "authorizer "
              + expression
              + ": the ValidationExpression is not a valid regular expression, so no token"
              + " matches it and every request to its routes gets 401");
    }
    if (!iamRoutes.isEmpty()) {
      warnings.add(
          "AWS_IAM authorization on "
              + String.join(", ", iamRoutes)
              + " is checked for a well-formed SigV4"
              + " Authorization header only: the signature and the caller's IAM permissions are not verified locally");
    }
    if (!keyedRoutes.isEmpty() && noApiKeys) {
      warnings.add(
          String.join(", ", keyedRoutes)
              + " require(s) an API key, but no AWS::ApiGateway::ApiKey of the template"
              + " has a Value: pass --api-key VALUE, or every request to them gets 403");
    }
    return warnings;
  }
}
