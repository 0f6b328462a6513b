package io.localsam.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads the CORS settings API Gateway knows: a SAM REST API's {@code Cors} into {@link SamCors} (a
 * quoted origin, or a map of quoted values, each sent as written), and into {@link CorsConfig} an
 * HTTP API's {@code CorsConfiguration} ({@code true}, an origin, or a map of lists), OpenAPI's
 * {@code x-amazon-apigateway-cors} and a function URL's {@code Cors}.
 */
final class CorsReader {
  private static final Set<String> SAM_CORS_KEYS =
      Set.of("AllowMethods", "AllowHeaders", "AllowOrigin", "MaxAge", "AllowCredentials");

  private final Stack stack;
  private final Consumer<String> warn;

  CorsReader(Stack stack) {
    this.stack = stack;
    this.warn = stack.warn;
  }

  /**
   * {@code AWS::Serverless::Api} {@code Cors}, as SAM's translator reads it (api_generator.py
   * {@code _add_cors}): a quoted origin, or a map of SAM's five keys; {@code null} when absent or
   * dropped (with a warning).
   */
  SamCors rest(Object cors, String owner, SourceLocation where) {
    if (cors == null || Boolean.FALSE.equals(cors) || "".equals(cors)) {
      return null;
    }
    String property = owner + ".Cors";
    if (cors instanceof String origin) {
      String value = staticValue(origin, property, "Cors", where);
      return value == null ? null : new SamCors(value, null, null, null, false);
    }
    if (!(cors instanceof Map<?, ?> raw) || Scalars.isIntrinsic(raw)) {
      return unresolved(property);
    }
    Map<String, Object> map = Intrinsics.cast(raw);
    SourceLocation at = stack.locate(map);
    for (Map.Entry<String, Object> entry : map.entrySet()) {
      if (!SAM_CORS_KEYS.contains(entry.getKey())) {
        throw TemplateException.at(
            at,
            property
                + ": unknown key '"
                + entry.getKey()
                + "' (SAM knows AllowMethods, AllowHeaders, AllowOrigin, MaxAge and AllowCredentials)");
      }
      Object value = entry.getValue();
      boolean scalar =
          value instanceof String || value instanceof Number || value instanceof Boolean;
      if (!scalar) {
        return unresolved(property + "." + entry.getKey());
      }
    }
    String origin = "*"; // SAM's default when AllowOrigin is not given
    if (map.containsKey("AllowOrigin")) {
      String written = Scalars.text(map.get("AllowOrigin"));
      if (written.isEmpty()) {
        throw TemplateException.at(
            at, property + ".AllowOrigin needs a value (for example \"'*'\")");
      }
      origin = staticValue(written, property + ".AllowOrigin", "AllowOrigin", at);
      if (origin == null) {
        return null;
      }
    }
    boolean credentials = credentials(map.get("AllowCredentials"), property);
    if (credentials && origin.equals("*")) {
      throw TemplateException.at(
          at,
          property
              + ": AllowCredentials cannot be true when AllowOrigin is \"'*'\" or not set"
              + " (SAM refuses it; browsers refuse credentials with any origin)");
    }
    return new SamCors(
        origin,
        optional(map, "AllowHeaders", property, at),
        optional(map, "AllowMethods", property, at),
        optional(map, "MaxAge", property, at),
        credentials);
  }

