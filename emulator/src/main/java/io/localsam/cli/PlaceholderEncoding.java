package io.localsam.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.localsam.error.LocalSamException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.function.BiFunction;

/**
 * How an option's value goes into a sample event where a template says <code>${ENCODING:option}
 * </code>: the encodings SAM CLI applies to its options (base64 bodies, URL-quoted S3 keys, the MD5
 * of an SQS body), and LocalSAM's own (a path without its leading slash, the query maps, a JSON
 * object).
 */
enum PlaceholderEncoding {
  PLAIN("", (option, value) -> TextNode.valueOf(value)),
  BASE64(
      "base64",
      (option, value) -> TextNode.valueOf(Base64.getEncoder().encodeToString(utf8(value)))),
  URL("url", (option, value) -> TextNode.valueOf(urlQuote(value))),
  MD5("md5", (option, value) -> TextNode.valueOf(md5(value))),
  // "/${relative:path}" gives /a/b for both --path a/b and --path /a/b
  RELATIVE(
      "relative",
      (option, value) -> TextNode.valueOf(value.startsWith("/") ? value.substring(1) : value)),
  QUERY("query", (option, value) -> QueryStringParameters.parse(value).single()),
  MULTI_QUERY("multi-query", (option, value) -> QueryStringParameters.parse(value).multi()),
  JSON_OBJECT("json", PlaceholderEncoding::jsonObject);

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final String prefix;
  private final BiFunction<String, String, JsonNode> encoder;

  PlaceholderEncoding(String prefix, BiFunction<String, String, JsonNode> encoder) {
    this.prefix = prefix;
    this.encoder = encoder;
  }

  /** The encoding a placeholder names ({@code ""} for none). */
  static PlaceholderEncoding named(String prefix) {
    for (PlaceholderEncoding encoding : values()) {
      if (encoding.prefix.equals(prefix)) {
        return encoding;
      }
    }
    throw new IllegalArgumentException("no placeholder encoding " + prefix);
  }

  /**
   * The value of option {@code option} as it goes into the event: text, or for the JSON encodings a
   * JSON value.
   */
  JsonNode apply(String option, String value) {
    return encoder.apply(option, value);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Python's {@code urllib.parse.quote(text)}: everything but {@code A-Za-z0-9_.-~/} is %-encoded.
   */
  private static String urlQuote(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : utf8(text)) {
      char c = (char) (b & 0xFF);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "_.-~/".indexOf(c) >= 0) {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xFF));
      }
    }
    return out.toString();
  }

  private static String md5(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(utf8(text)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has MD5", e);
    }
  }

  private static JsonNode jsonObject(String option, String text) {
    ObjectNode value = parseObject(text);
    if (value == null) {
      throw new LocalSamException(
          "--" + option + " must be a JSON object, like {\"key\": \"value\"}, not: " + text);
    }
    return value;
  }

  /** The JSON object {@code text} is, or null when it is another JSON value or not JSON at all. */
  static ObjectNode parseObject(String text) {
    try {
      return JSON.readTree(text) instanceof ObjectNode object ? object : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }
}
