package io.localsam.gateway.auth;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Evaluates a Lambda authorizer's {@code policyDocument} for one method ARN as IAM does: a {@code
 * Deny} statement that matches wins over everything, a matching {@code Allow} allows, and nothing
 * matching is an implicit deny. Actions and resources may use {@code *} (any run of characters) and
 * {@code ?} (one character); a pattern must match the whole value.
 */
public final class IamPolicy {
  private static final String INVOKE = "execute-api:Invoke";

  /** The outcome for one method ARN. */
  public enum Decision {
    ALLOW,
    EXPLICIT_DENY,
    IMPLICIT_DENY
  }

  /** Thrown for a policy API Gateway would refuse (an authorizer configuration error). */
  public static final class Malformed extends Exception {
    Malformed(String message) {
      super(message);
    }
  }

  private IamPolicy() {}

  public static Decision evaluate(JsonNode policy, String methodArn) throws Malformed {
    if (policy == null || !policy.isObject()) {
      throw new Malformed("policyDocument must be an object");
    }
    JsonNode statements = policy.get("Statement");
    if (statements == null || statements.isNull() || statements.isArray() && statements.isEmpty()) {
      throw new Malformed("policyDocument needs a Statement");
    }
    boolean allowed = false;
    for (JsonNode statement : statements.isArray() ? statements : List.of(statements)) {
      String effect = statement.path("Effect").asText("");
      if (!effect.equals("Allow") && !effect.equals("Deny")) {
        throw new Malformed("a statement's Effect must be Allow or Deny, not '" + effect + "'");
      }
      boolean applies =
          any(strings(statement, "Action"), INVOKE, true)
              && any(strings(statement, "Resource"), methodArn, false);
      if (applies && effect.equals("Deny")) {
        return Decision.EXPLICIT_DENY;
      }
      allowed |= applies;
    }
    return allowed ? Decision.ALLOW : Decision.IMPLICIT_DENY;
  }

  private static List<String> strings(JsonNode statement, String field) throws Malformed {
    JsonNode value = statement.get(field);
    List<String> values = new ArrayList<>();
    if (value != null && value.isTextual()) {
      values.add(value.asText());
    } else if (value != null && value.isArray()) {
      for (JsonNode item : value) {
        if (!item.isTextual()) {
          throw new Malformed("a statement's " + field + " must be a string or a list of strings");
        }
        values.add(item.asText());
      }
    }
    if (values.isEmpty()) {
      throw new Malformed("a statement needs an " + field);
    }
    return values;
  }

  private static boolean any(List<String> patterns, String value, boolean ignoreCase) {
    for (String pattern : patterns) {
      if (ignoreCase
          ? matches(pattern.toLowerCase(Locale.ROOT), value.toLowerCase(Locale.ROOT))
          : matches(pattern, value)) {
        return true;
      }
    }
    return false;
  }

  /** IAM's wildcard match over the whole value: {@code *} any run, {@code ?} one character. */
  public static boolean matches(String pattern, String value) {
    int p = 0;
    int v = 0;
    int star = -1;
    int resume = 0;
    while (v < value.length()) {
      if (p < pattern.length()
          && (pattern.charAt(p) == '?' || pattern.charAt(p) == value.charAt(v))) {
        p++;
        v++;
      } else if (p < pattern.length() && pattern.charAt(p) == '*') {
        star = p++;
        resume = v;
      } else if (star >= 0) {
        p = star + 1;
        v = ++resume;
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }
}
