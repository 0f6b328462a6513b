package io.localsam.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads the CORS settings API Gateway knows into {@link CorsConfig}: a SAM REST API's {@code Cors} (a
 * quoted origin, or a map of quoted, comma-separated values), an HTTP API's {@code CorsConfiguration}
 * ({@code true}, an origin, or a map of lists), OpenAPI's {@code x-amazon-apigateway-cors}, a function
 * URL's {@code Cors}, and the {@code Access-Control-*} response parameters of a MOCK OPTIONS method.
 */
final class CorsReader {
  private final Stack stack;
  private final Consumer<String> warn;

  CorsReader(Stack stack) {
    this.stack = stack;
    this.warn = stack.warn;
  }

  /** {@code AWS::Serverless::Api} {@code Cors}; {@code null} when absent or dropped (with a warning). */
  CorsConfig rest(Object cors, String owner) {
    if (cors == null) {
      return null;
    }
    if (cors instanceof String origin) {
      return new CorsConfig(quoted(origin, owner + ".Cors"), List.of(), List.of(), List.of(), false, null);
    }
    if (!(cors instanceof Map<?, ?> raw)) {
      return unresolved(owner + ".Cors");
    }
    Map<String, Object> map = Intrinsics.cast(raw);
    if (Scalars.isIntrinsic(map)) {
      return unresolved(owner + ".Cors");
    }
    for (Map.Entry<String, Object> entry : map.entrySet()) {
      if (!(entry.getValue() instanceof String) && !entry.getKey().equals("AllowCredentials")
          && !entry.getKey().equals("MaxAge")) {
        return unresolved(owner + ".Cors." + entry.getKey());
      }
    }
    if (!map.containsKey("AllowOrigin")) {
      throw TemplateException.at(stack.locate(map), owner + ".Cors needs AllowOrigin (for example \"'*'\")");
    }
    return new CorsConfig(
        quoted(Scalars.text(map.get("AllowOrigin")), owner + ".Cors.AllowOrigin"),
        upper(quoted(Scalars.text(map.get("AllowMethods")), owner + ".Cors.AllowMethods")),
        quoted(Scalars.text(map.get("AllowHeaders")), owner + ".Cors.AllowHeaders"),
        List.of(),
        bool(map.get("AllowCredentials")),
        maxAge(Scalars.text(map.get("MaxAge")).replace("'", ""), owner + ".Cors.MaxAge", map));
  }

  /** HTTP API {@code CorsConfiguration}, {@code x-amazon-apigateway-cors}, function URL {@code Cors}. */
  CorsConfig http(Object cors, String owner) {
    if (cors == null || Boolean.FALSE.equals(cors)) {
      return null;
    }
    if (Boolean.TRUE.equals(cors)) {
      return new CorsConfig(List.of("*"), List.of("*"), List.of("*"), List.of(), false, null);
    }
    if (cors instanceof String origin) {
      return new CorsConfig(List.of(origin.replace("'", "")), List.of("*"), List.of("*"), List.of(), false, null);
    }
    if (!(cors instanceof Map<?, ?> raw) || Scalars.isIntrinsic(raw)) {
      return unresolved(owner);
    }
    Map<String, Object> map = Intrinsics.cast(raw);
    CorsConfig config = new CorsConfig(
        list(value(map, "AllowOrigins"), owner + ".AllowOrigins"),
        upper(list(value(map, "AllowMethods"), owner + ".AllowMethods")),
        list(value(map, "AllowHeaders"), owner + ".AllowHeaders"),
        list(value(map, "ExposeHeaders"), owner + ".ExposeHeaders"),
        bool(value(map, "AllowCredentials")),
        maxAge(Scalars.text(value(map, "MaxAge")), owner + ".MaxAge", map));
    if (config.allowCredentials() && config.allowOrigins().contains("*")) {
      warn.accept(owner + ": AllowCredentials with AllowOrigins '*' is refused by browsers (and by API Gateway for HTTP"
          + " APIs); list the origins instead");
    }
    return config;
  }

  /** A MOCK OPTIONS method's {@code method.response.header.Access-Control-*} values (CDK's CORS). */
  static CorsConfig responseParameters(Map<String, Object> parameters) {
    String prefix = "method.response.header.";
    String origin = null;
    String methods = "";
    String headers = "";
    String credentials = "";
    String maxAge = "";
    String expose = "";
    for (Map.Entry<String, Object> entry : parameters.entrySet()) {
      if (!entry.getKey().startsWith(prefix)) {
        continue;
      }
      String value = Scalars.text(entry.getValue()).replace("'", "");
      switch (entry.getKey().substring(prefix.length()).toLowerCase(Locale.ROOT)) {
        case "access-control-allow-origin" -> origin = value;
        case "access-control-allow-methods" -> methods = value;
        case "access-control-allow-headers" -> headers = value;
        case "access-control-allow-credentials" -> credentials = value;
        case "access-control-max-age" -> maxAge = value;
        case "access-control-expose-headers" -> expose = value;
        default -> { }
      }
    }
    if (origin == null) {
      return null;
    }
    return new CorsConfig(split(origin), split(methods.toUpperCase(Locale.ROOT)), split(headers), split(expose),
        credentials.equalsIgnoreCase("true"), Scalars.integer(maxAge));
  }

  private static Object value(Map<String, Object> map, String key) {
    // x-amazon-apigateway-cors spells the keys in lower camel case
    Object value = map.get(key);
    return value != null ? value : map.get(Character.toLowerCase(key.charAt(0)) + key.substring(1));
  }

  private CorsConfig unresolved(String property) {
    warn.accept("CORS property " + property + " was not fully resolved (an intrinsic with no local value); CORS is"
        + " not applied to that API");
    return null;
  }

  private List<String> quoted(String value, String property) {
    if (value.isEmpty()) {
      return List.of();
    }
    String trimmed = value.strip();
    if (trimmed.length() < 2 || !trimmed.startsWith("'") || !trimmed.endsWith("'")) {
      warn.accept(property + " should be quoted as SAM requires (\"'" + trimmed + "'\"); it is read as if it were");
    }
    return split(trimmed.replace("'", ""));
  }

  private List<String> list(Object value, String property) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> items) {
      List<String> texts = new ArrayList<>();
      for (Object item : items) {
        texts.add(Scalars.text(item));
      }
      return texts;
    }
    if (value instanceof String text) {
      return split(text);
    }
    warn.accept("CORS property " + property + " was not fully resolved; it is ignored");
    return List.of();
  }

  private Integer maxAge(String text, String property, Object near) {
    if (text.isEmpty()) {
      return null;
    }
    Integer seconds = Scalars.integer(text);
    if (seconds == null || seconds < 0) {
      throw TemplateException.at(stack.locate(near), property + " must be a number of seconds, not '" + text + "'");
    }
    return seconds;
  }

  private static boolean bool(Object value) {
    return Boolean.TRUE.equals(value) || "true".equalsIgnoreCase(Scalars.text(value).replace("'", ""));
  }

  private static List<String> upper(List<String> values) {
    return values.stream().map(v -> v.toUpperCase(Locale.ROOT)).toList();
  }

  private static List<String> split(String text) {
    List<String> parts = new ArrayList<>();
    for (String part : text.split(",")) {
      if (!part.isBlank()) {
        parts.add(part.strip());
      }
    }
    return parts;
  }
}
