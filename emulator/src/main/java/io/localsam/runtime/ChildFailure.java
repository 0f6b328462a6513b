package io.localsam.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Set;

/**
 * A child's runtime answered an invocation with an error: its document and error type are passed on
 * as they are, as Lambda passes on what the runtime posted.
 */
final class ChildFailure extends Exception {
  // Errors after which the Java runtime exits, so the environment is not reused (as in-process).
  private static final Set<String> ENDS_RUNTIME =
      Set.of(
          "java.lang.OutOfMemoryError",
          "java.lang.StackOverflowError",
          "java.lang.InternalError",
          "java.lang.UnknownError",
          "java.io.IOError");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final byte[] document;
  private final String errorType;

  ChildFailure(byte[] document, String errorType) {
    super(errorType, null, false, false);
    this.document = document;
    this.errorType = errorType;
  }

  byte[] document() {
    return document;
  }

  String errorType() {
    return errorType;
  }

  /** True when the runtime ends after this error, so its environment must not be reused. */
  boolean endsRuntime() {
    return ENDS_RUNTIME.contains(errorType) || ENDS_RUNTIME.contains(documentErrorType());
  }

  // AWS's runtime client names the kind of error in the header (Runtime.UserException), the
  // exception in the document
  private String documentErrorType() {
    try {
      return JSON.readTree(document).path("errorType").asText("");
    } catch (IOException notJson) {
      return "";
    }
  }
}
