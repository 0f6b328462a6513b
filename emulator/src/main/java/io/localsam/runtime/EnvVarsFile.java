package io.localsam.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.localsam.config.ParameterOverrides;
import io.localsam.error.LocalSamException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An {@code --env-vars} file in SAM CLI's shape: {@code {"Parameters": {...}}} for every function
 * and {@code {"FunctionId": {...}}} for one, the function's entry winning. A file that is not JSON
 * is read as {@code KEY=VALUE} lines and applies to every function, as SAM does.
 */
public final class EnvVarsFile {
  public static final EnvVarsFile NONE = new EnvVarsFile(Map.of());

  private final Map<String, Map<String, String>> sections;

  private EnvVarsFile(Map<String, Map<String, String>> sections) {
    this.sections = sections;
  }

  public static EnvVarsFile read(Path file) {
    if (file == null) {
      return NONE;
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new LocalSamException("--env-vars file " + file + " cannot be read: " + e.getMessage());
    }
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(text);
    } catch (JsonProcessingException e) {
      return new EnvVarsFile(Map.of("Parameters", dotEnv(text)));
    }
    if (root == null || !root.isObject()) {
      throw new LocalSamException(
          "--env-vars file " + file + ": environment variables must be a JSON object of objects");
    }
    Map<String, Map<String, String>> sections = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> section = it.next();
      if (!section.getValue().isObject()) {
        throw new LocalSamException(
            "--env-vars file "
                + file
                + ": environment variables for '"
                + section.getKey()
                + "' are in incorrect format (expected an object of NAME: value)");
      }
      Map<String, String> values = new LinkedHashMap<>();
      section
          .getValue()
          .fields()
          .forEachRemaining(
              e -> values.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
      sections.put(section.getKey(), values);
    }
    return new EnvVarsFile(sections);
  }

  private static Map<String, String> dotEnv(String text) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String line : text.split("\\R")) {
      String trimmed = line.strip();
      int equals = trimmed.indexOf('=');
      if (trimmed.isEmpty() || trimmed.startsWith("#") || equals <= 0) {
        continue;
      }
      values.put(
          trimmed.substring(0, equals).strip(),
          ParameterOverrides.unquote(trimmed.substring(equals + 1).strip()));
    }
    return values;
  }

  /**
   * This file with {@code functions}' variables (by logical id or FunctionName) over each
   * function's own entry.
   */
  public EnvVarsFile with(Map<String, Map<String, String>> functions) {
    if (functions.isEmpty()) {
      return this;
    }
    Map<String, Map<String, String>> merged = new LinkedHashMap<>(sections);
    functions.forEach(
        (function, variables) -> {
          Map<String, String> entry = new LinkedHashMap<>(merged.getOrDefault(function, Map.of()));
          entry.putAll(variables);
          merged.put(function, entry);
        });
    return new EnvVarsFile(merged);
  }

  /**
   * The variables for one function: {@code Parameters}, then its own entry (by logical id, else
   * FunctionName).
   */
  Map<String, String> forFunction(String logicalId, String functionName) {
    Map<String, String> values = new LinkedHashMap<>(sections.getOrDefault("Parameters", Map.of()));
    Map<String, String> own = sections.get(logicalId);
    if (own == null && functionName != null) {
      own = sections.get(functionName);
    }
    if (own != null) {
      values.putAll(own);
    }
    return values;
  }
}
