package io.localsam.template;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One authorizer an API declares, from SAM's {@code Auth.Authorizers}, an OpenAPI security scheme
 * with {@code x-amazon-apigateway-authorizer}, or an {@code AWS::ApiGateway(V2)::Authorizer}
 * resource.
 *
 * @param name the name routes use for it (the key under {@code Authorizers}, or the resource's
 *     logical id)
 * @param type {@code TOKEN} or {@code REQUEST} (Lambda authorizers, run locally); {@code JWT} or
 *     {@code COGNITO_USER_POOLS} (tokens checked locally); {@code AWS_IAM} (the SigV4 header
 *     checked locally)
 * @param functionId the logical id of the authorizer function, for Lambda authorizers; else {@code
 *     null}
 * @param identitySources where the identity comes from, as API Gateway writes it ({@code
 *     method.request.header.Authorization}, {@code $request.header.Authorization})
 * @param payloadFormat for HTTP API Lambda authorizers, the event version; else {@code null}
 * @param simpleResponses HTTP API Lambda authorizers: {@code EnableSimpleResponses}
 * @param ttlSeconds result cache time to live ({@code ReauthorizeEvery}, {@code
 *     authorizerResultTtlInSeconds}); API Gateway's default is 300
 * @param validationExpression a TOKEN authorizer's {@code ValidationExpression}, or {@code null}
 * @param properties the authorizer as the template wrote it, intrinsics resolved
 */
public record AuthorizerDef(
    String name,
    String type,
    String functionId,
    List<String> identitySources,
    PayloadFormat payloadFormat,
    boolean simpleResponses,
    int ttlSeconds,
    String validationExpression,
    Map<String, Object> properties) {

  public static final String TOKEN = "TOKEN";
  public static final String REQUEST = "REQUEST";
  public static final String JWT = "JWT";
  public static final String COGNITO = "COGNITO_USER_POOLS";
  public static final String IAM = "AWS_IAM";

  public AuthorizerDef {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    identitySources = List.copyOf(identitySources);
    properties =
        properties == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(properties));
  }

  /** An {@code AWS_IAM} authorizer: nothing to configure but its name and where it was declared. */
  public static AuthorizerDef iam(String name, Map<String, Object> properties) {
    return new AuthorizerDef(name, IAM, null, List.of(), null, false, 0, null, properties);
  }

  /**
   * True for a Lambda authorizer ({@code TOKEN} or {@code REQUEST}) as opposed to JWT, Cognito or
   * IAM.
   */
  public boolean lambda() {
    return type.equals(TOKEN) || type.equals(REQUEST);
  }

  /**
   * True when LocalSAM enforces this authorizer: every JWT, Cognito and IAM one, and a Lambda
   * authorizer whose function is a mounted function of the template (one that is not is warned
   * about and let through).
   */
  public boolean emulated() {
    return !lambda() || functionId != null;
  }

  /** A JWT authorizer's {@code JwtConfiguration.issuer}: the accepted {@code iss} values. */
  public List<String> jwtIssuers() {
    return jwtSetting("issuer");
  }

  /** A JWT authorizer's {@code JwtConfiguration.audience}: the accepted {@code aud} values. */
  public List<String> jwtAudiences() {
    return jwtSetting("audience");
  }

  /**
   * A Cognito authorizer's issuers, one per user pool ARN; empty (any issuer) when no ARN names a
   * pool.
   */
  public List<String> userPoolIssuers() {
    List<String> arns = new ArrayList<>(strings(properties.get("UserPoolArn")));
    arns.addAll(strings(properties.get("ProviderARNs")));
    arns.addAll(strings(properties.get("providerARNs")));
    List<String> issuers = new ArrayList<>();
    for (String arn : arns) {
      String issuer = userPoolIssuer(arn);
      if (issuer != null) {
        issuers.add(issuer);
      }
    }
    return issuers;
  }

  /**
   * {@code arn:aws:cognito-idp:REGION:ACCOUNT:userpool/POOL_ID} → {@code
   * https://cognito-idp.REGION.amazonaws.com/POOL_ID}.
   */
  private static String userPoolIssuer(String arn) {
    String[] parts = arn.split(":", 6);
    if (parts.length != 6
        || !parts[0].equals("arn")
        || !parts[2].equals("cognito-idp")
        || parts[3].isEmpty()
        || !parts[5].startsWith("userpool/")
        || parts[5].length() == 9) {
      return null;
    }
    return "https://cognito-idp." + parts[3] + ".amazonaws.com/" + parts[5].substring(9);
  }

  /** The scopes the authorizer asks of every route (SAM's {@code AuthorizationScopes}). */
  public List<String> authorizationScopes() {
    return strings(properties.get("AuthorizationScopes"));
  }

  /**
   * {@code JwtConfiguration.issuer}/{@code audience} (SAM and OpenAPI write them in lower case,
   * CloudFormation not).
   */
  private List<String> jwtSetting(String name) {
    Object configuration = properties.get("JwtConfiguration");
    if (configuration == null) {
      configuration = properties.get("jwtConfiguration");
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

  private static List<String> strings(Object value) {
    List<String> values = new ArrayList<>();
    if (value instanceof List<?> list) {
      list.forEach(item -> values.add(String.valueOf(item)));
    } else if (value != null && !String.valueOf(value).isEmpty()) {
      values.add(String.valueOf(value));
    }
    return values;
  }
}
