package io.localsam.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CloudFormation's check that every {@code Ref}, {@code Fn::GetAtt} and {@code ${...}} names
 * something that exists, done over the whole template before anything runs, so a typo fails at
 * start-up with its line instead of at the first request.
 */
final class ReferenceCheck {
  private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

  private final TemplateDocument document;
  private final Set<String> parameters;
  private final Set<String> pseudo;
  private final ResourceIndex resources;

  ReferenceCheck(
      TemplateDocument document,
      Set<String> parameters,
      Set<String> pseudo,
      ResourceIndex resources) {
    this.document = document;
    this.parameters = parameters;
    this.pseudo = pseudo;
    this.resources = resources;
  }

  void run() {
    for (String section : List.of("Conditions", "Resources", "Outputs")) {
      walk(document.root().get(section), Set.of());
    }
  }

  private void walk(Object value, Set<String> subVariables) {
    if (value instanceof List<?> list) {
      list.forEach(item -> walk(item, subVariables));
      return;
    }
    if (!(value instanceof Map<?, ?> raw)) {
      return;
    }
    Map<String, Object> map = Intrinsics.cast(raw);
    if (map.size() == 1) {
      String key = map.keySet().iterator().next();
      Object argument = map.get(key);
      if (key.equals("Ref") && argument instanceof String name) {
        if (!parameters.contains(name) && !pseudo.contains(name) && !resources.exists(name)) {
          throw TemplateException.at(
              document.locate(map),
              "Ref to '"
                  + name
                  + "', which is neither a parameter, a pseudo parameter nor a resource"
                  + nearest(name));
        }
        return;
      }
      if (key.equals("Fn::GetAtt")) {
        String resource =
            argument instanceof String dotted
                ? dotted.split("\\.", 2)[0]
                : argument instanceof List<?> parts
                        && !parts.isEmpty()
                        && parts.get(0) instanceof String first
                    ? first
                    : null;
        if (resource != null && !resources.exists(resource)) {
          throw TemplateException.at(
              document.locate(map),
              "Fn::GetAtt of '" + resource + "', which is not a resource" + nearest(resource));
        }
      }
      if (key.equals("Fn::Sub")) {
        sub(map, argument);
        return;
      }
    }
    map.values().forEach(item -> walk(item, subVariables));
  }

  /**
   * " (did you mean 'X'?)" for the closest declared name, when one is close enough to be a typo.
   */
  private String nearest(String name) {
    List<String> candidates = new ArrayList<>(parameters);
    candidates.addAll(pseudo);
    candidates.addAll(resources.ids());
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = distance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best != null && bestDistance <= Math.max(2, name.length() / 4)
        ? " (did you mean '" + best + "'?)"
        : "";
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  private void sub(Map<String, Object> node, Object argument) {
    String text = null;
    Set<String> variables = Set.of();
    if (argument instanceof String s) {
      text = s;
    } else if (argument instanceof List<?> list
        && list.size() == 2
        && list.get(0) instanceof String s
        && list.get(1) instanceof Map<?, ?> vars) {
      text = s;
      variables = Intrinsics.<Map<String, Object>>cast(vars).keySet();
      walk(vars, Set.of());
    }
    if (text == null) {
      return;
    }
    Matcher matcher = SUB_VARIABLE.matcher(text);
    while (matcher.find()) {
      String name = matcher.group(1).strip();
      if (name.startsWith("!")
          || variables.contains(name)
          || parameters.contains(name)
          || pseudo.contains(name)) {
        continue;
      }
      String resource = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
      if (!resources.exists(resource) && !resources.exists(name)) {
        throw TemplateException.at(
            document.locate(node),
            "Fn::Sub refers to ${"
                + name
                + "}, which is neither a parameter, a pseudo parameter nor a resource"
                + nearest(resource));
      }
    }
  }
}
