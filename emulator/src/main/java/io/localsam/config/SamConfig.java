package io.localsam.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.localsam.error.LocalSamException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A SAM CLI configuration file, read as SAM CLI reads it and for every setting alike: {@code
 * samconfig.toml}, {@code .yaml} or {@code .yml}, whose {@code ENV.COMMAND.parameters} tables hold
 * a command's option defaults and {@code ENV.global.parameters} those of every command; the
 * command's own table wins key by key. {@code parameter_overrides} is one such option, so it comes
 * from the same two tables as the rest. Values are kept as the text a command-line argument would
 * give.
 */
public final class SamConfig {
  /** The files SAM CLI looks for in the project folder when none is named, in its order. */
  public static final List<String> DEFAULT_FILES =
      List.of("samconfig.toml", "samconfig.yaml", "samconfig.yml");

  public static final String DEFAULT_ENV = "default";

  /** Made on first use: a project without a samconfig file does not wait for Jackson at start. */
  private static final class Toml {
    static final TomlMapper MAPPER = new TomlMapper();
  }

  private final Path file;
  private final Map<?, ?> document;

  private SamConfig(Path file, Map<?, ?> document) {
    this.file = file;
    this.document = document;
  }

  /** The first of {@link #DEFAULT_FILES} in {@code folder}, if any. */
  public static Optional<Path> find(Path folder) {
    return DEFAULT_FILES.stream().map(folder::resolve).filter(Files::isRegularFile).findFirst();
  }

  /**
   * Reads a TOML file, or YAML when its name ends in {@code .yaml} or {@code .yml}.
   *
   * @throws LocalSamException when it cannot be read or parsed, naming file, line and column
   */
  public static SamConfig read(Path file) {
    try {
      return parse(file, Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw at(file, 0, 0, "cannot be read: " + e.getMessage());
    }
  }

  static SamConfig parse(Path file, String text) {
    String name = file.getFileName().toString();
    return new SamConfig(
        file,
        name.endsWith(".yaml") || name.endsWith(".yml") ? yaml(file, text) : toml(file, text));
  }

  private static Map<?, ?> toml(Path file, String text) {
    try {
      return Toml.MAPPER.readValue(text, Map.class);
    } catch (JacksonException e) {
      JsonLocation at = e.getLocation();
      throw at(
          file,
          at == null ? 0 : at.getLineNr(),
          at == null ? 0 : at.getColumnNr(),
          e.getOriginalMessage() + " (samconfig files are TOML)");
    }
  }

  private static Map<?, ?> yaml(Path file, String text) {
    try {
      Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
      return document instanceof Map<?, ?> map ? map : Map.of();
    } catch (MarkedYAMLException e) {
      Mark at = e.getProblemMark();
      throw at(
          file,
          at == null ? 0 : at.getLine() + 1,
          at == null ? 0 : at.getColumn() + 1,
          e.getProblem());
    }
  }

  /**
   * "samconfig.toml:3:5: problem", as template errors name their place (no line or column when
   * unknown).
   */
  private static LocalSamException at(Path file, int line, int column, String problem) {
    String place =
        line <= 0
            ? file.toString()
            : column <= 0 ? file + ":" + line : file + ":" + line + ":" + column;
    return new LocalSamException(place + ": " + problem);
  }

  public Path file() {
    return file;
  }

  /**
   * A command's option values in {@code env} ({@code local_invoke}, ...): the global table, then
   * the command's own.
   */
  public Map<String, String> parameters(String env, String command) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String section : List.of("global", command)) {
      if (table(env, section) instanceof Map<?, ?> parameters) {
        parameters.forEach(
            (key, value) -> {
              String text = text(value);
              if (text != null) {
                values.put(key.toString(), text);
              }
            });
      }
    }
    return values;
  }

  /**
   * The {@code parameter_overrides} of a command in {@code env}, as pairs: both of SAM's forms, a
   * string split as a shell would or a list of pairs.
   *
   * @throws LocalSamException naming the file when a pair is malformed
   */
  public Map<String, String> parameterOverrides(String env, String command) {
    String overrides = parameters(env, command).get("parameter_overrides");
    if (overrides == null) {
      return Map.of();
    }
    try {
      return ParameterOverrides.parse(List.of(overrides));
    } catch (LocalSamException e) {
      throw new LocalSamException(
          file + ": " + e.getMessage().replace("--parameter-overrides", "parameter_overrides"));
    }
  }

  private Object table(String env, String section) {
    return document.get(env) instanceof Map<?, ?> commands
            && commands.get(section) instanceof Map<?, ?> tables
        ? tables.get("parameters")
        : null;
  }

  /**
   * A value as a command-line argument would give it: a list's items joined by spaces (an item with
   * a space in quotes, so it stays one), numbers and booleans as text; null for a table, which no
   * option takes.
   */
  private static String text(Object value) {
    if (value instanceof List<?> items) {
      List<String> texts = new ArrayList<>();
      for (Object item : items) {
        String text = text(item);
        if (text != null) {
          texts.add(text.matches(".*\\s.*") ? "\"" + text.replace("\"", "\\\"") + "\"" : text);
        }
      }
      return String.join(" ", texts);
    }
    return value == null || value instanceof Map<?, ?> ? null : value.toString();
  }
}