  /**
   * HTTP API {@code CorsConfiguration}, {@code x-amazon-apigateway-cors}, function URL {@code
   * Cors}.
   */
  CorsConfig http(Object cors, String owner) {
    if (cors == null || Boolean.FALSE.equals(cors)) {
      return null;
    }
    if (Boolean.TRUE.equals(cors)) {
      return new CorsConfig(List.of("*"), List.of("*"), List.of("*"), List.of(), false, null);
    }
    if (cors instanceof String origin) {
      return new CorsConfig(
          List.of(origin.replace("'", "")), List.of("*"), List.of("*"), List.of(), false, null);
    }
    if (!(cors instanceof Map<?, ?> raw) || Scalars.isIntrinsic(raw)) {
      return unresolved(owner);
    }
    Map<String, Object> map = Intrinsics.cast(raw);
    CorsConfig config =
        new CorsConfig(
            list(value(map, "AllowOrigins"), owner + ".AllowOrigins"),
            upper(list(value(map, "AllowMethods"), owner + ".AllowMethods")),
            list(value(map, "AllowHeaders"), owner + ".AllowHeaders"),
            list(value(map, "ExposeHeaders"), owner + ".ExposeHeaders"),
            bool(value(map, "AllowCredentials")),
            maxAge(Scalars.text(value(map, "MaxAge")), owner + ".MaxAge", map));
    if (config.allowCredentials() && config.allowOrigins().contains("*")) {
      warn.accept(
          owner
              + ": AllowCredentials with AllowOrigins '*' is refused by browsers (and by API Gateway for HTTP"
              + " APIs); list the origins instead");
    }
    return config;
  }

  private static Object value(Map<String, Object> map, String key) {
    // x-amazon-apigateway-cors spells the keys in lower camel case
    Object value = map.get(key);
    return value != null ? value : map.get(Character.toLowerCase(key.charAt(0)) + key.substring(1));
  }

  /** Warns that the API's CORS is dropped; {@code null}, whichever CORS type was being read. */
  private <T> T unresolved(String property) {
    warn.accept(
        "CORS property "
            + property
            + " was not fully resolved (an intrinsic with no local value); CORS is"
            + " not applied to that API");
    return null;
  }

  /**
   * A value SAM copies as written into the mock's response parameters: the text inside single
   * quotes, as API Gateway sends it; {@code null} (warned about) for a mapping expression LocalSAM
   * cannot evaluate. Anything else API Gateway refuses when deployed, so the template is refused
   * here.
   */
  private String staticValue(String written, String property, String key, SourceLocation where) {
    String value = written.strip();
    String literal = ResponseParameters.literal(value);
    if (literal != null) {
      return literal;
    }
    if (ResponseParameters.mappingExpression(value)) {
      warn.accept(
          property
              + " is the mapping expression "
              + value
              + ", which LocalSAM does not evaluate; the header is"
              + " left out"
              + (key.endsWith("Origin") || key.equals("Cors") ? ", and so is the API's CORS" : ""));
      return null;
    }
    throw TemplateException.at(
        where,
        property
            + ": '"
            + value
            + "' is not in single quotes. SAM copies it as written into"
            + " the OPTIONS method that answers preflights, and API Gateway refuses that when deployed (\"Invalid mapping"
            + " expression specified\"); write "
            + key
            + ": \"'"
            + value
            + "'\"");
  }

  /**
   * An optional header value; an empty one is left out, as SAM leaves it out. A number is taken as
   * written.
   */
  private String optional(
      Map<String, Object> map, String key, String property, SourceLocation where) {
    Object value = map.get(key);
    if (value instanceof Number number) {
      return Scalars.text(number);
    }
    String written = Scalars.text(value);
    return written.isEmpty() ? null : staticValue(written, property + "." + key, key, where);
  }

  /**
   * SAM adds the header only for the boolean {@code true} (it tests {@code AllowCredentials is
   * True}).
   */
  private boolean credentials(Object value, String property) {
    if (value instanceof String text && text.replace("'", "").strip().equalsIgnoreCase("true")) {
      warn.accept(
          property
              + ".AllowCredentials is the text "
              + text
              + "; SAM adds Access-Control-Allow-Credentials only for"
              + " the boolean true (write AllowCredentials: true), so it is left out");
    }
    return Boolean.TRUE.equals(value);
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
      throw TemplateException.at(
          stack.locate(near), property + " must be a number of seconds, not '" + text + "'");
    }
    return seconds;
  }

  private static boolean bool(Object value) {
    return Boolean.TRUE.equals(value)
        || "true".equalsIgnoreCase(Scalars.text(value).replace("'", ""));
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
