package io.localsam.runtime.sandbox;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * The environment's default time zone, locale and charset. A Lambda JVM starts with the zone of its
 * {@code TZ} ({@code :UTC}), the locale of its {@code LANG} ({@code en_US.UTF-8}) and UTF-8,
 * whatever the developer's machine uses; and a function that changes a default changes only its own
 * environment's.
 */
final class LambdaDefaults {
  private static volatile TimeZone zone;
  private static final Map<Locale.Category, Locale> locales = new EnumMap<>(Locale.Category.class);
  private static volatile Locale locale;

  private LambdaDefaults() {}

  static TimeZone zone() {
    TimeZone current = zone;
    if (current == null) {
      String tz = LambdaSystem.getenv("TZ");
      String id = tz == null || tz.isBlank() ? "UTC" : tz.startsWith(":") ? tz.substring(1) : tz;
      zone =
          current =
              TimeZone.getTimeZone(id); // an unknown id is GMT, as the JVM reads an unknown TZ
    }
    return current;
  }

  static void zone(TimeZone newZone) {
    zone = newZone == null ? null : (TimeZone) newZone.clone();
  }

  static synchronized Locale locale() {
    if (locale == null) {
      locale = fromLang(LambdaSystem.getenv("LANG"));
    }
    return locale;
  }

  static synchronized Locale locale(Locale.Category category) {
    return locales.getOrDefault(category, locale());
  }

  static synchronized void locale(Locale newLocale) {
    locale = newLocale;
    locales.clear();
  }

  static synchronized void locale(Locale.Category category, Locale newLocale) {
    locales.put(category, newLocale);
  }

  static Charset charset() {
    return StandardCharsets.UTF_8;
  }

  /**
   * {@code en_US.UTF-8} is {@code en_US}; no LANG, or C/POSIX, is the JVM's {@code en_US} as well.
   */
  private static Locale fromLang(String lang) {
    if (lang == null || lang.isBlank() || lang.startsWith("C") || lang.equals("POSIX")) {
      return Locale.US;
    }
    String name = lang.split("[.@]")[0];
    String[] parts = name.split("_");
    return parts.length > 1 ? new Locale(parts[0], parts[1]) : new Locale(parts[0]);
  }
}
