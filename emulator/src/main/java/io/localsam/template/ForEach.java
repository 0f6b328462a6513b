package io.localsam.template;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Expands {@code Fn::ForEach::LoopName: [Identifier, Collection, {OutputKey: OutputValue}]} as the
 * {@code AWS::LanguageExtensions} transform does: once per item of the collection, the fragment is
 * copied with {@code ${Identifier}} (the item), {@code &{Identifier}} (the item without its
 * non-alphanumeric characters) and {@code Ref: Identifier} replaced, in keys and values, and merged
 * into the map that held the loop. Loops nest up to {@link #MAX_DEPTH} deep.
 *
 * <p>CloudFormation refuses, and so does this: a loop that is not a list of three, an identifier
 * that is also a parameter, a resource or an enclosing loop's identifier, a loop name used twice or
 * also a parameter, a collection that is not a list of strings, and a key produced twice.
 */
final class ForEach {
  static final String PREFIX = "Fn::ForEach::";

  /** CloudFormation's limit on loops inside loops. */
  static final int MAX_DEPTH = 5;

  private final TemplateDocument document;
  private final Set<String> parameters;
  private final Set<String> resources;
  private final Function<Object, Object> collections;
  private final Map<String, Object> loopNames = new HashMap<>();

  /**
   * @param parameters the template's parameter names
   * @param resources the logical ids the template declares outside any loop
   * @param collections resolves a collection's intrinsics ({@code Ref} to a list parameter, {@code
   *     Fn::Split}, ...)
   */
  ForEach(
      TemplateDocument document,
      Set<String> parameters,
      Set<String> resources,
      Function<Object, Object> collections) {
    this.document = document;
    this.parameters = parameters;
    this.resources = resources;
    this.collections = collections;
  }

  static boolean isLoop(String key) {
    return key.startsWith(PREFIX);
  }

  /**
   * Checks the loops of a section as written (names used once, nesting depth) before any is
   * expanded.
   */
  void checkDeclarations(Object section) {
    declarations(section, 0);
  }

  /** True when a loop declared in the template is named {@code name}. */
  boolean isLoopName(String name) {
    return loopNames.containsKey(name);
  }

  /**
   * The section with every loop in it expanded, at any depth; {@code name} is the section's, for
   * messages.
   */
  Map<String, Object> expand(Map<String, Object> section, String name) {
    return expandMap(section, name, List.of());
  }

  private void declarations(Object value, int depth) {
    if (value instanceof List<?> list) {
      list.forEach(item -> declarations(item, depth));
      return;
    }
    if (!(value instanceof Map<?, ?> raw)) {
      return;
    }
    Map<String, Object> map = Intrinsics.cast(raw);
    for (Map.Entry<String, Object> entry : map.entrySet()) {
      if (!isLoop(entry.getKey())) {
        declarations(entry.getValue(), depth);
        continue;
      }
      String loop = entry.getKey().substring(PREFIX.length());
      SourceLocation where =
          document.locate(entry.getValue() instanceof List<?> ? entry.getValue() : map);
      if (depth + 1 > MAX_DEPTH) {
        throw TemplateException.at(
            where,
            entry.getKey()
                + " is loop "
                + (depth + 1)
                + " inside loops: CloudFormation"
                + " nests Fn::ForEach at most "
                + MAX_DEPTH
                + " deep");
      }
      Object earlier = loopNames.putIfAbsent(loop, entry.getValue());
      if (earlier != null) {
        throw TemplateException.at(
            where,
            "loop name '"
                + loop
                + "' is used twice (also at "
                + document.locate(earlier)
                + "); each Fn::ForEach needs a name of its own in the template");
      }
      if (parameters.contains(loop)) {
        throw TemplateException.at(
            where, "loop name '" + loop + "' is also the name of a parameter");
      }
      if (entry.getValue() instanceof List<?> parts && parts.size() == 3) {
        declarations(parts.get(2), depth + 1);
      }
    }
  }

  private Map<String, Object> expandMap(
      Map<String, Object> map, String where, List<String> identifiers) {
    Map<String, Object> out = new LinkedHashMap<>();
    document.relocate(out, map);
    for (Map.Entry<String, Object> entry : map.entrySet()) {
      String key = entry.getKey();
      if (!isLoop(key)) {
        put(
            out,
            key,
            expandValue(entry.getValue(), where + "." + key, identifiers),
            map,
            where,
            null);
        continue;
      }
      Loop loop = loop(key, entry.getValue(), map, identifiers);
      List<String> inner = new ArrayList<>(identifiers);
      inner.add(loop.identifier());
      for (String item : loop.items()) {
        Object copy = substitute(loop.fragment(), loop.identifier(), item);
        Map<String, Object> expanded = expandMap(Intrinsics.cast(copy), where, inner);
        expanded.forEach(
            (generated, value) -> put(out, generated, value, loop.declaration(), where, key));
      }
    }
    return out;
  }

  private Object expandValue(Object value, String where, List<String> identifiers) {
    if (value instanceof Map<?, ?> map) {
      return expandMap(Intrinsics.cast(map), where, identifiers);
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(item -> out.add(expandValue(item, where, identifiers)));
      document.relocate(out, list);
      return out;
    }
    return value;
  }

  /**
   * Adds one key; a key already there is CloudFormation's "duplicate" error, at the loop that made
   * it.
   */
  private void put(
      Map<String, Object> out, String key, Object value, Object at, String where, String loop) {
    if (out.containsKey(key)) {
      throw TemplateException.at(
          document.locate(at),
          (loop == null ? "'" + key + "'" : loop + " makes '" + key + "', which")
              + " is declared twice in "
              + where
              + " after Fn::ForEach is expanded; each key must be unique");
    }
    out.put(key, value);
  }

  /** One loop, checked, with its collection resolved to the strings the identifier takes. */
  private record Loop(
      String identifier, List<String> items, Map<String, Object> fragment, Object declaration) {}

  private Loop loop(
      String key, Object value, Map<String, Object> holder, List<String> identifiers) {
    if (!(value instanceof List<?> parts)
        || parts.size() != 3
        || !(parts.get(2) instanceof Map<?, ?> fragment)) {
      throw TemplateException.at(
          document.locate(value instanceof List<?> ? value : holder),
          key + " must be a list of three: [Identifier, Collection, {OutputKey: OutputValue}]");
    }
    SourceLocation where = document.locate(value);
    if (!(parts.get(0) instanceof String identifier) || identifier.isEmpty()) {
      throw TemplateException.at(
          where, key + ": the identifier (first item) must be a non-empty string");
    }
    if (parameters.contains(identifier)) {
      throw TemplateException.at(
          where, key + ": identifier '" + identifier + "' is also the name of a parameter");
    }
    if (resources.contains(identifier)) {
      throw TemplateException.at(
          where, key + ": identifier '" + identifier + "' is also the logical id of a resource");
    }
    if (identifiers.contains(identifier)) {
      throw TemplateException.at(
          where,
          key
              + ": identifier '"
              + identifier
              + "' is already the identifier of an enclosing"
              + " Fn::ForEach");
    }
    return new Loop(identifier, items(key, parts.get(1), where), Intrinsics.cast(fragment), value);
  }

  private List<String> items(String key, Object collection, SourceLocation where) {
    if (collection instanceof Map<?, ?> call
        && (call.containsKey("Fn::GetAtt") || call.containsKey("Fn::ImportValue"))) {
      throw TemplateException.at(
          where,
          key
              + ": the collection uses "
              + call.keySet().iterator().next()
              + ", whose value"
              + " exists only after deployment; CloudFormation expands Fn::ForEach before any resource exists (use a"
              + " CommaDelimitedList parameter)");
    }
    Object resolved = collections.apply(collection);
    if (!(resolved instanceof List<?> list)) {
      throw TemplateException.at(
          where,
          key
              + ": the collection must be a list (written out, or a Ref to a"
              + " CommaDelimitedList or List<...> parameter), not "
              + describe(resolved));
    }
    List<String> items = new ArrayList<>(list.size());
    for (Object item : list) {
      if (!(item instanceof String || item instanceof Number || item instanceof Boolean)) {
        throw TemplateException.at(
            where, key + ": the collection's items must be strings, not " + describe(item));
      }
      items.add(Scalars.text(item));
    }
    return items;
  }

  private static String describe(Object value) {
    if (value instanceof Map<?, ?> map) {
      return map.size() == 1 ? "an unresolved " + map.keySet().iterator().next() : "a mapping";
    }
    if (value instanceof List<?>) {
      return "a list";
    }
    return value == null ? "nothing" : "'" + Scalars.text(value) + "'";
  }

  /**
   * A copy of {@code value} with the identifier replaced by {@code item}; copies keep the
   * original's location.
   */
  private Object substitute(Object value, String identifier, String item) {
    if (value instanceof String text) {
      return text.replace("${" + identifier + "}", item)
          .replace("&{" + identifier + "}", item.replaceAll("[^A-Za-z0-9]", ""));
    }
    if (value instanceof Map<?, ?> raw) {
      Map<String, Object> map = Intrinsics.cast(raw);
      if (map.size() == 1 && identifier.equals(map.get("Ref"))) {
        return item;
      }
      Map<String, Object> copy = new LinkedHashMap<>();
      for (Map.Entry<String, Object> entry : map.entrySet()) {
        String key = (String) substitute(entry.getKey(), identifier, item);
        if (copy.containsKey(key)) {
          throw TemplateException.at(
              document.locate(map),
              "'"
                  + key
                  + "' is declared twice after Fn::ForEach replaces"
                  + " ${"
                  + identifier
                  + "} with '"
                  + item
                  + "'");
        }
        copy.put(key, substitute(entry.getValue(), identifier, item));
      }
      document.relocate(copy, map);
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(element -> copy.add(substitute(element, identifier, item)));
      document.relocate(copy, list);
      return copy;
    }
    return value;
  }
}
