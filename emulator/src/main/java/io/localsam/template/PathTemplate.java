package io.localsam.template;

import java.util.regex.Pattern;

/**
 * Checks a route path as API Gateway accepts it: {@code /literal}, {@code /{param}}, a final {@code
 * /{proxy+}}.
 */
final class PathTemplate {
  private static final Pattern PARAMETER = Pattern.compile("\\{[A-Za-z0-9._\\-]+\\+?}");

  private PathTemplate() {}

  static String check(String path, SourceLocation where) {
    if (!path.startsWith("/")) {
      throw TemplateException.at(where, "route path '" + path + "' must start with /");
    }
    String normalized =
        path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    String[] segments = normalized.substring(1).split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      if (segment.isEmpty() && normalized.length() > 1) {
        throw TemplateException.at(where, "route path '" + path + "' has an empty segment");
      }
      boolean braces = segment.contains("{") || segment.contains("}");
      if (braces && !PARAMETER.matcher(segment).matches()) {
        throw TemplateException.at(
            where,
            "route path '"
                + path
                + "': '"
                + segment
                + "' must be a whole segment like {name} or {proxy+}");
      }
      if (segment.endsWith("+}") && i != segments.length - 1) {
        throw TemplateException.at(
            where, "route path '" + path + "': a greedy " + segment + " must be the last segment");
      }
    }
    return normalized;
  }
}
