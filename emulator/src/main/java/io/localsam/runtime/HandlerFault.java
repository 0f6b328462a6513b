package io.localsam.runtime;

/**
 * A handler that cannot be loaded, reported as the Java runtime reports it: a message, an error
 * type (absent for some faults), and whether it ends Init (fatal) or fails every invocation
 * (deferred).
 */
final class HandlerFault extends Exception {
  private final String errorType;
  private final boolean fatal;
  private final byte[]
      posted; // the document a child's runtime posted, passed on as it is; null when we write it

  HandlerFault(String message, String errorType, boolean fatal) {
    this(message, errorType, fatal, null);
  }

  private HandlerFault(String message, String errorType, boolean fatal, byte[] posted) {
    super(message, null, false, false);
    this.errorType = errorType;
    this.fatal = fatal;
    this.posted = posted;
  }

  /**
   * The Init error a child's runtime posted: its document is the answer, as Lambda passes on what
   * the runtime posted.
   */
  static HandlerFault posted(byte[] document, String message, String errorType) {
    return new HandlerFault(message, errorType, true, document);
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
    return posted != null ? posted : ErrorDocument.of(getMessage(), errorType, null);
  }
}
