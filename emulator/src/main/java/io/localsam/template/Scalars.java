package io.localsam.template;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How CloudFormation turns a resolved template value into the string or number a property needs.
 */
final class Scalars {
  private Scalars() {}

  /**
   * Text as CloudFormation would pass it on: numbers without a trailing {@code .0} unless written
   * so.
   */
  static String text(Object value) {
    if (value == null || value instanceof Map<?, ?>) {
      return "";
    }
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) {
        return d.toString();
      }
      return BigDecimal.valueOf(d).toPlainString();
    }
    if (value instanceof List<?> list) {
      StringBuilder joined = new StringBuilder();
      for (Object item : list) {
        if (joined.length() > 0) {
          joined.append(',');
        }
        joined.append(text(item));
      }
      return joined.toString();
    }
    return value.toString();
  }

  /** A template boolean: {@code true}, or the text {@code "true"} in any case. */
  static boolean isTrue(Object value) {
    return Boolean.TRUE.equals(value) || "true".equalsIgnoreCase(text(value));
  }

  /** A list's items as text; empty when the value is not a list. */
  static List<String> texts(Object value) {
    List<String> texts = new ArrayList<>();
    if (value instanceof List<?> list) {
      list.forEach(item -> texts.add(text(item)));
    }
    return texts;
  }

  /** A whole number from a number or a numeric string, or {@code null} when it is neither. */
  static Integer integer(Object value) {
    if (value instanceof Integer i) {
      return i;
    }
    if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return n.intValue();
    }
    if (value instanceof String s) {
      try {
        return Integer.parseInt(s.strip());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** True when a map is an intrinsic function call, which Globals and merges treat as one value. */
  static boolean isIntrinsic(Object value) {
    if (!(value instanceof Map<?, ?> map) || map.size() != 1) {
      return false;
    }
    Object key = map.keySet().iterator().next();
    return key instanceof String k
        && (k.equals("Ref") || k.startsWith("Fn::") || k.equals("Condition"));
  }
}
