package io.localsam.config;

import java.util.Locale;

/**
 * What a Java function's process runs to talk to Lambda's Runtime API ({@code --runtime-client}):
 * it matters only for functions in process isolation; in-process functions and custom runtimes have
 * none.
 */
public enum RuntimeClient {
  /**
   * LocalSAM's own bootstrap: the same handler loading and serializer as in-process; runs wherever
   * Java runs.
   */
  LOCALSAM,
  /**
   * AWS's runtime interface client (aws-lambda-java-runtime-interface-client), what Lambda's
   * managed Java runtimes run; it ships native code for Linux on x86_64 and aarch64 only.
   */
  AWS;

  /** {@code localsam} or {@code aws}, in any case. */
  public static RuntimeClient of(String name) {
    return switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "localsam" -> LOCALSAM;
      case "aws" -> AWS;
      default -> throw new IllegalArgumentException("expected localsam or aws, not '" + name + "'");
    };
  }
}
