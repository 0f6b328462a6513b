package io.localsam.runtime.sandbox;

import java.time.LocalDate;

/**
 * What a function's {@code LocalDate.now()} calls are rewritten to: now in the environment's own
 * zone.
 */
public final class LambdaLocalDate {
  private LambdaLocalDate() {}

  public static LocalDate now() {
    return LocalDate.now(LambdaDefaults.zone().toZoneId());
  }
}
