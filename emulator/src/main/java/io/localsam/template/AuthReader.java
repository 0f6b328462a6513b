package io.localsam.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads authorizers: SAM's {@code Auth} on {@code AWS::Serverless::Api} and {@code HttpApi},
 * OpenAPI security schemes with {@code x-amazon-apigateway-authorizer}, and {@code
 * AWS::ApiGateway(V2)::Authorizer} resources. The gateway enforces them all: Lambda TOKEN and
 * REQUEST authorizers by running their function, JWT and Cognito ones by checking tokens, IAM by
 * checking for a SigV4 signature.
 */
final class AuthReader {
  static final int DEFAULT_TTL = 300;

  private final Stack stack;

  AuthReader(Stack stack) {
    this.stack = stack;
  }

  /** SAM's {@code Auth} property. */
  void sam(ApiBuilder api, Object declared, String owner) {
    if (!(declared instanceof Map<?, ?> raw)) {
      return;
    }
    Map<String, Object> auth = Intrinsics.cast(raw);
    api.authProperties = auth;
    boolean http = api.kind == ApiKind.HTTP;
    if (auth.get("Authorizers") instanceof Map<?, ?> authorizers) {
      for (Map.Entry<String, Object> entry :
          Intrinsics.<Map<String, Object>>cast(authorizers).entrySet()) {
        Map<String, Object> properties =
            entry.getValue() instanceof Map<?, ?> m ? Intrinsics.cast(m) : Map.of();
        add(
            api,
            http
                ? samHttp(entry.getKey(), properties, owner)
                : samRest(entry.getKey(), properties, owner),
            owner);
      }
    }
    if (auth.get("DefaultAuthorizer") instanceof String name) {
      if (name.equals(AuthorizerDef.IAM)) {
        add(api, AuthorizerDef.iam(name, Map.of()), owner);
      } else if (!api.authorizers.containsKey(name)) {
        throw TemplateException.at(
            stack.locate(auth),
            owner
                + ".Auth.DefaultAuthorizer '"
                + name
                + "' is not one of its Authorizers "
                + api.authorizers.keySet());
      }
      api.defaultAuthorizer = name;
    }
    if (auth.containsKey("ResourcePolicy")) {
      stack.warn.accept(owner + ".Auth.ResourcePolicy is not enforced locally");
    }
    if (auth.containsKey("UsagePlan")) {
      stack.warn.accept(owner + ".Auth.UsagePlan: usage plans and throttling are not emulated");
    }
  }

  private AuthorizerDef samRest(String name, Map<String, Object> properties, String owner) {
    Map<String, Object> identity =
        properties.get("Identity") instanceof Map<?, ?> m ? Intrinsics.cast(m) : Map.of();
    int ttl = ttl(identity.get("ReauthorizeEvery"));
    if (properties.containsKey("UserPoolArn")) {
      return new AuthorizerDef(
          name,
          AuthorizerDef.COGNITO,
          null,
          List.of(
              "method.request.header."
                  + Scalars.text(identity.getOrDefault("Header", "Authorization"))),
          null,
          false,
          ttl,
          null,
          properties);
    }
    String type =
        Scalars.text(properties.getOrDefault("FunctionPayloadType", AuthorizerDef.TOKEN))
            .toUpperCase(Locale.ROOT);
    if (!type.equals(AuthorizerDef.TOKEN) && !type.equals(AuthorizerDef.REQUEST)) {
      throw TemplateException.at(
          stack.locate(properties),
          owner
              + ".Auth.Authorizers."
              + name
              + ".FunctionPayloadType must be TOKEN or REQUEST, not '"
              + type
              + "'");
    }
    List<String> sources = new ArrayList<>();
    if (type.equals(AuthorizerDef.TOKEN)) {
      sources.add(
          "method.request.header."
              + Scalars.text(identity.getOrDefault("Header", "Authorization")));
    } else {
      identitySources(
          identity,
          sources,
          "method.request.header.",
          "method.request.querystring.",
          "stageVariables.",
          "context.");
    }
    String validation = identity.get("ValidationExpression") instanceof String v ? v : null;
    return new AuthorizerDef(
        name,
        type,
        function(properties.get("FunctionArn"), owner + " authorizer " + name),
        sources,
        null,
        false,
        ttl,
        validation,
        properties);
  }

