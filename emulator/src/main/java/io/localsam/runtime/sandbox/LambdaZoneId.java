package io.localsam.runtime.sandbox;

import java.time.ZoneId;

/**
 * What a function's {@code ZoneId.systemDefault()} calls are rewritten to: the environment's own
 * zone.
 */
public final class LambdaZoneId {
  private LambdaZoneId() {}

  public static ZoneId systemDefault() {
    return LambdaDefaults.zone().toZoneId();
  }
}
