package io.localsam.template;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One authorizer an API declares, from SAM's {@code Auth.Authorizers}, an OpenAPI security scheme with
 * {@code x-amazon-apigateway-authorizer}, or an {@code AWS::ApiGateway(V2)::Authorizer} resource.
 *
 * @param name the name routes use for it (the key under {@code Authorizers}, or the resource's logical id)
 * @param type {@code TOKEN} or {@code REQUEST} (Lambda authorizers, run locally); {@code JWT} or
 *     {@code COGNITO_USER_POOLS} (tokens checked locally); {@code AWS_IAM} (the SigV4 header checked locally)
 * @param functionId the logical id of the authorizer function, for Lambda authorizers; else {@code null}
 * @param identitySources where the identity comes from, as API Gateway writes it
 *     ({@code method.request.header.Authorization}, {@code $request.header.Authorization})
 * @param payloadFormat for HTTP API Lambda authorizers, the event version; else {@code null}
 * @param simpleResponses HTTP API Lambda authorizers: {@code EnableSimpleResponses}
 * @param ttlSeconds result cache time to live ({@code ReauthorizeEvery}, {@code authorizerResultTtlInSeconds});
 *     API Gateway's default is 300
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
    properties = properties == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(properties));
  }

  /** True for a Lambda authorizer ({@code TOKEN} or {@code REQUEST}) as opposed to JWT, Cognito or IAM. */
  public boolean lambda() {
    return type.equals(TOKEN) || type.equals(REQUEST);
  }

  /**
   * True when LocalSAM enforces this authorizer: every JWT, Cognito and IAM one, and a Lambda authorizer
   * whose function is a mounted function of the template (one that is not is warned about and let through).
   */
  public boolean emulated() {
    return !lambda() || functionId != null;
  }
}
