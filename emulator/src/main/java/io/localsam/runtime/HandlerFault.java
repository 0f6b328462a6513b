package io.localsam.runtime;

/**
 * A handler that cannot be loaded, reported as the Java runtime reports it: a message, an error type
 * (absent for some faults), and whether it ends Init (fatal) or fails every invocation (deferred).
 */
final class HandlerFault extends Exception {
  private final String errorType;
  private final boolean fatal;

  HandlerFault(String message, String errorType, boolean fatal) {
    super(message, null, false, false);
    this.errorType = errorType;
    this.fatal = fatal;
  }

  static HandlerFault deferred(String message, Class<?> type) {
    return new HandlerFault(message, type == null ? null : type.getName(), false);
  }

  static HandlerFault fatal(String message, Throwable cause) {
    return new HandlerFault(message, cause.getClass().getName(), true);
  }

  String errorType() {
    return errorType;
  }

  boolean fatal() {
    return fatal;
  }

  byte[] document() {
    return ErrorDocument.of(getMessage(), errorType, null);
  }
}
