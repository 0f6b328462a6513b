package io.localsam.runtime.sandbox;

import java.util.Locale;
import java.util.Objects;

/**
 * What a function's {@code Locale.getDefault/setDefault} calls are rewritten to: the environment's
 * own locale.
 */
public final class LambdaLocale {
  private LambdaLocale() {}

  public static Locale getDefault() {
    return LambdaDefaults.locale();
  }

  public static Locale getDefault(Locale.Category category) {
    return LambdaDefaults.locale(Objects.requireNonNull(category, "category"));
  }

  public static void setDefault(Locale locale) {
    LambdaDefaults.locale(Objects.requireNonNull(locale, "Can't set default locale to NULL"));
  }

  public static void setDefault(Locale.Category category, Locale locale) {
    LambdaDefaults.locale(
        Objects.requireNonNull(category, "Category cannot be NULL"),
        Objects.requireNonNull(locale, "Can't set default locale to NULL"));
  }
}
