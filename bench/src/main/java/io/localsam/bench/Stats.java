package io.localsam.bench;

import java.util.Collection;
import java.util.Locale;

/** Medians and the few number formats the report uses. */
final class Stats {
  private Stats() {}

  static double median(Collection<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  static String count(double value) {
    return String.format(Locale.ROOT, "%,.0f", value);
  }

  static String millis(double value) {
    if (Double.isNaN(value)) {
      return "n/a";
    }
    return value < 10
        ? String.format(Locale.ROOT, "%.2f ms", value)
        : String.format(Locale.ROOT, "%.0f ms", value);
  }

  static String micros(double value) {
    return value < 1
        ? String.format(Locale.ROOT, "%.3f µs", value)
        : String.format(Locale.ROOT, "%.1f µs", value);
  }

  static String megabytes(double kilobytes) {
    return String.format(Locale.ROOT, "%.0f MB", kilobytes / 1024);
  }

  static String ratio(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }
}
