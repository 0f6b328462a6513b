package io.localsam.lambda;

import io.localsam.runtime.InvocationRejected;

/**
 * The Invoke API's own error answers, with the codes deployed Lambda uses so that the AWS SDKs
 * raise their typed exceptions ({@code ResourceNotFoundException}, {@code
 * InvalidRequestContentException}, ...).
 */
final class LambdaErrors {
  private LambdaErrors() {}

  static LambdaResponse functionNotFound(String region, String name) {
    return LambdaResponse.error(
        404,
        "ResourceNotFoundException",
        "User",
        "Function not found: " + FunctionNames.arn(region, name));
  }

  /** A body that is not JSON; the detail is the JSON parser's, as in Lambda's own message. */
  static LambdaResponse invalidJson(String detail) {
    return LambdaResponse.error(
        400,
        "InvalidRequestContentException",
        "User",
        "Could not parse request body into json: Could not parse payload into json: " + detail);
  }

  static LambdaResponse invalidInvocationType(String value) {
    return LambdaResponse.error(
        400,
        "ValidationException",
        "User",
        "1 validation error detected: Value '"
            + value
            + "' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: "
            + "[Event, RequestResponse, DryRun]");
  }

  /** SAM CLI's answer for a path the local service does not serve. */
  static LambdaResponse pathNotFound() {
    return LambdaResponse.error(
        404, "PathNotFoundLocally", "LocalService", "PathNotFoundException");
  }

  static LambdaResponse methodNotAllowed() {
    return LambdaResponse.error(
        405, "MethodNotAllowedLocally", "LocalService", "MethodNotAllowedException");
  }

  /** SAM CLI's answer for inline code, which cannot run locally. */
  static LambdaResponse inlineCode() {
    return LambdaResponse.error(
        501,
        "NotImplemented",
        "LocalService",
        "Inline code is not supported for sam local commands. Please write your code in a separate file.");
  }

  /**
   * Lambda refused the invocation: a payload over its limit (413), or the function is throttled or
   * its queue full (429).
   */
  static LambdaResponse rejected(InvocationRejected rejected) {
    return rejected.reason() == InvocationRejected.Reason.THROTTLED
        ? LambdaResponse.error(429, "TooManyRequestsException", "User", "Rate Exceeded.")
        : LambdaResponse.error(
            413,
            "RequestEntityTooLargeException",
            "User",
            "Request must be smaller than "
                + rejected.limitBytes()
                + " bytes for the InvokeFunction operation");
  }

  /** A name, qualifier or other request value outside the Invoke API's constraints. */
  static LambdaResponse validation(String value, String member, String constraint) {
    return LambdaResponse.error(
        400,
        "ValidationException",
        "User",
        "1 validation error detected: Value '"
            + value
            + "' at '"
            + member
            + "' failed to satisfy constraint: "
            + constraint);
  }

  /** The qualifier after the name's colon and the {@code Qualifier} parameter disagree. */
  static LambdaResponse qualifierMismatch() {
    return LambdaResponse.error(
        400,
        "InvalidParameterValueException",
        "User",
        "The derived qualifier from the function name does not match the specified qualifier.");
  }

  /** Something inside LocalSAM went wrong; the details are in the log. */
  static LambdaResponse service() {
    return LambdaResponse.error(500, "ServiceException", "Service", "ServiceException");
  }
}
