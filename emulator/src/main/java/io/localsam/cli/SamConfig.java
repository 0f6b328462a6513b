package io.localsam.cli;

import io.localsam.LocalSamException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code samconfig.toml} as SAM CLI reads it: {@code [ENV.COMMAND.parameters]} tables of option
 * defaults, {@code [ENV.global.parameters]} applying to every command. Only the TOML such files use is
 * read: tables, {@code key = value} with strings, numbers, booleans and arrays, and comments.
 */
final class SamConfig {
  static final String DEFAULT_FILE = "samconfig.toml";
  static final String DEFAULT_ENV = "default";

  private final Path file;
  private final Map<String, Map<String, Object>> tables;

  private SamConfig(Path file, Map<String, Map<String, Object>> tables) {
    this.file = file;
    this.tables = tables;
  }

  static SamConfig read(Path file) {
    try {
      return parse(file, Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new LocalSamException("Config file " + file + " could not be read: " + e.getMessage());
    }
  }

  static SamConfig parse(Path file, String text) {
    Map<String, Map<String, Object>> tables = new LinkedHashMap<>();
    String table = "";
    tables.put(table, new LinkedHashMap<>());
    String[] lines = text.split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      int number = i + 1;
      String line = withoutComment(lines[i]).strip();
      // an array may go on over several lines
      while (line.contains("=") && !balanced(line) && i + 1 < lines.length) {
        line = line + " " + withoutComment(lines[++i]).strip();
      }
      if (line.isEmpty()) {
        continue;
      }
      try {
        if (line.startsWith("[[")) {
          throw new IllegalArgumentException("arrays of tables are not supported");
        } else if (line.startsWith("[")) {
          if (!line.endsWith("]")) {
            throw new IllegalArgumentException("a table header needs a closing ]");
          }
          table = String.join(".", keys(line.substring(1, line.length() - 1)));
          tables.computeIfAbsent(table, t -> new LinkedHashMap<>());
        } else {
          int equals = assignment(line);
          List<String> key = keys(line.substring(0, equals));
          Value value = new Value(line.substring(equals + 1));
          Object parsed = value.read();
          value.end();
          String path = key.size() == 1 ? table : table + (table.isEmpty() ? "" : ".") + String.join(".", key.subList(0, key.size() - 1));
          tables.computeIfAbsent(path, t -> new LinkedHashMap<>()).put(key.get(key.size() - 1), parsed);
        }
      } catch (IllegalArgumentException e) {
        throw new LocalSamException(file + ":" + number + ": " + e.getMessage() + " (samconfig files are TOML)");
      }
    }
    return new SamConfig(file, tables);
  }

  Path file() {
    return file;
  }

