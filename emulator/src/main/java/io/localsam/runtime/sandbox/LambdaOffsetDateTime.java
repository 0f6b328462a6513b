package io.localsam.runtime.sandbox;

import java.time.OffsetDateTime;

/**
 * What a function's {@code OffsetDateTime.now()} calls are rewritten to: now in the environment's
 * own zone.
 */
public final class LambdaOffsetDateTime {
  private LambdaOffsetDateTime() {}

  public static OffsetDateTime now() {
    return OffsetDateTime.now(LambdaDefaults.zone().toZoneId());
  }
}
