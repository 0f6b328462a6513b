package io.localsam.gateway;

import io.localsam.template.ApiKind;

/** API Gateway's own answers, with the bodies and error-type headers the deployed service sends. */
final class GatewayErrors {
  private GatewayErrors() {}

  /** No route: REST APIs answer 403, HTTP APIs 404. */
  static GatewayResponse noRoute(ApiKind kind) {
    return kind == ApiKind.HTTP
        ? GatewayResponse.json(404, "{\"message\":\"Not Found\"}")
        : GatewayResponse.json(403, "{\"message\":\"Missing Authentication Token\"}",
            "x-amzn-ErrorType", "MissingAuthenticationTokenException");
  }

  /** The function failed, or answered something that is not a valid proxy response. */
  static GatewayResponse integrationFailure(ApiKind kind) {
    return kind == ApiKind.HTTP
        ? GatewayResponse.json(500, "{\"message\":\"Internal Server Error\"}")
        : GatewayResponse.json(502, "{\"message\": \"Internal server error\"}",
            "x-amzn-ErrorType", "InternalServerErrorException");
  }

  /** The integration took longer than API Gateway waits: 29 s for REST, 30 s for HTTP APIs. */
  static GatewayResponse integrationTimeout(ApiKind kind) {
    return kind == ApiKind.HTTP
        ? GatewayResponse.json(503, "{\"message\":\"Service Unavailable\"}")
        : GatewayResponse.json(504, "{\"message\": \"Endpoint request timed out\"}",
            "x-amzn-ErrorType", "InternalServerErrorException");
  }

  /** The function is throttled: every execution environment it may have is busy. */
  static GatewayResponse throttled() {
    return GatewayResponse.json(429, "{\"message\":\"Too Many Requests\"}", "x-amzn-ErrorType", "TooManyRequestsException");
  }

  /** SAM CLI's answer for inline code, which cannot run locally. */
  static GatewayResponse inlineCode() {
    return GatewayResponse.json(501,
        "{\"message\":\"Inline code is not supported for sam local commands. Please write your code in a separate file.\"}");
  }

  /** Something inside LocalSAM went wrong; the details are in the log. */
  static GatewayResponse internal(ApiKind kind) {
    return integrationFailure(kind);
  }
}
