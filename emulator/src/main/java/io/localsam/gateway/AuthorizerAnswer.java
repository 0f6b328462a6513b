package io.localsam.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * A Lambda authorizer's response, read as API Gateway reads it: an IAM policy response ({@code
 * principalId}, {@code policyDocument}, optional {@code context}) or, for HTTP APIs with simple
 * responses, {@code isAuthorized} and an optional {@code context}. Anything else is an authorizer
 * configuration error.
 *
 * @param authorized the simple response's verdict, or null for a policy response
 * @param policy the {@code policyDocument}, or null for a simple response
 * @param principalId the policy response's {@code principalId}, or null
 * @param context the {@code context} object, or null when there is none
 */
record AuthorizerAnswer(Boolean authorized, JsonNode policy, String principalId, JsonNode context) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The response is not one API Gateway accepts; the message says why. */
  static final class Invalid extends Exception {
    Invalid(String message) {
      super(message);
    }
  }

  /**
   * @param simple HTTP API authorizer with {@code EnableSimpleResponses}
   * @param rest REST API: {@code principalId} is required and context values must be strings,
   *     numbers or booleans ("you cannot set a JSON object or array as a valid value of any key in
   *     the context map", AWS docs, "Output from an API Gateway Lambda authorizer")
   */
  static AuthorizerAnswer read(byte[] payload, boolean simple, boolean rest) throws Invalid {
    JsonNode response;
    try {
      response = JSON.readTree(payload);
    } catch (IOException e) {
      throw new Invalid("the response is not JSON");
    }
    if (response == null || !response.isObject()) {
      throw new Invalid("the response is not a JSON object");
    }
    JsonNode context = response.get("context");
    if (context != null && context.isNull()) {
      context = null;
    }
    if (context != null && !context.isObject()) {
      throw new Invalid("context must be an object");
    }
    if (simple) {
      JsonNode authorized = response.get("isAuthorized");
      if (authorized == null || !authorized.isBoolean()) {
        throw new Invalid("a simple response needs a boolean isAuthorized");
      }
      return new AuthorizerAnswer(authorized.asBoolean(), null, null, context);
    }
    JsonNode policy = response.get("policyDocument");
    if (policy == null || !policy.isObject()) {
      throw new Invalid("the response needs a policyDocument object");
    }
    JsonNode principal = response.get("principalId");
    if (rest && (principal == null || !principal.isValueNode() || principal.isNull())) {
      throw new Invalid("the response needs a principalId");
    }
    if (rest && context != null) {
      for (JsonNode value : context) {
        if (value.isContainerNode()) {
          throw new Invalid(
              "context values must be strings, numbers or booleans, not objects or arrays");
        }
      }
    }
    return new AuthorizerAnswer(
        null, policy, principal == null || principal.isNull() ? null : principal.asText(), context);
  }
}
