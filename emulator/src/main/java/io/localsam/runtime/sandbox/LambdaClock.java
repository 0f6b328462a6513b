package io.localsam.runtime.sandbox;

import java.time.Clock;

/**
 * What a function's {@code Clock.systemDefaultZone()} calls are rewritten to: the clock of the
 * environment's zone.
 */
public final class LambdaClock {
  private LambdaClock() {}

  public static Clock systemDefaultZone() {
    return Clock.system(LambdaDefaults.zone().toZoneId());
  }
}
