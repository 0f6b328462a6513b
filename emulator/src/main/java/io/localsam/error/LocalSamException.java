package io.localsam.error;

/**
 * A problem the user can fix: a template that cannot be read, code that cannot be found, a port in
 * use. Its message is one sentence meant for a terminal; callers print it without a stack trace.
 */
public class LocalSamException extends RuntimeException {
  public LocalSamException(String message) {
    super(message);
  }

  public LocalSamException(String message, Throwable cause) {
    super(message, cause);
  }
}
