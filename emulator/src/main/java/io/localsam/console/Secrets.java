package io.localsam.console;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Environment values whose names look secret ({@code *SECRET*}, {@code *TOKEN*}, {@code
 * *PASSWORD*}, {@code *KEY*}) are masked.
 */
final class Secrets {
  static final String MASK = "****";
  private static final Pattern SECRET = Pattern.compile("SECRET|TOKEN|PASSWORD|KEY");

  private Secrets() {}

  static boolean looksSecret(String name) {
    return SECRET.matcher(name.toUpperCase(Locale.ROOT)).find();
  }

  /** The variables sorted by name, secret-looking values masked. */
  static Map<String, String> masked(Map<String, String> environment) {
    Map<String, String> shown = new TreeMap<>();
    environment.forEach((name, value) -> shown.put(name, looksSecret(name) ? MASK : value));
    return shown;
  }
}
