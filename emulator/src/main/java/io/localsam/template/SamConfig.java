package io.localsam.template;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * <p>The file is read with {@link Toml}; values other than these overrides are not looked at.
 */
public final class SamConfig {
  public static final String FILE_NAME = "samconfig.toml";
  static final List<String> TABLES = List.of(
      "default.global.parameters", "default.deploy.parameters", "default.local_start_api.parameters");

  private SamConfig() {}

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
    Map<String, Map<String, Toml.Value>> tables = Toml.read(config, text);
    Map<String, String> overrides = new LinkedHashMap<>();
    for (String table : TABLES) {
      Toml.Value value = tables.getOrDefault(table, Map.of()).get("parameter_overrides");
      if (value == null) {
        continue;
      }
      if (value.value() instanceof List<?> items) {
        for (Object item : items) {
          pair(String.valueOf(((Toml.Value) item).value()), value.where(), overrides);
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
}
