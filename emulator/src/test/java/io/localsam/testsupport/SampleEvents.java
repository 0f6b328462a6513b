package io.localsam.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * AWS's own sample events (aws-lambda-java-libs, aws-sam-cli; Apache-2.0), copied unmodified into
 * the test resources with the README that gives their origin, so the tests need nothing outside the
 * repo.
 */
public final class SampleEvents {
  private SampleEvents() {}

  public static byte[] bytes(String name) {
    try (InputStream in = SampleEvents.class.getResourceAsStream("/aws-sample-events/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException(
            "no sample event " + name + " in src/test/resources/aws-sample-events");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
