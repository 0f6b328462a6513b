package io.localsam.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates CloudFormation's intrinsic functions and conditions with the values a local run has:
 * parameters, SAM CLI's local pseudo parameters, and logical ids for resources (as SAM CLI does).
 *
 * <p>What cannot be known locally gives a warning naming the resource and property, and a
 * placeholder:
 *
 * <ul>
 *   <li>{@code Fn::ImportValue}: the export name itself;
 *   <li>{@code Fn::GetAtt} of an attribute with no local value: the text {@code
 *       Resource.Attribute};
 *   <li>{@code Fn::GetStackOutput}, an IPv6 {@code Fn::Cidr}, a non-local {@code AWS::Include} and
 *       other transforms: left unresolved, so a property that needs a string reads it as empty (and
 *       {@code Fn::Join}, {@code Fn::Select}, {@code Fn::Split} over such a value stay unresolved
 *       too).
 * </ul>
 *
 * {@code Fn::Transform} of {@code AWS::Include} with a local {@code Location} reads that file (YAML
 * or JSON, relative to the template) and resolves the intrinsics in it, as CloudFormation does.
 */
final class Intrinsics {

  /** {@code Ref: AWS::NoValue}: the enclosing property or list item disappears. */
  static final Object NO_VALUE =
      new Object() {
        @Override
        public String toString() {
          return "AWS::NoValue";
        }
      };

  private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

  /**
   * Made on first use: only Fn::ToJsonString needs it, and Jackson is a fifth of reading a
   * template.
   */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  private final TemplateDocument document;
  private final Map<String, Object> parameters;
  private final Map<String, Object> pseudo;
  private final ResourceIndex resources;
  private final Map<String, Object> conditions;
  private final Map<String, Boolean> conditionValues = new HashMap<>();
  private final LinkedHashSet<String> evaluating = new LinkedHashSet<>();
  private final Consumer<String> warnings;
  private final Path folder;

  Intrinsics(
      TemplateDocument document,
      Map<String, Object> parameters,
      Map<String, Object> pseudo,
      ResourceIndex resources,
      Consumer<String> warnings) {
    this.document = document;
    this.folder = document.file().toAbsolutePath().getParent();
    this.parameters = parameters;
    this.pseudo = pseudo;
    this.resources = resources;
    this.warnings = warnings;
    Object declared = document.root().get("Conditions");
    this.conditions = declared instanceof Map<?, ?> map ? cast(map) : Map.of();
  }