  private AuthorizerDef samHttp(String name, Map<String, Object> properties, String owner) {
    if (properties.containsKey("JwtConfiguration")) {
      List<String> sources = new ArrayList<>();
      if (properties.get("IdentitySource") != null) {
        sources.add(Scalars.text(properties.get("IdentitySource")));
      }
      return new AuthorizerDef(
          name, AuthorizerDef.JWT, null, sources, null, false, 0, null, properties);
    }
    Map<String, Object> identity =
        properties.get("Identity") instanceof Map<?, ?> m ? Intrinsics.cast(m) : Map.of();
    List<String> sources = new ArrayList<>();
    identitySources(
        identity,
        sources,
        "$request.header.",
        "$request.querystring.",
        "$stageVariables.",
        "$context.");
    PayloadFormat format =
        payloadFormat(
            properties.get("AuthorizerPayloadFormatVersion"),
            owner + ".Auth.Authorizers." + name + ".AuthorizerPayloadFormatVersion",
            properties);
    boolean simple = Boolean.TRUE.equals(properties.get("EnableSimpleResponses"));
    if (simple && format == PayloadFormat.V1) {
      throw TemplateException.at(
          stack.locate(properties),
          owner
              + ".Auth.Authorizers."
              + name
              + ": EnableSimpleResponses needs AuthorizerPayloadFormatVersion 2.0");
    }
    return new AuthorizerDef(
        name,
        AuthorizerDef.REQUEST,
        function(properties.get("FunctionArn"), owner + " authorizer " + name),
        sources,
        format,
        simple,
        ttl(identity.get("ReauthorizeEvery")),
        null,
        properties);
  }

  /**
   * An OpenAPI security scheme with {@code x-amazon-apigateway-authorizer} or {@code -authtype}.
   */
  AuthorizerDef openApi(String name, Map<String, Object> scheme, ApiKind kind, String owner) {
    Object extension = scheme.get("x-amazon-apigateway-authorizer");
    String authType =
        Scalars.text(scheme.get("x-amazon-apigateway-authtype")).toLowerCase(Locale.ROOT);
    if (!(extension instanceof Map<?, ?> raw)) {
      if (authType.equals("awssigv4")) {
        return AuthorizerDef.iam(name, scheme);
      }
      return null; // API keys and plain OpenAPI schemes: not authorizers
    }
    Map<String, Object> authorizer = Intrinsics.cast(raw);
    String type = Scalars.text(authorizer.get("type")).toLowerCase(Locale.ROOT);
    List<String> sources = listedSources(authorizer.get("identitySource"));
    if (sources.isEmpty()
        && "header".equals(scheme.get("in"))
        && scheme.get("name") instanceof String header) {
      // a token authorizer reads the header its apiKey scheme names
      sources.add((kind == ApiKind.REST ? "method.request.header." : "$request.header.") + header);
    }
    int ttl =
        authorizer.containsKey("authorizerResultTtlInSeconds")
            ? ttl(authorizer.get("authorizerResultTtlInSeconds"))
            : DEFAULT_TTL;
    switch (type) {
      case "token", "request" -> {
        PayloadFormat format =
            kind == ApiKind.HTTP
                ? payloadFormat(
                    authorizer.getOrDefault("authorizerPayloadFormatVersion", "2.0"),
                    owner + " authorizer " + name,
                    authorizer)
                : null;
        return new AuthorizerDef(
            name,
            type.toUpperCase(Locale.ROOT),
            function(authorizer.get("authorizerUri"), owner + " authorizer " + name),
            sources,
            format,
            Boolean.TRUE.equals(authorizer.get("enableSimpleResponses")),
            ttl,
            authorizer.get("identityValidationExpression") instanceof String v ? v : null,
            authorizer);
      }
      case "jwt" -> {
        return new AuthorizerDef(
            name, AuthorizerDef.JWT, null, sources, null, false, 0, null, authorizer);
      }
      case "cognito_user_pools" -> {
        return new AuthorizerDef(
            name, AuthorizerDef.COGNITO, null, sources, null, false, ttl, null, authorizer);
      }
      default ->
          throw TemplateException.at(
              stack.locate(authorizer),
              owner
                  + " authorizer "
                  + name
                  + ": x-amazon-apigateway-authorizer type must be token, request, jwt or cognito_user_pools, not '"
                  + type
                  + "'");
    }
  }

