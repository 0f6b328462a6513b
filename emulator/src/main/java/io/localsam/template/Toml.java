package io.localsam.template;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The small part of TOML that {@code samconfig.toml} files use, read with the line and column of every
 * value: tables, bare and quoted (dotted) keys, basic and literal strings (single and multi-line),
 * arrays, comments. Other scalars (numbers, booleans, dates) keep their text for the caller to judge,
 * and inline tables are skipped over.
 */
public final class Toml {
  private final Path file;
  private final String text;
  private int position;
  private int line = 1;
  private int lineStart;

  private Toml(Path file, String text) {
    this.file = file;
    this.text = text;
  }

  /**
   * A value and where it was written. {@code string} tells a quoted string from other scalars, which keep
   * their text as written; an array holds {@code Value}s; an inline table is skipped over and is null.
   */
  public record Value(Object value, boolean string, SourceLocation where) {}

  /**
   * The file's tables by dotted name ({@code ""} for the top level), each a map of keys to values;
   * dotted keys land in their own tables.
   *
   * @throws TemplateException naming the line and column of what is not TOML
   */
  public static Map<String, Map<String, Value>> read(Path file, String text) {
    return new Toml(file, text).tables();
  }

  private Map<String, Map<String, Value>> tables() {
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
        items.add(value(here()));
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
