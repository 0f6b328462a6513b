package io.localsam.maven;

import java.util.List;

/**
 * How compiling a module ended.
 *
 * @param module the module's name
 * @param errors javac's errors, one {@code File.java:LINE: error: ...} block each; empty when it
 *     compiled
 * @param changedFiles files written to or removed from {@code target/classes}
 * @param millis how long it took
 */
record CompileResult(String module, List<String> errors, int changedFiles, long millis) {

  CompileResult {
    errors = List.copyOf(errors);
  }

  boolean succeeded() {
    return errors.isEmpty();
  }

  /**
   * The lines the log shows for a failure: what failed, that the old code keeps serving, then
   * javac's errors.
   */
  String failureReport() {
    return module
        + ": compile error, the last good code keeps serving until the next save compiles:"
        + System.lineSeparator()
        + String.join(System.lineSeparator(), errors);
  }
}
