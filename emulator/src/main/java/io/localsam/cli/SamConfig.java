package io.localsam.cli;

import io.localsam.LocalSamException;
import io.localsam.template.TemplateException;
import io.localsam.template.Toml;
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
 * defaults, {@code [ENV.global.parameters]} applying to every command. Read with the template's
 * {@link Toml} reader, the one {@code parameter_overrides} are read with; values are kept as the text a
 * command-line argument would give.
 */
final class SamConfig {
  static final String DEFAULT_FILE = "samconfig.toml";
  static final String DEFAULT_ENV = "default";

  private final Map<String, Map<String, String>> tables;

  private SamConfig(Map<String, Map<String, String>> tables) {
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
    Map<String, Map<String, Toml.Value>> toml;
    try {
      toml = Toml.read(file, text);
    } catch (TemplateException e) {
      throw new LocalSamException(e.getMessage() + " (samconfig files are TOML)");
    }
    Map<String, Map<String, String>> tables = new LinkedHashMap<>();
    toml.forEach((table, values) -> {
      Map<String, String> texts = new LinkedHashMap<>();
      values.forEach((key, value) -> texts.put(key, text(file, value)));
      tables.put(table, texts);
    });
    return new SamConfig(tables);
  }

  /** A command's option values in {@code env} ({@code local_invoke}, ...): the global table, then the command's own. */
  Map<String, String> parameters(String env, String command) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String table : List.of(env + ".global.parameters", env + "." + command + ".parameters")) {
      values.putAll(tables.getOrDefault(table, Map.of()));
    }
    return values;
  }

  /**
   * A value as a command-line argument would give it: an array's items joined by spaces, numbers and
   * booleans as written. A bare word that is none of these is an error, as it is to TOML.
   */
  private static String text(Path file, Toml.Value value) {
    if (value.string()) {
      return (String) value.value();
    }
    if (value.value() instanceof List<?> items) {
      List<String> texts = new ArrayList<>();
      items.forEach(item -> texts.add(text(file, (Toml.Value) item)));
      return String.join(" ", texts);
    }
    if (value.value() == null) {
      throw unreadable(file, value, "inline tables are not supported");
    }
    String word = (String) value.value();
    if (word.equals("true") || word.equals("false")) {
      return word;
    }
    String digits = word.replace("_", "");
    if (digits.matches("[+-]?\\d+")) {
      return Long.valueOf(digits).toString();
    }
    if (digits.matches("[+-]?\\d+(\\.\\d+)?([eE][+-]?\\d+)?")) {
      return digits; // kept as written: samconfig's only float is its version
    }
    throw unreadable(file, value, "cannot read the value '" + word + "' (strings need quotes)");
  }

  private static LocalSamException unreadable(Path file, Toml.Value value, String problem) {
    return new LocalSamException(file + ":" + value.where().line() + ": " + problem + " (samconfig files are TOML)");
  }
}
