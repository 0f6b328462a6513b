package io.localsam.runtime.sandbox;

import java.time.LocalDateTime;

/**
 * What a function's {@code LocalDateTime.now()} calls are rewritten to: now in the environment's
 * own zone.
 */
public final class LambdaLocalDateTime {
  private LambdaLocalDateTime() {}

  public static LocalDateTime now() {
    return LocalDateTime.now(LambdaDefaults.zone().toZoneId());
  }
}
