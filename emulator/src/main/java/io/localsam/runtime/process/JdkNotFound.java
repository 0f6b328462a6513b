package io.localsam.runtime.process;

import java.util.List;

/**
 * No JDK on this machine can run a function's runtime; the message names the runtime and every
 * place looked in.
 */
public final class JdkNotFound extends Exception {
  public JdkNotFound(String runtime, int feature, List<String> lookedIn) {
    super(
        "No JDK "
            + feature
            + " or newer found for Runtime "
            + runtime
            + ". Looked in: "
            + String.join("; ", lookedIn)
            + ". Name one with --jdk "
            + runtime
            + "=/path/to/jdk.",
        null,
        false,
        false);
  }
}
