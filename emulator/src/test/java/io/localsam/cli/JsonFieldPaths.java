package io.localsam.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An event's field set, values left out: every path, like {@code requestContext.identity.sourceIp}
 * or {@code Records[].body}.
 */
final class JsonFieldPaths {
  private JsonFieldPaths() {}

  static Set<String> of(JsonNode node) {
    Set<String> paths = new TreeSet<>();
    collect(node, "", paths);
    return paths;
  }

  private static void collect(JsonNode node, String prefix, Set<String> paths) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
        paths.add(path);
        collect(field.getValue(), path, paths);
      }
    } else if (node.isArray()) {
      node.forEach(item -> collect(item, prefix + "[]", paths));
    }
  }
}