  /** A command's option values in {@code env} ({@code local_invoke}, ...): the global table, then the command's own. */
  Map<String, String> parameters(String env, String command) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String table : List.of(env + ".global.parameters", env + "." + command + ".parameters")) {
      tables.getOrDefault(table, Map.of()).forEach((key, value) -> values.put(key, text(value)));
    }
    return values;
  }

  /** A value as a command-line argument would give it; an array's items are joined by spaces. */
  private static String text(Object value) {
    if (value instanceof List<?> list) {
      List<String> items = new ArrayList<>();
      list.forEach(item -> items.add(text(item)));
      return String.join(" ", items);
    }
    return String.valueOf(value);
  }

  private static String withoutComment(String line) {
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote == '"' && c == '\\') {
        i++;
      } else if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '#') {
        return line.substring(0, i);
      }
    }
    return line;
  }

  private static boolean balanced(String line) {
    int depth = 0;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote == '"' && c == '\\') {
        i++;
      } else if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '[') {
        depth++;
      } else if (c == ']') {
        depth--;
      }
    }
    return depth <= 0;
  }

  /** Where the key ends: the first {@code =} outside quotes. */
  private static int assignment(String line) {
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '=') {
        return i;
      }
    }
    throw new IllegalArgumentException("expected key = value");
  }

  /** A dotted key: bare parts ({@code a-z A-Z 0-9 _ -}) or quoted ones. */
  private static List<String> keys(String text) {
    List<String> parts = new ArrayList<>();
    Value reader = new Value(text);
    while (true) {
      reader.skipSpaces();
      char c = reader.peek();
      if (c == '"' || c == '\'') {
        parts.add((String) reader.read());
      } else {
        StringBuilder bare = new StringBuilder();
        while (reader.more() && (Character.isLetterOrDigit(reader.peek()) || reader.peek() == '_' || reader.peek() == '-')) {
          bare.append(reader.next());
        }
        if (bare.length() == 0) {
          throw new IllegalArgumentException("invalid key '" + text.strip() + "'");
        }
        parts.add(bare.toString());
      }
      reader.skipSpaces();
      if (!reader.more()) {
        return parts;
      }
      if (reader.next() != '.') {
        throw new IllegalArgumentException("invalid key '" + text.strip() + "'");
      }
    }
  }

  /** Reads one TOML value from text. */
  private static final class Value {
    private final String text;
    private int at;

    Value(String text) {
      this.text = text;
    }

    boolean more() {
      return at < text.length();
    }

    char peek() {
      return more() ? text.charAt(at) : 0;
    }

    char next() {
      return text.charAt(at++);
    }

    void skipSpaces() {
      while (more() && Character.isWhitespace(peek())) {
        at++;
      }
    }

    void end() {
      skipSpaces();
      if (more()) {
        throw new IllegalArgumentException("unexpected '" + text.substring(at).strip() + "' after the value");
      }
    }

    Object read() {
      skipSpaces();
      char c = peek();
      if (text.startsWith("\"\"\"", at) || text.startsWith("'''", at)) {
        throw new IllegalArgumentException("multi-line strings are not supported");
      }
      return switch (c) {
        case '"' -> basicString();
        case '\'' -> literalString();
        case '[' -> array();
        case '{' -> throw new IllegalArgumentException("inline tables are not supported");
        case 0 -> throw new IllegalArgumentException("a value is missing");
        default -> scalar();
      };
    }

    private String basicString() {
      at++;
      StringBuilder out = new StringBuilder();
      while (more()) {
        char c = next();
        if (c == '"') {
          return out.toString();
        }
        if (c != '\\') {
          out.append(c);
          continue;
        }
        char escape = more() ? next() : 0;
        switch (escape) {
          case '"', '\\', '/' -> out.append(escape);
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case 'u', 'U' -> {
            int length = escape == 'u' ? 4 : 8;
            if (at + length > text.length()) {
              throw new IllegalArgumentException("incomplete \\" + escape + " escape");
            }
            out.appendCodePoint(Integer.parseInt(text.substring(at, at + length), 16));
            at += length;
          }
          default -> throw new IllegalArgumentException("unknown escape \\" + escape);
        }
      }
      throw new IllegalArgumentException("a string has no closing quote");
    }

    private String literalString() {
      int end = text.indexOf('\'', at + 1);
      if (end < 0) {
        throw new IllegalArgumentException("a string has no closing quote");
      }
      String value = text.substring(at + 1, end);
      at = end + 1;
      return value;
    }

    private List<Object> array() {
      at++;
      List<Object> items = new ArrayList<>();
      while (true) {
        skipSpaces();
        if (peek() == ']') {
          at++;
          return items;
        }
        items.add(read());
        skipSpaces();
        char c = more() ? next() : 0;
        if (c == ']') {
          return items;
        }
        if (c != ',') {
          throw new IllegalArgumentException("expected , or ] in an array");
        }
      }
    }

    private Object scalar() {
      int start = at;
      while (more() && !Character.isWhitespace(peek()) && peek() != ',' && peek() != ']') {
        at++;
      }
      String word = text.substring(start, at);
      if (word.equals("true") || word.equals("false")) {
        return Boolean.valueOf(word);
      }
      String digits = word.replace("_", "");
      if (digits.matches("[+-]?\\d+")) {
        return Long.valueOf(digits);
      }
      if (digits.matches("[+-]?\\d+(\\.\\d+)?([eE][+-]?\\d+)?")) {
        return digits; // kept as written: samconfig's only float is its version
      }
      throw new IllegalArgumentException("cannot read the value '" + word + "' (strings need quotes)");
    }
  }
}