  /** Resolves every intrinsic in a value; {@code where} names the property for warnings. */
  Object resolve(Object value, String where) {
    if (value instanceof Map<?, ?> raw) {
      Map<String, Object> map = cast(raw);
      if (map.size() == 1) {
        String key = map.keySet().iterator().next();
        if (key.equals("Ref") || key.startsWith("Fn::")) {
          return call(key, map.get(key), map, where);
        }
      }
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<String, Object> entry : map.entrySet()) {
        Object resolved = resolve(entry.getValue(), where + "." + entry.getKey());
        if (resolved != NO_VALUE) {
          out.put(entry.getKey(), resolved);
        }
      }
      document.relocate(out, map);
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object item : list) {
        Object resolved = resolve(item, where);
        if (resolved != NO_VALUE) {
          out.add(resolved);
        }
      }
      document.relocate(out, list);
      return out;
    }
    return value;
  }

  /** The value of a named condition from the {@code Conditions} section. */
  boolean condition(String name, Object usedAt) {
    Boolean known = conditionValues.get(name);
    if (known != null) {
      return known;
    }
    if (!conditions.containsKey(name)) {
      throw TemplateException.at(
          document.locate(usedAt), "condition '" + name + "' is not defined in Conditions");
    }
    if (!evaluating.add(name)) {
      List<String> chain = new ArrayList<>(evaluating);
      chain = chain.subList(chain.indexOf(name), chain.size());
      chain.add(name);
      Object definition = conditions.get(name);
      throw TemplateException.at(
          document.locate(definition instanceof Map<?, ?> ? definition : conditions),
          "condition '" + name + "' depends on itself: " + String.join(" -> ", chain));
    }
    boolean value = conditionExpression(conditions.get(name), "Conditions." + name);
    evaluating.remove(name);
    conditionValues.put(name, value);
    return value;
  }

  private boolean conditionExpression(Object expression, String where) {
    if (expression instanceof Map<?, ?> raw && raw.size() == 1) {
      Map<String, Object> map = cast(raw);
      String key = map.keySet().iterator().next();
      Object argument = map.get(key);
      switch (key) {
        case "Condition" -> {
          return condition(Scalars.text(argument), map);
        }
        case "Fn::Equals" -> {
          List<Object> pair = arguments(key, argument, 2, map);
          return Scalars.text(resolve(pair.get(0), where))
              .equals(Scalars.text(resolve(pair.get(1), where)));
        }
        case "Fn::Not" -> {
          return !conditionExpression(arguments(key, argument, 1, map).get(0), where);
        }
        case "Fn::And", "Fn::Or" -> {
          if (!(argument instanceof List<?> items) || items.isEmpty()) {
            throw TemplateException.at(document.locate(map), key + " needs a list of conditions");
          }
          boolean and = key.equals("Fn::And");
          for (Object item : items) {
            if (conditionExpression(item, where) != and) {
              return !and;
            }
          }
          return and;
        }
        default -> {
          Object value = resolve(map, where);
          if (value instanceof Boolean b) {
            return b;
          }
        }
      }
    }
    if (expression instanceof Boolean b) {
      return b;
    }
    if (expression instanceof String s
        && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
      return Boolean.parseBoolean(s);
    }
    throw TemplateException.at(
        document.locate(expression), where + " is not a condition (Fn::Equals, Fn::And, ...)");
  }

  private Object call(String function, Object argument, Map<String, Object> node, String where) {
    switch (function) {
      case "Ref" -> {
        return ref(Scalars.text(argument), node, where);
      }
      case "Fn::GetAtt" -> {
        List<Object> parts =
            argument instanceof String dotted
                ? List.of(
                    dotted.substring(0, Math.max(0, dotted.indexOf('.'))),
                    dotted.substring(dotted.indexOf('.') + 1))
                : arguments(function, argument, 2, node);
        return getAtt(
            Scalars.text(parts.get(0)), Scalars.text(resolve(parts.get(1), where)), node, where);
      }
      case "Fn::Sub" -> {
        return sub(argument, node, where);
      }
      case "Fn::Join" -> {
        List<Object> args = arguments(function, argument, 2, node);
        Object items = resolve(args.get(1), where);
        if (Scalars.isIntrinsic(items) || containsUnresolved(items)) {
          return node; // an argument has no local value (already warned about): so has the result
        }
        if (!(items instanceof List<?> list)) {
          throw TemplateException.at(
              document.locate(node), "Fn::Join needs a list of values to join");
        }
        List<String> texts = new ArrayList<>();
        for (Object item : list) {
          texts.add(Scalars.text(item));
        }
        return String.join(Scalars.text(resolve(args.get(0), where)), texts);
      }
      case "Fn::Select" -> {
        List<Object> args = arguments(function, argument, 2, node);
        Integer index = Scalars.integer(resolve(args.get(0), where));
        Object items = resolve(args.get(1), where);
        if (Scalars.isIntrinsic(items)) {
          return node; // the list has no local value (already warned about)
        }
        if (index == null
            || !(items instanceof List<?> list)
            || index < 0
            || index >= list.size()) {
          throw TemplateException.at(
              document.locate(node), "Fn::Select index " + args.get(0) + " is outside the list");
        }
        return list.get(index);
      }
      case "Fn::Split" -> {
        List<Object> args = arguments(function, argument, 2, node);
        String delimiter = Scalars.text(resolve(args.get(0), where));
        Object sourceValue = resolve(args.get(1), where);
        if (Scalars.isIntrinsic(sourceValue)) {
          return node;
        }
        String source = Scalars.text(sourceValue);
        if (delimiter.isEmpty()) {
          throw TemplateException.at(
              document.locate(node), "Fn::Split needs a non-empty delimiter");
        }
        return new ArrayList<Object>(List.of(source.split(Pattern.quote(delimiter), -1)));
      }
      case "Fn::If" -> {
        List<Object> args = arguments(function, argument, 3, node);
        return resolve(
            condition(Scalars.text(args.get(0)), node) ? args.get(1) : args.get(2), where);
      }
      case "Fn::Equals", "Fn::And", "Fn::Or", "Fn::Not" -> {
        return conditionExpression(node, where);
      }
      case "Fn::FindInMap" -> {
        return findInMap(argument, node, where);
      }
      case "Fn::Base64" -> {
        String text = Scalars.text(resolve(argument, where));
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
      }
      case "Fn::GetAZs" -> {
        String region = Scalars.text(resolve(argument, where));
        if (region.isEmpty()) {
          region = Scalars.text(pseudo.get("AWS::Region"));
        }
        return availabilityZones(region);
      }
      case "Fn::ImportValue" -> {
        String name = Scalars.text(resolve(argument, where));
        warnings.accept(
            where
                + ": Fn::ImportValue '"
                + name
                + "' cannot be resolved locally (no deployed stacks); the export name is used as the value");
        return name;
      }
      case "Fn::Length" -> {
        Object items = resolve(argument, where);
        if (!(items instanceof List<?> list)) {
          throw TemplateException.at(document.locate(node), "Fn::Length needs a list");
        }
        return list.size();
      }
      case "Fn::ToJsonString" -> {
        try {
          return Json.MAPPER.writeValueAsString(resolve(argument, where));
        } catch (JsonProcessingException e) {
          throw TemplateException.at(
              document.locate(node), "Fn::ToJsonString: " + e.getOriginalMessage());
        }
      }
      case "Fn::Transform" -> {
        return transform(argument, node, where);
      }
      case "Fn::Cidr" -> {
        List<Object> args = arguments(function, argument, 3, node);
        List<Object> subnets =
            Cidr.subnets(
                Scalars.text(resolve(args.get(0), where)),
                Scalars.integer(resolve(args.get(1), where)),
                Scalars.integer(resolve(args.get(2), where)));
        if (subnets == null) {
          warnings.accept(
              where
                  + ": Fn::Cidr "
                  + Scalars.text(resolve(args.get(0), where))
                  + " is not an IPv4 block LocalSAM can split; the property is left unresolved");
          return node;
        }
        return subnets;
      }
      case "Fn::GetStackOutput" -> {
        warnings.accept(
            where + ": " + function + " is not emulated; the property is left unresolved");
        return node;
      }
      default ->
          throw TemplateException.at(
              document.locate(node), "unknown intrinsic function " + function);
    }
  }

  /**
   * {@code Fn::Transform}: {@code AWS::Include} of a local file; anything else is left as written.
   */
  private Object transform(Object argument, Map<String, Object> node, String where) {
    Map<String, Object> spec = argument instanceof Map<?, ?> m ? cast(m) : Map.of();
    String name = Scalars.text(resolve(spec.get("Name"), where));
    if (!name.equals("AWS::Include")) {
      warnings.accept(
          where
              + ": Fn::Transform "
              + (name.isEmpty() ? "without a Name" : name)
              + " is not emulated; the property is left unresolved");
      return node;
    }
    Map<String, Object> parameters =
        spec.get("Parameters") instanceof Map<?, ?> m ? cast(m) : Map.of();
    String location = Scalars.text(resolve(parameters.get("Location"), where));
    if (location.isEmpty()) {
      throw TemplateException.at(document.locate(node), "AWS::Include needs Parameters.Location");
    }
    if (Stack.remote(location)) {
      warnings.accept(
          where
              + ": AWS::Include of "
              + location
              + " is not read (only local files are); the property is left unresolved");
      return node;
    }
    Path file = Stack.file(folder, location);
    if (!Files.isRegularFile(file)) {
      throw TemplateException.at(
          document.locate(node),
          "AWS::Include Location '" + location + "' not found (looked for " + file + ")");
    }
    TemplateDocument included = TemplateReader.readSnippet(file);
    document.adopt(included);
    return resolve(included.root(), where);
  }

  private static boolean containsUnresolved(Object items) {
    return items instanceof List<?> list && list.stream().anyMatch(Scalars::isIntrinsic);
  }

  /**
   * {@code Fn::GetAZs}: three zones named after the region, as a local stand-in for the account's
   * list.
   */
  static List<Object> availabilityZones(String region) {
    return new ArrayList<Object>(List.of(region + "a", region + "b", region + "c"));
  }

  private Object ref(String name, Object node, String where) {
    if (parameters.containsKey(name)) {
      return parameters.get(name);
    }
    if (name.equals("AWS::NoValue")) {
      return NO_VALUE;
    }
    if (pseudo.containsKey(name)) {
      return pseudo.get(name);
    }
    if (resources.exists(name)) {
      String value =
          resources.refValue(name); // SAM CLI's local rule: a resource's Ref is its logical id ...
      return value != null ? value : name; // ... except aliases, which give an ARN
    }
    throw TemplateException.at(
        document.locate(node),
        where
            + ": Ref to '"
            + name
            + "', which is neither a parameter, a pseudo parameter nor a resource");
  }

  private Object getAtt(String resource, String attribute, Object node, String where) {
    if (!resources.exists(resource)) {
      throw TemplateException.at(
          document.locate(node),
          where
              + ": Fn::GetAtt of '"
              + resource
              + "."
              + attribute
              + "', but there is no resource '"
              + resource
              + "'");
    }
    String value = resources.attribute(resource, attribute);
    if (value == null) {
      warnings.accept(
          where
              + ": Fn::GetAtt "
              + resource
              + "."
              + attribute
              + " has no local value; '"
              + resource
              + "."
              + attribute
              + "' is used instead");
      return resource + "." + attribute;
    }
    return value;
  }

  private Object sub(Object argument, Map<String, Object> node, String where) {
    String text;
    Map<String, Object> variables = Map.of();
    if (argument instanceof List<?> list
        && list.size() == 2
        && list.get(1) instanceof Map<?, ?> vars) {
      text = Scalars.text(list.get(0));
      Map<String, Object> resolved = new HashMap<>();
      for (Map.Entry<String, Object> entry :
          Intrinsics.<Map<String, Object>>cast(vars).entrySet()) {
        resolved.put(entry.getKey(), resolve(entry.getValue(), where));
      }
      variables = resolved;
    } else if (argument instanceof String s) {
      text = s;
    } else {
      throw TemplateException.at(
          document.locate(node), "Fn::Sub needs a string, or a list of a string and a map");
    }
    Matcher matcher = SUB_VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String name = matcher.group(1).strip();
      String replacement;
      if (name.startsWith("!")) {
        replacement = "${" + name.substring(1) + "}"; // ${!Literal} writes ${Literal}
      } else if (variables.containsKey(name)) {
        replacement = Scalars.text(variables.get(name));
      } else if (name.contains(".") && !parameters.containsKey(name)) {
        int dot = name.indexOf('.');
        replacement =
            Scalars.text(getAtt(name.substring(0, dot), name.substring(dot + 1), node, where));
      } else {
        replacement = Scalars.text(ref(name, node, where));
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private Object findInMap(Object argument, Map<String, Object> node, String where) {
    List<Object> args = argument instanceof List<?> list ? cast(list) : List.of();
    if (args.size() != 3 && args.size() != 4) {
      throw TemplateException.at(
          document.locate(node), "Fn::FindInMap needs [MapName, TopLevelKey, SecondLevelKey]");
    }
    String mapName = Scalars.text(resolve(args.get(0), where));
    String top = Scalars.text(resolve(args.get(1), where));
    String second = Scalars.text(resolve(args.get(2), where));
    Object mappings = document.root().get("Mappings");
    Object value = null;
    if (mappings instanceof Map<?, ?> all
        && all.get(mapName) instanceof Map<?, ?> map
        && map.get(top) instanceof Map<?, ?> entries) {
      value = entries.get(second);
    }
    if (value == null) {
      if (args.size() == 4
          && args.get(3) instanceof Map<?, ?> options
          && options.containsKey("DefaultValue")) {
        return resolve(options.get("DefaultValue"), where);
      }
      throw TemplateException.at(
          document.locate(node),
          "Fn::FindInMap: Mappings has no " + mapName + "." + top + "." + second);
    }
    return resolve(value, where);
  }

  private List<Object> arguments(String function, Object argument, int count, Object node) {
    if (!(argument instanceof List<?> list) || list.size() != count) {
      throw TemplateException.at(
          document.locate(node), function + " needs a list of " + count + " values");
    }
    return cast(list);
  }

  @SuppressWarnings("unchecked")
  static <T> T cast(Object value) {
    return (T) value;
  }
}
