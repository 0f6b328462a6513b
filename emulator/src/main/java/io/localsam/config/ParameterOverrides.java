package io.localsam.config;

import io.localsam.error.LocalSamException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parameter overrides in both of SAM CLI's forms, {@code Key=Value} and {@code
 * ParameterKey=Key,ParameterValue=Value}, as {@code --parameter-overrides} and samconfig.toml's
 * {@code parameter_overrides} give them: separate arguments or one string split as a shell would.
 */
public final class ParameterOverrides {
  private ParameterOverrides() {}

  /**
   * {@code --parameter-overrides} arguments as a map; a malformed one is a {@link
   * LocalSamException}.
   */
  public static Map<String, String> parse(List<String> arguments) {
    Map<String, String> overrides = new LinkedHashMap<>();
    for (String argument : arguments) {
      for (String token : tokens(argument)) {
        String problem = add(token, overrides);
        if (problem != null) {
          throw new LocalSamException("--parameter-overrides: " + problem);
        }
      }
    }
    return overrides;
  }

  /** Adds one pair to {@code overrides}; returns what is wrong with it, or null. */
  static String add(String token, Map<String, String> overrides) {
    if (token.startsWith("ParameterKey=")) {
      int comma = token.indexOf(",ParameterValue=");
      if (comma < 0) {
        return "'" + token + "' needs ParameterKey=K,ParameterValue=V";
      }
      overrides.put(
          token.substring("ParameterKey=".length(), comma),
          unquote(token.substring(comma + ",ParameterValue=".length())));
      return null;
    }
    int equals = token.indexOf('=');
    if (equals <= 0) {
      return "'" + token + "' is not Key=Value";
    }
    overrides.put(token.substring(0, equals), unquote(token.substring(equals + 1)));
    return null;
  }

  /** The value without one pair of surrounding double or single quotes. */
  public static String unquote(String value) {
    if (value.length() >= 2
        && (value.startsWith("\"") && value.endsWith("\"")
            || value.startsWith("'") && value.endsWith("'"))) {
      return value.substring(1, value.length() - 1);
    }
    return value;
  }

  /** Splits on spaces outside quotes and drops the quotes, as a shell would. */
  static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    char quote = 0;
    boolean any = false;
    for (char c : text.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          current.append(c);
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        any = true;
      } else if (Character.isWhitespace(c)) {
        if (current.length() > 0 || any) {
          tokens.add(current.toString());
          current.setLength(0);
          any = false;
        }
      } else {
        current.append(c);
        any = true;
      }
    }
    if (current.length() > 0 || any) {
      tokens.add(current.toString());
    }
    return tokens;
  }
}
