package io.localsam.runtime.sandbox;

import java.time.ZonedDateTime;

/**
 * What a function's {@code ZonedDateTime.now()} calls are rewritten to: now in the environment's
 * own zone.
 */
public final class LambdaZonedDateTime {
  private LambdaZonedDateTime() {}

  public static ZonedDateTime now() {
    return ZonedDateTime.now(LambdaDefaults.zone().toZoneId());
  }
}
