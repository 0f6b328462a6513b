package io.localsam.template;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A SAM REST API's {@code Cors} as the translator takes it (samtranslator {@code swagger.py} {@code
 * add_cors}): header values as API Gateway will send them, each {@code null} when not given. {@code
 * allowMethods} is computed per path when absent: the path's methods plus {@code OPTIONS}, or all
 * seven for {@code ANY}.
 */
record SamCors(
    String allowOrigin,
    String allowHeaders,
    String allowMethods,
    String maxAge,
    boolean allowCredentials) {

  /** The OPTIONS mock SAM adds to a path that has no OPTIONS method of its own. */
  OptionsMock mock(String path, Set<String> declaredMethods) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Access-Control-Allow-Origin", allowOrigin);
    if (allowHeaders != null) {
      headers.put("Access-Control-Allow-Headers", allowHeaders);
    }
    headers.put(
        "Access-Control-Allow-Methods",
        allowMethods != null ? allowMethods : methods(declaredMethods));
    if (maxAge != null) {
      headers.put("Access-Control-Max-Age", maxAge);
    }
    if (allowCredentials) {
      headers.put("Access-Control-Allow-Credentials", "true");
    }
    return new OptionsMock(path, 200, headers);
  }

  private static String methods(Set<String> declared) {
    TreeSet<String> methods =
        new TreeSet<>(declared.contains(RouteDef.ANY) ? RouteDef.ANY_METHODS : declared);
    methods.add("OPTIONS");
    return String.join(",", methods);
  }
}
