package io.localsam.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The template's {@code Parameters}: each takes its override, else its {@code Default}, and is
 * checked against its constraints as CloudFormation checks it at deploy time. An error names the
 * parameter, the value, and where the value came from.
 */
final class Parameters {
  private static final Set<String> TYPES =
      Set.of("String", "Number", "List<Number>", "CommaDelimitedList");

  private Parameters() {}

  /** The declared parameter names, for telling overrides that name nothing. */
  static Set<String> declared(TemplateDocument document) {
    return document.root().get("Parameters") instanceof Map<?, ?> map
        ? Intrinsics.<Map<String, Object>>cast(map).keySet()
        : Set.of();
  }

  /**
   * @param overrides values given for this stack
   * @param sources where each override came from ("--parameter-overrides", "samconfig.toml", ...)
   */
  static Map<String, Object> resolve(
      TemplateDocument document,
      Map<String, String> overrides,
      Map<String, String> sources,
      Consumer<String> warnings) {
    Object section = document.root().get("Parameters");
    if (section != null && !(section instanceof Map<?, ?>)) {
      throw TemplateException.at(
          document.locate(document.root()), "Parameters must be a mapping of parameter names");
    }
    Map<String, Object> declared =
        section instanceof Map<?, ?> map ? Intrinsics.cast(map) : Map.of();
    Map<String, Object> values = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : declared.entrySet()) {
      String name = entry.getKey();
      if (!(entry.getValue() instanceof Map<?, ?> raw)) {
        throw TemplateException.at(
            document.locate(declared), "parameter " + name + " must be a mapping with a Type");
      }
      Map<String, Object> definition = Intrinsics.cast(raw);
      SourceLocation where = document.locate(definition);
      if (!(definition.get("Type") instanceof String type)) {
        throw TemplateException.at(
            where, "parameter " + name + " needs a Type (String, Number, CommaDelimitedList, ...)");
      }
      if (!TYPES.contains(type) && !type.startsWith("AWS::") && !type.startsWith("List<AWS::")) {
        throw TemplateException.at(
            where,
            "parameter "
                + name
                + " has an unknown Type '"
                + type
                + "' (CloudFormation knows String, Number, List<Number>, CommaDelimitedList and the AWS-specific types)");
      }
      String value;
      String source;
      if (overrides.containsKey(name)) {
        value = overrides.get(name);
        source = sources.getOrDefault(name, "--parameter-overrides");
      } else if (definition.containsKey("Default")) {
        value = Scalars.text(definition.get("Default"));
        source = "its Default";
      } else {
        throw TemplateException.at(
            where,
            "parameter "
                + name
                + " has no Default and no value; pass --parameter-overrides "
                + name
                + "=VALUE");
      }
      if (type.startsWith("AWS::SSM::Parameter::")) {
        warnings.accept(
            "parameter "
                + name
                + " ("
                + type
                + ") is not looked up in SSM; '"
                + value
                + "' is used as its value");
      }
      check(name + " = '" + value + "' (from " + source + ")", type, value, definition, where);
      values.put(
          name,
          type.equals("CommaDelimitedList") || type.startsWith("List<") ? list(value) : value);
    }
    return values;
  }

  private static List<Object> list(String value) {
    List<Object> items = new ArrayList<>();
    if (!value.isEmpty()) {
      for (String item : value.split(",", -1)) {
        items.add(item.strip());
      }
    }
    return items;
  }

  private static void check(
      String name,
      String type,
      String value,
      Map<String, Object> definition,
      SourceLocation where) {
    if (definition.get("AllowedValues") instanceof List<?> allowed) {
      List<String> texts = allowed.stream().map(Scalars::text).toList();
      List<String> given =
          type.equals("CommaDelimitedList")
              ? list(value).stream().map(Object::toString).toList()
              : List.of(value);
      for (String item : given) {
        if (!texts.contains(item)) {
          throw TemplateException.at(
              where,
              "parameter " + name + ": '" + item + "' is not one of its AllowedValues " + texts);
        }
      }
    }
    if (definition.get("AllowedPattern") instanceof String pattern) {
      try {
        if (!Pattern.compile(pattern).matcher(value).matches()) {
          throw TemplateException.at(
              where,
              "parameter "
                  + name
                  + " does not match its AllowedPattern "
                  + pattern
                  + constraintDescription(definition));
        }
      } catch (PatternSyntaxException e) {
        throw TemplateException.at(
            where, "parameter " + name + " has an invalid AllowedPattern: " + e.getDescription());
      }
    }
    Integer minLength = Scalars.integer(definition.get("MinLength"));
    Integer maxLength = Scalars.integer(definition.get("MaxLength"));
    if (minLength != null && value.length() < minLength) {
      throw TemplateException.at(
          where,
          "parameter "
              + name
              + " is shorter than its MinLength "
              + minLength
              + constraintDescription(definition));
    }
    if (maxLength != null && value.length() > maxLength) {
      throw TemplateException.at(
          where,
          "parameter "
              + name
              + " is longer than its MaxLength "
              + maxLength
              + constraintDescription(definition));
    }
    if (type.equals("Number") || type.equals("List<Number>")) {
      for (Object item : type.equals("Number") ? List.<Object>of(value) : list(value)) {
        double number;
        try {
          number = Double.parseDouble(item.toString());
        } catch (NumberFormatException e) {
          throw TemplateException.at(
              where,
              "parameter "
                  + name
                  + ": '"
                  + item
                  + "' is not a number, and the parameter's Type is "
                  + type);
        }
        Object min = definition.get("MinValue");
        Object max = definition.get("MaxValue");
        if (min != null && number < Double.parseDouble(Scalars.text(min))) {
          throw TemplateException.at(
              where, "parameter " + name + " is below its MinValue " + Scalars.text(min));
        }
        if (max != null && number > Double.parseDouble(Scalars.text(max))) {
          throw TemplateException.at(
              where, "parameter " + name + " is above its MaxValue " + Scalars.text(max));
        }
      }
    }
  }

  private static String constraintDescription(Map<String, Object> definition) {
    return definition.get("ConstraintDescription") instanceof String d ? " (" + d + ")" : "";
  }
}
