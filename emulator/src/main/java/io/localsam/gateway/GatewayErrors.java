package io.localsam.gateway;

import io.localsam.server.JsonValues;
import io.localsam.template.ApiKind;

/** API Gateway's own answers, with the bodies and error-type headers the deployed service sends. */
final class GatewayErrors {
  private GatewayErrors() {}

  /** No route: REST APIs answer 403, HTTP APIs 404. */
  static GatewayResponse noRoute(ApiKind kind) {
    return kind == ApiKind.HTTP
        ? GatewayResponse.json(404, "{\"message\":\"Not Found\"}")
        : GatewayResponse.json(
            403,
            "{\"message\":\"Missing Authentication Token\"}",
            "x-amzn-ErrorType",
            "MissingAuthenticationTokenException");
  }

  /** The function failed, or answered something that is not a valid proxy response. */
  static GatewayResponse integrationFailure(ApiKind kind) {
    return kind == ApiKind.HTTP
        ? GatewayResponse.json(500, "{\"message\":\"Internal Server Error\"}")
        : GatewayResponse.json(
            502,
            "{\"message\": \"Internal server error\"}",
            "x-amzn-ErrorType",
            "InternalServerErrorException");
  }

  /** The integration took longer than API Gateway waits: 29 s for REST, 30 s for HTTP APIs. */
  static GatewayResponse integrationTimeout(ApiKind kind) {
    return kind == ApiKind.HTTP
        ? GatewayResponse.json(503, "{\"message\":\"Service Unavailable\"}")
        : GatewayResponse.json(
            504,
            "{\"message\": \"Endpoint request timed out\"}",
            "x-amzn-ErrorType",
            "InternalServerErrorException");
  }

  /**
   * Lambda refused the invocation (the function is throttled): "If the Lambda API rejects the
   * invocation request, API Gateway returns a 500 error code", with the same body as a function
   * error (AWS Lambda Developer Guide, "Handling Lambda errors with an API Gateway API"). Lambda's
   * 429 never reaches the client.
   */
  static GatewayResponse invocationRejected(ApiKind kind) {
    return kind == ApiKind.HTTP
        ? GatewayResponse.json(500, "{\"message\":\"Internal Server Error\"}")
        : GatewayResponse.json(
            500,
            "{\"message\": \"Internal server error\"}",
            "x-amzn-ErrorType",
            "InternalServerErrorException");
  }

  /** API Gateway's own throttling (stage or usage-plan limits): 429, whatever the integration. */
  static GatewayResponse throttled() {
    return GatewayResponse.json(
        429, "{\"message\":\"Too Many Requests\"}", "x-amzn-ErrorType", "TooManyRequestsException");
  }

  /** SAM CLI's answer for inline code, which cannot run locally. */
  static GatewayResponse inlineCode() {
    return GatewayResponse.json(
        501,
        "{\"message\":\"Inline code is not supported for sam local commands. Please write your code in a separate file.\"}");
  }

  /**
   * Missing identity sources, a token that fails validation, or a Lambda authorizer that threw
   * "Unauthorized": 401 (REST capture: x-amzn-ErrorType UnauthorizedException, Luciano Mammino,
   * "Debugging custom ApiGateway authorizers", 2023). {@code wwwAuthenticate} is the HTTP API JWT
   * authorizer's challenge, or null.
   */
  static GatewayResponse unauthorized(ApiKind kind, String wwwAuthenticate) {
    if (kind == ApiKind.HTTP) {
      return wwwAuthenticate == null
          ? GatewayResponse.json(401, "{\"message\":\"Unauthorized\"}")
          : GatewayResponse.json(
              401, "{\"message\":\"Unauthorized\"}", "www-authenticate", wwwAuthenticate);
    }
    return GatewayResponse.json(
        401, "{\"message\":\"Unauthorized\"}", "x-amzn-ErrorType", "UnauthorizedException");
  }

  /**
   * The authorizer's policy does not allow the method. REST writes IAM's own message, with a
   * capital M; an explicit Deny says so (the newer wording that names the identity-based policy).
   * HTTP APIs answer 403 Forbidden whatever the reason.
   */
  static GatewayResponse accessDenied(ApiKind kind, boolean explicitDeny) {
    if (kind == ApiKind.HTTP) {
      return forbidden(kind);
    }
    String message =
        explicitDeny
            ? "User is not authorized to access this resource with an explicit deny in an identity-based policy"
            : "User is not authorized to access this resource";
    return GatewayResponse.json(
        403, "{\"Message\":\"" + message + "\"}", "x-amzn-ErrorType", "AccessDeniedException");
  }

  /**
   * HTTP APIs' answer to every refusal after authentication (a deny, missing scopes, no IAM
   * signature).
   */
  static GatewayResponse forbidden(ApiKind kind) {
    return kind == ApiKind.HTTP
        ? GatewayResponse.json(403, "{\"message\":\"Forbidden\"}")
        : GatewayResponse.json(
            403, "{\"message\":\"Forbidden\"}", "x-amzn-ErrorType", "ForbiddenException");
  }

  /**
   * The Lambda authorizer failed (threw, timed out) or answered something that is not a valid
   * authorizer response. REST: 500 {@code {"message":null}} with AuthorizerConfigurationException
   * (same 2023 capture).
   */
  static GatewayResponse authorizerFailure(ApiKind kind) {
    return kind == ApiKind.HTTP
        ? GatewayResponse.json(500, "{\"message\":\"Internal Server Error\"}")
        : GatewayResponse.json(
            500, "{\"message\":null}", "x-amzn-ErrorType", "AuthorizerConfigurationException");
  }

  /**
   * AWS_IAM authorization without an Authorization header (AWS Knowledge Center, "IAM SigV4
   * mismatch").
   */
  static GatewayResponse missingSignature(ApiKind kind) {
    return kind == ApiKind.HTTP
        ? forbidden(kind)
        : GatewayResponse.json(
            403,
            "{\"message\":\"Missing Authentication Token\"}",
            "x-amzn-ErrorType",
            "MissingAuthenticationTokenException");
  }

  /** AWS_IAM authorization with an Authorization header that is not a well-formed SigV4 one. */
  static GatewayResponse badSignature(ApiKind kind, String message) {
    if (kind == ApiKind.HTTP) {
      return forbidden(kind);
    }
    String type =
        message.startsWith("The request signature")
            ? "InvalidSignatureException"
            : "IncompleteSignatureException";
    return GatewayResponse.json(
        403, "{\"message\":" + JsonValues.quote(message) + "}", "x-amzn-ErrorType", type);
  }

  /** Something inside LocalSAM went wrong; the details are in the log. */
  static GatewayResponse internal(ApiKind kind) {
    return integrationFailure(kind);
  }
}
