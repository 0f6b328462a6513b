package io.localsam.runtime.sandbox;

import java.util.Calendar;
import java.util.Locale;
import java.util.TimeZone;

/**
 * What a function's {@code Calendar.getInstance} calls are rewritten to: the environment's zone and
 * locale where they use the defaults.
 */
public final class LambdaCalendar {
  private LambdaCalendar() {}

  public static Calendar getInstance() {
    return Calendar.getInstance(
        LambdaDefaults.zone(), LambdaDefaults.locale(Locale.Category.FORMAT));
  }

  public static Calendar getInstance(Locale locale) {
    return Calendar.getInstance(LambdaDefaults.zone(), locale);
  }

  public static Calendar getInstance(TimeZone zone) {
    return Calendar.getInstance(zone, LambdaDefaults.locale(Locale.Category.FORMAT));
  }
}
