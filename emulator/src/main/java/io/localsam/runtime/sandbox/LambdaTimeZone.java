package io.localsam.runtime.sandbox;

import java.util.TimeZone;

/**
 * What a function's {@code TimeZone.getDefault/setDefault} calls are rewritten to: the
 * environment's own zone.
 */
public final class LambdaTimeZone {
  private LambdaTimeZone() {}

  public static TimeZone getDefault() {
    return (TimeZone) LambdaDefaults.zone().clone();
  }

  public static void setDefault(TimeZone zone) {
    LambdaDefaults.zone(zone);
  }
}
