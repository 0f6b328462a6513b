package io.localsam.cli;

import io.localsam.LocalSamException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --parameter-overrides} in both of SAM CLI's forms, {@code Key=Value} and
 * {@code ParameterKey=Key,ParameterValue=Value}, given as separate arguments or in one quoted string.
 */
final class ParameterOverrides {
  private ParameterOverrides() {}

  static Map<String, String> parse(List<String> arguments) {
    Map<String, String> overrides = new LinkedHashMap<>();
    for (String argument : arguments) {
      for (String token : tokens(argument)) {
        if (token.startsWith("ParameterKey=")) {
          int comma = token.indexOf(",ParameterValue=");
          if (comma < 0) {
            throw new LocalSamException("--parameter-overrides: '" + token + "' needs ParameterKey=K,ParameterValue=V");
          }
          overrides.put(token.substring("ParameterKey=".length(), comma), token.substring(comma + ",ParameterValue=".length()));
        } else {
          int equals = token.indexOf('=');
          if (equals <= 0) {
            throw new LocalSamException("--parameter-overrides: '" + token + "' is not Key=Value");
          }
          overrides.put(token.substring(0, equals), token.substring(equals + 1));
        }
      }
    }
    return overrides;
  }

  /** Splits on spaces outside quotes, and drops the quotes, as a shell would. */
  private static List<String> tokens(String text) {
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
