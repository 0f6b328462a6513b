package io.localsam.junit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Per-function environment variables, handed to the engine as an {@code --env-vars} file in SAM's
 * shape ({@code {"FunctionId": {"VAR": "value"}}}) merged over the user's own file.
 * TODO: pass them through {@code EmulatorOptions} once the facade has a per-function option.
 */
final class EnvVarsFile {

  private static final ObjectMapper JSON = new ObjectMapper();

  private EnvVarsFile() {}

  /**
   * The file the engine should read: {@code userFile} itself (maybe {@code null}) when there is
   * nothing to add, else a new temporary file the caller deletes.
   */
  static Path merge(Path userFile, Map<String, Map<String, String>> functionEnvironment) throws IOException {
    if (functionEnvironment.isEmpty()) {
      return userFile;
    }
    ObjectNode root = userFile == null ? JSON.createObjectNode() : read(userFile);
    functionEnvironment.forEach((function, vars) -> {
      ObjectNode entry = root.get(function) instanceof ObjectNode existing ? existing : root.putObject(function);
      vars.forEach(entry::put);
    });
    Path merged = Files.createTempFile("localsam-env-vars-", ".json");
    merged.toFile().deleteOnExit(); // in case the run is killed before the store closes
    JSON.writerWithDefaultPrettyPrinter().writeValue(merged.toFile(), root);
    return merged;
  }

  /** SAM reads a file that is not JSON as {@code .env} lines for every function; keep that meaning. */
  private static ObjectNode read(Path file) throws IOException {
    String text = Files.readString(file);
    try {
      JsonNode node = JSON.readTree(text);
      if (node instanceof ObjectNode object) {
        return object;
      }
      throw new IOException("expected a JSON object at the top");
    } catch (JsonProcessingException notJson) {
      ObjectNode root = JSON.createObjectNode();
      ObjectNode parameters = root.putObject("Parameters");
      for (String line : text.split("\\R")) {
        String trimmed = line.strip();
        int eq = trimmed.indexOf('=');
        if (!trimmed.startsWith("#") && eq > 0) {
          parameters.put(trimmed.substring(0, eq).strip(), unquote(trimmed.substring(eq + 1).strip()));
        }
      }
      return root;
    }
  }

  /** {@code KEY="a b"} means {@code a b}, as the engine reads such files. */
  private static String unquote(String value) {
    boolean quoted = value.length() >= 2
        && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"));
    return quoted ? value.substring(1, value.length() - 1) : value;
  }
}
