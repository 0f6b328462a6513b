package io.localsam.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The {@code AWS::LanguageExtensions} transform, run as CloudFormation runs it: before anything
 * else reads the template. It expands {@code Fn::ForEach} in {@code Conditions}, {@code Resources}
 * (properties included) and {@code Outputs}, and resolves the intrinsics it allows where plain
 * CloudFormation wants a name: a resource's {@code Condition}, and the target of {@code Ref} and
 * {@code Fn::GetAtt} ({@code !Ref {Fn::Sub: "${Prefix}Subnet"}}). {@code Fn::Length}, {@code
 * Fn::ToJsonString} and {@code Fn::FindInMap}'s {@code DefaultValue} are ordinary intrinsics here
 * (see {@link Intrinsics}); an intrinsic {@code DeletionPolicy} or {@code UpdateReplacePolicy} is
 * accepted and, like the plain ones, has no local effect.
 *
 * <p>A template with {@code Fn::ForEach} that does not declare the transform is refused, as
 * CloudFormation refuses it.
 */
final class LanguageExtensions {
  static final String TRANSFORM = "AWS::LanguageExtensions";
  private static final List<String> SECTIONS = List.of("Conditions", "Resources", "Outputs");

  private LanguageExtensions() {}

  /**
   * The document with the transform applied; the document itself when it does not declare the
   * transform.
   *
   * @param parameters the parameters' values (lists for list types), for collections and resolved
   *     names
   * @param pseudo the pseudo parameters' local values
   */
  static TemplateDocument apply(
      TemplateDocument document,
      Map<String, Object> parameters,
      Map<String, Object> pseudo,
      Consumer<String> warn) {
    if (!declared(document.root().get("Transform"))) {
      refuseLoops(document);
      return document;
    }
    Set<String> declaredResources =
        document.root().get("Resources") instanceof Map<?, ?> resources
            ? Intrinsics.<Map<String, Object>>cast(resources).keySet()
            : Set.of();
    Intrinsics collections = resolver(document, parameters, pseudo, warn);
    ForEach loops =
        new ForEach(
            document,
            parameters.keySet(),
            declaredResources,
            value -> collections.resolve(value, "Fn::ForEach collection"));
    Map<String, Object> root = new LinkedHashMap<>(document.root());
    for (String section : SECTIONS) {
      loops.checkDeclarations(root.get(section));
    }
    for (String section : SECTIONS) {
      if (root.get(section) instanceof Map<?, ?> map) {
        root.put(section, loops.expand(Intrinsics.cast(map), section));
      }
    }
    TemplateDocument expanded = document.withRoot(root);
    Intrinsics names = resolver(expanded, parameters, pseudo, warn);
    if (root.get("Resources") instanceof Map<?, ?> resources) {
      Map<String, Object> section = Intrinsics.cast(resources);
      section
          .keySet()
          .forEach(
              id -> {
                if (loops.isLoopName(id)) {
                  throw TemplateException.at(
                      expanded.locate(section.get(id)),
                      "resource "
                          + id
                          + " has the name of a Fn::ForEach"
                          + " loop; a loop's name must differ from every logical id");
                }
              });
      section.values().forEach(resource -> conditionName(resource, names, expanded));
    }
    for (String section : SECTIONS) {
      resolveNames(root.get(section), names);
    }
    return expanded;
  }

  /** True when {@code Transform} (a name or a list of names) includes the language extensions. */
  static boolean declared(Object transform) {
    return TRANSFORM.equals(transform)
        || transform instanceof List<?> list && list.contains(TRANSFORM);
  }

  /**
   * Intrinsics over what exists before the transform: parameters and pseudo parameters, no
   * resources.
   */
  private static Intrinsics resolver(
      TemplateDocument document,
      Map<String, Object> parameters,
      Map<String, Object> pseudo,
      Consumer<String> warn) {
    String region = (String) pseudo.get("AWS::Region");
    String account = (String) pseudo.get("AWS::AccountId");
    return new Intrinsics(
        document, parameters, pseudo, new ResourceIndex(Map.of(), region, account), warn);
  }

  private static void refuseLoops(TemplateDocument document) {
    for (String section : SECTIONS) {
      Object loop = firstLoop(document.root().get(section));
      if (loop != null) {
        throw TemplateException.at(
            document.locate(loop),
            "Fn::ForEach needs the "
                + TRANSFORM
                + " transform (Transform: ["
                + TRANSFORM
                + ", AWS::Serverless-2016-10-31]); CloudFormation refuses the template without it");
      }
    }
  }

  /** The first loop found (its list, which knows its line, or the map holding it), or null. */
  private static Object firstLoop(Object value) {
    if (value instanceof List<?> list) {
      for (Object item : list) {
        Object found = firstLoop(item);
        if (found != null) {
          return found;
        }
      }
    } else if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (entry.getKey() instanceof String key && ForEach.isLoop(key)) {
          return entry.getValue() instanceof List<?> ? entry.getValue() : map;
        }
        Object found = firstLoop(entry.getValue());
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /**
   * A resource's {@code Condition} written as an intrinsic: its name, or none for {@code
   * AWS::NoValue}.
   */
  private static void conditionName(Object resource, Intrinsics names, TemplateDocument document) {
    if (!(resource instanceof Map<?, ?> raw)
        || !(raw.get("Condition") instanceof Map<?, ?> expression)) {
      return;
    }
    Map<String, Object> map = Intrinsics.cast(raw);
    Object name = names.resolve(expression, "Condition");
    if (name == Intrinsics.NO_VALUE) {
      map.remove("Condition");
    } else if (name instanceof String text) {
      map.put("Condition", text);
    } else {
      throw TemplateException.at(
          document.locate(expression),
          "a resource's Condition must resolve to the name of a" + " condition");
    }
  }

  /**
   * {@code Ref} and {@code Fn::GetAtt} whose target is an intrinsic get the name it resolves to.
   */
  private static void resolveNames(Object value, Intrinsics names) {
    if (value instanceof List<?> list) {
      list.forEach(item -> resolveNames(item, names));
      return;
    }
    if (!(value instanceof Map<?, ?> raw)) {
      return;
    }
    Map<String, Object> map = Intrinsics.cast(raw);
    if (map.size() == 1 && map.get("Ref") instanceof Map<?, ?> target) {
      map.put("Ref", Scalars.text(names.resolve(target, "Ref")));
      return;
    }
    if (map.size() == 1
        && map.get("Fn::GetAtt") instanceof List<?> parts
        && parts.size() == 2
        && parts.get(0) instanceof Map<?, ?> target) {
      List<Object> resolved = Intrinsics.cast(parts);
      resolved.set(0, Scalars.text(names.resolve(target, "Fn::GetAtt")));
    }
    map.values().forEach(item -> resolveNames(item, names));
  }
}
