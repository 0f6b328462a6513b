package io.localsam.runtime;

/**
 * A child's process ended during an invocation ({@code System.exit}, a crash, a signal): Lambda's
 * {@code Runtime.ExitError}, with its message ("Runtime exited with error: exit status 3").
 */
final class ChildExit extends Error {
  ChildExit(String message) {
    super(message, null, false, false);
  }
}
