package io.localsam.template;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code parameter_overrides} of the {@code samconfig.toml} beside a template, as SAM CLI's
 * {@code default} config environment gives them. They rank below {@code --parameter-overrides}.
 *
 * <p>Read from {@code [default.global.parameters]}, then {@code [default.deploy.parameters]}, then
 * {@code [default.local_start_api.parameters]}; a later table wins key by key. The value is a string of
 * {@code Key=Value} or {@code ParameterKey=Key,ParameterValue=Value} items separated by spaces (quotes
 * keep a value with spaces together), or a list of such items.
 *
 * <p>The TOML reader is deliberately small: tables, bare and quoted (dotted) keys, basic and literal
 * strings (single and multi-line), arrays, comments; other values (numbers, booleans, dates, inline
 * tables) are skipped over as text.
 */
public final class SamConfig {
  public static final String FILE_NAME = "samconfig.toml";
  static final List<String> TABLES = List.of(
      "default.global.parameters", "default.deploy.parameters", "default.local_start_api.parameters");

  private final Path file;
  private final String text;
  private int position;
  private int line = 1;
  private int lineStart;

  private SamConfig(Path file, String text) {
    this.file = file;
    this.text = text;
  }

  /** The overrides of the {@code samconfig.toml} in the template's folder; empty when there is none. */
  public static Map<String, String> parameterOverrides(Path template) {
    Path config = template.toAbsolutePath().normalize().resolveSibling(FILE_NAME);
    if (!Files.isRegularFile(config)) {
      return Map.of();
    }
    String text;
    try {
      text = Files.readString(config, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw TemplateException.at(SourceLocation.of(config), "cannot be read: " + e.getMessage());
    }
    return parameterOverrides(config, text);
  }

  static Map<String, String> parameterOverrides(Path config, String text) {
    Map<String, Map<String, Value>> tables = new SamConfig(config, text).read();
    Map<String, String> overrides = new LinkedHashMap<>();
    for (String table : TABLES) {
      Value value = tables.getOrDefault(table, Map.of()).get("parameter_overrides");
      if (value == null) {
        continue;
      }
      if (value.value() instanceof List<?> items) {
        for (Object item : items) {
          pair(item.toString(), value.where(), overrides);
        }
      } else if (value.value() instanceof String string && value.string()) {
        for (String token : ParameterOverrides.tokens(string)) {
          pair(token, value.where(), overrides);
        }
      } else {
        throw TemplateException.at(value.where(), "parameter_overrides must be a string (\"Key=Value Key2=Value2\") or a"
            + " list of \"Key=Value\" strings");
      }
    }
    return overrides;
  }

  private static void pair(String token, SourceLocation where, Map<String, String> overrides) {
    String problem = ParameterOverrides.add(token, overrides);
    if (problem != null) {
      throw TemplateException.at(where, "parameter_overrides: " + problem);
    }
  }

  // ---- a minimal TOML reader

  /** A value and where it was written; {@code string} tells a quoted string from other scalars. */
  private record Value(Object value, boolean string, SourceLocation where) {}

  private Map<String, Map<String, Value>> read() {
    Map<String, Map<String, Value>> tables = new LinkedHashMap<>();
    String table = "";
    while (true) {
      skipBlank(true);
      if (position >= text.length()) {
        return tables;
      }
      if (peek() == '[') {
        boolean arrayTable = text.startsWith("[[", position);
        position += arrayTable ? 2 : 1;
        skipBlank(false);
        table = key();
        skipBlank(false);
        expect(arrayTable ? "]]" : "]");
        endOfLine();
        continue;
      }
      SourceLocation where = here();
      String key = key();
      skipBlank(false);
      expect("=");
      skipBlank(false);
      Value value = value(where);
      String fullTable = key.contains(".") ? (table.isEmpty() ? "" : table + ".") + key.substring(0, key.lastIndexOf('.')) : table;
      String name = key.contains(".") ? key.substring(key.lastIndexOf('.') + 1) : key;
      tables.computeIfAbsent(fullTable, t -> new LinkedHashMap<>()).put(name, value);
      endOfLine();
    }
  }

  private String key() {
    StringBuilder key = new StringBuilder();
    while (true) {
      char c = peek();
      if (c == '"' || c == '\'') {
        key.append(c == '"' ? basic() : literal());
      } else {
        int start = position;
        while (position < text.length() && (Character.isLetterOrDigit(peek()) || peek() == '_' || peek() == '-')) {
          position++;
        }
        if (start == position) {
          throw error("expected a key");
        }
        key.append(text, start, position);
      }
      skipBlank(false);
      if (peek() != '.') {
        return key.toString();
      }
      position++;
      key.append('.');
      skipBlank(false);
    }
  }

  private Value value(SourceLocation where) {
    char c = peek();
    if (text.startsWith("\"\"\"", position)) {
      return new Value(multiline("\"\"\""), true, where);
    }
    if (text.startsWith("'''", position)) {
      return new Value(multiline("'''"), true, where);
    }
    if (c == '"') {
      return new Value(basic(), true, where);
    }
    if (c == '\'') {
      return new Value(literal(), true, where);
    }
    if (c == '[') {
      position++;
      List<Object> items = new ArrayList<>();
      while (true) {
        skipBlank(true);
        if (peek() == ']') {
          position++;
          return new Value(items, false, where);
        }
        items.add(value(here()).value());
        skipBlank(true);
        if (peek() == ',') {
          position++;
        } else if (peek() != ']') {
          throw error("expected , or ] in an array");
        }
      }
    }
    if (c == '{') {
      int depth = 0;
      do {
        char d = next();
        depth += d == '{' ? 1 : d == '}' ? -1 : 0;
      } while (depth > 0);
      return new Value(null, false, where);
    }
    int start = position;
    while (position < text.length() && ",]#\n\r".indexOf(peek()) < 0) {
      position++;
    }
    String raw = text.substring(start, position).strip();
    if (raw.isEmpty()) {
      throw error("expected a value");
    }
    return new Value(raw, false, where);
  }

  private String basic() {
    expect("\"");
    StringBuilder out = new StringBuilder();
    while (true) {
      if (peek() == '\n' || peek() == '\r' || position >= text.length()) {
        throw error("a \"string\" must end on its line");
      }
      char c = next();
      if (c == '"') {
        return out.toString();
      }
      out.append(c == '\\' ? escape() : String.valueOf(c));
    }
  }

  private String escape() {
    char c = next();
    return switch (c) {
      case 'n' -> "\n";
      case 't' -> "\t";
      case 'r' -> "\r";
      case 'b' -> "\b";
      case 'f' -> "\f";
      case '"' -> "\"";
      case '\\' -> "\\";
      case 'u', 'U' -> {
        int length = c == 'u' ? 4 : 8;
        if (position + length > text.length()) {
          throw error("a \\" + c + " escape needs " + length + " hex digits");
        }
        String hex = text.substring(position, position + length);
        position += length;
        try {
          yield new String(Character.toChars(Integer.parseInt(hex, 16)));
        } catch (IllegalArgumentException e) {
          throw error("invalid escape \\" + c + hex);
        }
      }
      default -> throw error("invalid escape \\" + c);
    };
  }

  private String literal() {
    expect("'");
    int end = text.indexOf('\'', position);
    int newline = text.indexOf('\n', position);
    if (end < 0 || (newline >= 0 && newline < end)) {
      throw error("a 'string' must end on its line");
    }
    String value = text.substring(position, end);
    position = end + 1;
    return value;
  }

  private String multiline(String delimiter) {
    position += 3;
    if (peek() == '\r') {
      position++;
    }
    if (peek() == '\n') {
      newLine();
    }
    StringBuilder out = new StringBuilder();
    while (!text.startsWith(delimiter, position)) {
      char c = next();
      if (c == '\\' && delimiter.equals("\"\"\"")) {
        if (peek() == '\n' || peek() == '\r' || peek() == ' ') { // line-ending backslash: trim what follows
          while (position < text.length() && Character.isWhitespace(peek())) {
            next();
          }
          continue;
        }
        out.append(escape());
      } else {
        out.append(c);
      }
    }
    position += 3;
    return out.toString();
  }

  private void skipBlank(boolean newlines) {
    while (position < text.length()) {
      char c = peek();
      if (c == '#') {
        while (position < text.length() && peek() != '\n') {
          position++;
        }
      } else if (c == ' ' || c == '\t' || c == '\r' || c == '\uFEFF') {
        position++;
      } else if (c == '\n' && newlines) {
        next();
      } else {
        return;
      }
    }
  }

  private void endOfLine() {
    skipBlank(false);
    if (position < text.length() && peek() != '\n') {
      throw error("unexpected text after the value");
    }
  }

  private void expect(String token) {
    if (!text.startsWith(token, position)) {
      throw error("expected " + token);
    }
    position += token.length();
  }

  private char peek() {
    return position < text.length() ? text.charAt(position) : '\0';
  }

  private char next() {
    if (position >= text.length()) {
      throw error("unexpected end of file");
    }
    char c = text.charAt(position++);
    if (c == '\n') {
      line++;
      lineStart = position;
    }
    return c;
  }

  private void newLine() {
    next();
  }

  private SourceLocation here() {
    return new SourceLocation(file, line, position - lineStart + 1);
  }

  private TemplateException error(String problem) {
    return TemplateException.at(here(), "invalid TOML: " + problem);
  }
}
