package io.localsam.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.localsam.error.LocalSamException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code --querystringparameters} of {@code apigateway aws-proxy}, in either form: a JSON object,
 * as SAM CLI 1.153.1+ takes it ({@code {"a": "1", "b": "2"}}), or LocalSAM's earlier query string
 * ({@code a=1&b=2&b=3}). Text that starts with <code>{</code> is JSON; anything else must be a
 * query string, which has no spaces and no JSON-like start, so neither form can be taken for the
 * other.
 */
final class QueryStringParameters {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  // what a query string never holds (spaces come %20 or +), and the starts of JSON that is not an
  // object
  private static final Pattern NOT_A_QUERY_STRING = Pattern.compile("\\s|^[\\[\"]");

  /**
   * Each name's values in order; a JSON object's values stay as written (a number stays a number,
   * as in SAM). Null when the option is empty: the event then has no query, where <code>{}</code>
   * gives empty maps.
   */
  private final Map<String, List<JsonNode>> values;

  private QueryStringParameters(Map<String, List<JsonNode>> values) {
    this.values = values;
  }

  /**
   * @throws LocalSamException when the text is neither a JSON object of plain values nor a query
   *     string
   */
  static QueryStringParameters parse(String text) {
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      return new QueryStringParameters(null);
    }
    return trimmed.startsWith("{") ? fromJson(text) : fromQueryString(trimmed);
  }

  /**
   * {@code queryStringParameters}: each name's last value, as API Gateway keeps it; null when there
   * are none.
   */
  JsonNode single() {
    if (values == null) {
      return NullNode.instance;
    }
    ObjectNode single = NODES.objectNode();
    values.forEach((name, list) -> single.set(name, list.get(list.size() - 1)));
    return single;
  }

  /**
   * {@code multiValueQueryStringParameters}: every value of each name; null when there are none.
   */
  JsonNode multi() {
    if (values == null) {
      return NullNode.instance;
    }
    ObjectNode multi = NODES.objectNode();
    values.forEach((name, list) -> multi.set(name, NODES.arrayNode().addAll(list)));
    return multi;
  }

  private static QueryStringParameters fromJson(String text) {
    ObjectNode object = PlaceholderEncoding.parseObject(text);
    if (object == null) {
      throw refused(text);
    }
    Map<String, List<JsonNode>> values = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      JsonNode value = field.getValue();
      if (!value.isTextual() && !value.isNumber() && !value.isBoolean()) {
        throw refused(text);
      }
      values.put(field.getKey(), List.of(value));
    }
    return new QueryStringParameters(values);
  }

  private static QueryStringParameters fromQueryString(String text) {
    if (NOT_A_QUERY_STRING.matcher(text).find()) {
      throw refused(text);
    }
    Map<String, List<JsonNode>> values = new LinkedHashMap<>();
    for (String pair : text.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      if (equals == 0) { // =value: a value without a name
        throw refused(text);
      }
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      values.computeIfAbsent(name, n -> new ArrayList<>()).add(TextNode.valueOf(value));
    }
    return new QueryStringParameters(values.isEmpty() ? null : values);
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) { // a % not followed by two hex digits: kept as typed
      return text;
    }
  }

  private static LocalSamException refused(String text) {
    return new LocalSamException(
        "--querystringparameters takes a JSON object of names to values, like"
            + " {\"foo\": \"bar\"}, or a query string, like foo=bar&x=1; not: "
            + text);
  }
}