  /**
   * An identity source as a list, or as one comma-separated string (as CloudFormation and OpenAPI
   * both allow).
   */
  private static List<String> listedSources(Object identity) {
    List<String> sources = new ArrayList<>();
    if (identity instanceof List<?> list) {
      list.forEach(item -> sources.add(Scalars.text(item)));
    } else if (identity != null) {
      for (String part : Scalars.text(identity).split(",")) {
        if (!part.isBlank()) {
          sources.add(part.strip());
        }
      }
    }
    return sources;
  }

  /** {@code AWS::ApiGateway::Authorizer} and {@code AWS::ApiGatewayV2::Authorizer}. */
  AuthorizerDef resource(String id, Map<String, Object> properties, ApiKind kind) {
    String owner = stack.name(id);
    String type =
        Scalars.text(properties.get(kind == ApiKind.REST ? "Type" : "AuthorizerType"))
            .toUpperCase(Locale.ROOT);
    List<String> sources = listedSources(properties.get("IdentitySource"));
    int ttl =
        properties.containsKey("AuthorizerResultTtlInSeconds")
            ? ttl(properties.get("AuthorizerResultTtlInSeconds"))
            : DEFAULT_TTL;
    switch (type) {
      case "TOKEN", "REQUEST" -> {
        PayloadFormat format =
            kind == ApiKind.HTTP
                ? payloadFormat(
                    properties.get("AuthorizerPayloadFormatVersion"),
                    owner + ".AuthorizerPayloadFormatVersion",
                    properties)
                : null;
        return new AuthorizerDef(
            id,
            type,
            function(properties.get("AuthorizerUri"), owner),
            sources,
            format,
            Boolean.TRUE.equals(properties.get("EnableSimpleResponses")),
            ttl,
            properties.get("IdentityValidationExpression") instanceof String v ? v : null,
            properties);
      }
      case "JWT" -> {
        return new AuthorizerDef(
            id, AuthorizerDef.JWT, null, sources, null, false, 0, null, properties);
      }
      case "COGNITO_USER_POOLS" -> {
        return new AuthorizerDef(
            id, AuthorizerDef.COGNITO, null, sources, null, false, ttl, null, properties);
      }
      default ->
          throw TemplateException.at(
              stack.locate(properties),
              owner
                  + ": authorizer type must be "
                  + (kind == ApiKind.REST
                      ? "TOKEN, REQUEST or COGNITO_USER_POOLS"
                      : "REQUEST or JWT")
                  + ", not '"
                  + type
                  + "'");
    }
  }

  /**
   * Adds an authorizer to an API, with a warning when LocalSAM cannot run it: a Lambda authorizer
   * whose function is not a mounted function of this template. (The gateway says at start-up how it
   * checks JWT, Cognito and IAM authorization.)
   */
  void add(ApiBuilder api, AuthorizerDef authorizer, String owner) {
    if (authorizer == null) {
      return;
    }
    api.authorizers.put(authorizer.name(), authorizer);
    if (!authorizer.emulated()) {
      stack.warn.accept(
          owner
              + ": authorizer "
              + authorizer.name()
              + " ("
              + authorizer.type()
              + ") is not emulated (its function is not a mounted function of this template); requests pass without it");
    }
  }

  private String function(Object arn, String owner) {
    String name = IntegrationUri.functionName(arn);
    if (name == null) {
      return null;
    }
    String id = stack.functionNames.get(name);
    return id != null && !stack.unmounted.contains(id) ? id : null;
  }

  private PayloadFormat payloadFormat(Object value, String property, Object near) {
    if (value == null) {
      throw TemplateException.at(
          stack.locate(near),
          property + " is required for HTTP API Lambda authorizers (\"1.0\" or \"2.0\")");
    }
    return PayloadFormat.parse(value, property, stack.locate(near));
  }

  private static void identitySources(
      Map<String, Object> identity,
      List<String> sources,
      String header,
      String query,
      String stage,
      String context) {
    Map<String, String> kinds = new LinkedHashMap<>();
    kinds.put("Headers", header);
    kinds.put("QueryStrings", query);
    kinds.put("StageVariables", stage);
    kinds.put("Context", context);
    kinds.forEach(
        (key, prefix) -> {
          if (identity.get(key) instanceof List<?> names) {
            names.forEach(n -> sources.add(prefix + Scalars.text(n)));
          }
        });
  }

  private static int ttl(Object value) {
    Integer seconds = Scalars.integer(value);
    return seconds == null ? DEFAULT_TTL : seconds;
  }
}
