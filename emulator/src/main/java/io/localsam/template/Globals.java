package io.localsam.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * SAM's {@code Globals} section, merged into resources by the SAM translator's rules: maps merge
 * key by key with the resource winning, lists are the global items then the resource's, anything
 * else (an intrinsic included) is taken from the resource when it has one.
 */
final class Globals {
  private static final Map<String, String> SECTIONS =
      Map.of(
          "Function", "AWS::Serverless::Function",
          "Api", "AWS::Serverless::Api",
          "HttpApi", "AWS::Serverless::HttpApi",
          "SimpleTable", "AWS::Serverless::SimpleTable",
          "LayerVersion", "AWS::Serverless::LayerVersion",
          "StateMachine", "AWS::Serverless::StateMachine",
          "CapacityProvider", "AWS::Serverless::CapacityProvider",
          "WebSocketApi", "AWS::Serverless::WebSocketApi");
  // Properties SAM refuses to take from Globals (README: "How faithful it is", "Template").
  private static final Map<String, Set<String>> NOT_GLOBAL =
      Map.of(
          "Function", Set.of("Role", "Policies", "FunctionName", "Events"),
          "Api", Set.of("StageName", "DefinitionBody"));
  // The only properties SAM takes from Globals.HttpApi (README: "How faithful it is", "Template").
  private static final Set<String> HTTP_API_GLOBALS =
      Set.of(
          "Auth",
          "AccessLogSettings",
          "StageVariables",
          "Tags",
          "CorsConfiguration",
          "DefaultRouteSettings",
          "Domain",
          "RouteSettings",
          "FailOnWarnings",
          "PropagateTags");

  private final Map<String, Map<String, Object>> sections = new LinkedHashMap<>();

  Globals(TemplateDocument document, Consumer<String> warnings) {
    if (!(document.root().get("Globals") instanceof Map<?, ?> raw)) {
      return;
    }
    Map<String, Object> globals = Intrinsics.cast(raw);
    for (Map.Entry<String, Object> entry : globals.entrySet()) {
      String section = entry.getKey();
      if (!SECTIONS.containsKey(section)) {
        throw TemplateException.at(
            document.locate(globals),
            "Globals has an unknown section '"
                + section
                + "' (SAM knows "
                + String.join(", ", SECTIONS.keySet().stream().sorted().toList())
                + ")");
      }
      if (!(entry.getValue() instanceof Map<?, ?> properties)) {
        throw TemplateException.at(
            document.locate(globals), "Globals." + section + " must be a mapping");
      }
      Map<String, Object> values = Intrinsics.cast(properties);
      for (String property : NOT_GLOBAL.getOrDefault(section, Set.of())) {
        if (values.containsKey(property)) {
          throw TemplateException.at(
              document.locate(values),
              "Globals."
                  + section
                  + "."
                  + property
                  + " is not supported: SAM does not allow "
                  + property
                  + " in Globals");
        }
      }
      if (section.equals("HttpApi")) {
        for (String property : values.keySet()) {
          if (!HTTP_API_GLOBALS.contains(property)) {
            throw TemplateException.at(
                document.locate(values),
                "Globals.HttpApi."
                    + property
                    + " is not supported: SAM takes only "
                    + String.join(", ", HTTP_API_GLOBALS.stream().sorted().toList())
                    + " from Globals.HttpApi");
          }
        }
      }
      sections.put(section, values);
    }
  }

  /**
   * The resource's properties with the matching Globals section merged in ({@code IgnoreGlobals}
   * honoured).
   */
  Map<String, Object> apply(String type, Map<String, Object> properties, Object ignoreGlobals) {
    String section = sectionFor(type);
    Map<String, Object> global = section == null ? null : sections.get(section);
    if (global == null || "*".equals(ignoreGlobals)) {
      return properties;
    }
    Map<String, Object> effective = new LinkedHashMap<>(global);
    if (ignoreGlobals instanceof List<?> ignored) {
      ignored.forEach(effective::remove);
    }
    return merge(effective, properties);
  }

  private static String sectionFor(String type) {
    for (Map.Entry<String, String> entry : SECTIONS.entrySet()) {
      if (entry.getValue().equals(type)) {
        return entry.getKey();
      }
    }
    return null;
  }

  static Map<String, Object> merge(Map<String, Object> global, Map<String, Object> local) {
    Map<String, Object> merged = new LinkedHashMap<>(global);
    for (Map.Entry<String, Object> entry : local.entrySet()) {
      merged.merge(entry.getKey(), entry.getValue(), Globals::mergeValue);
    }
    return merged;
  }

  private static Object mergeValue(Object global, Object local) {
    if (global instanceof Map<?, ?> g
        && local instanceof Map<?, ?> l
        && !Scalars.isIntrinsic(g)
        && !Scalars.isIntrinsic(l)) {
      return merge(Intrinsics.cast(g), Intrinsics.cast(l));
    }
    if (global instanceof List<?> g && local instanceof List<?> l) {
      List<Object> joined = new ArrayList<>(g);
      joined.addAll(l);
      return joined;
    }
    return local;
  }
}
