package io.localsam.runtime.sandbox;

import java.time.LocalTime;

/**
 * What a function's {@code LocalTime.now()} calls are rewritten to: now in the environment's own
 * zone.
 */
public final class LambdaLocalTime {
  private LambdaLocalTime() {}

  public static LocalTime now() {
    return LocalTime.now(LambdaDefaults.zone().toZoneId());
  }
}
