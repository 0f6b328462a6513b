package io.localsam.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sample event's template: a JSON resource under {@code events/} whose string values hold <code>
 * ${option}</code> or <code>${ENCODING:option}</code> placeholders ({@link PlaceholderEncoding}).
 * Placeholders are filled in the parsed tree, not in the text, so a value with quotes or
 * backslashes stays one string; a placeholder that is a whole value may become a JSON object (the
 * query maps).
 */
final class SampleEventTemplate {
  // floats kept as written (1428537600.0, 0.23), as Python prints them
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();
  // "$default" and "$LATEST" in the samples are values, not placeholders
  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\$\\{(?:([a-z0-9-]+):)?([A-Za-z0-9-]+)}");

  private SampleEventTemplate() {}

  /**
   * The event of {@code template} (a path under {@code events/}) with each option's value filled
   * in.
   */
  static JsonNode render(String template, Map<String, String> options) {
    return fill(load(template), template, options);
  }

  private static JsonNode load(String template) {
    try (InputStream in = SampleEventTemplate.class.getResourceAsStream("events/" + template)) {
      if (in == null) {
        throw new IllegalStateException("no sample event template events/" + template);
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode fill(JsonNode node, String template, Map<String, String> options) {
    if (node instanceof ObjectNode object) {
      object
          .properties()
          .forEach(field -> field.setValue(fill(field.getValue(), template, options)));
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        array.set(i, fill(array.get(i), template, options));
      }
    } else if (node.isTextual()) {
      return fillText(node.asText(), template, options);
    }
    return node;
  }

  private static JsonNode fillText(String text, String template, Map<String, String> options) {
    Matcher placeholder = PLACEHOLDER.matcher(text);
    if (placeholder.matches()) {
      return value(placeholder, template, options);
    }
    StringBuilder filled = new StringBuilder();
    while (placeholder.find()) {
      JsonNode value = value(placeholder, template, options);
      if (!value.isTextual()) {
        throw new IllegalStateException(
            template
                + ": "
                + placeholder.group()
                + " gives JSON, not text, so it must be the whole value");
      }
      placeholder.appendReplacement(filled, Matcher.quoteReplacement(value.asText()));
    }
    placeholder.appendTail(filled);
    return TextNode.valueOf(filled.toString());
  }

  private static JsonNode value(Matcher placeholder, String template, Map<String, String> options) {
    String option = placeholder.group(2);
    String value = options.get(option);
    if (value == null) {
      throw new IllegalStateException(
          template + " names " + placeholder.group() + ", which is no option of its event type");
    }
    return PlaceholderEncoding.named(placeholder.group(1) == null ? "" : placeholder.group(1))
        .apply(option, value);
  }
}
