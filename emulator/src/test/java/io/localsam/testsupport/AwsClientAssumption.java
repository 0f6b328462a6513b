package io.localsam.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.localsam.runtime.process.AwsRuntimeClientFiles;
import java.util.Optional;

/** Skips a test of AWS's runtime interface client where the client cannot run, saying why. */
public final class AwsClientAssumption {
  private AwsClientAssumption() {}

  /**
   * Aborts the test (reported as skipped, with the reason) unless this is Linux on x86_64 or
   * aarch64.
   */
  public static void assumeAwsClientRunsHere() {
    Optional<String> unsupported = AwsRuntimeClientFiles.unsupportedPlatform();
    assumeTrue(unsupported.isEmpty(), () -> unsupported.get());
  }
}
