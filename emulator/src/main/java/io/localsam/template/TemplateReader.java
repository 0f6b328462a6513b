package io.localsam.template;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a YAML or JSON template into a {@link TemplateDocument}. SnakeYAML composes the node tree
 * (which keeps line numbers); we build the values ourselves so CloudFormation's short-form tags
 * become their long form and every map and list keeps its location. JSON goes through Jackson,
 * which reports positions the same way.
 */
public final class TemplateReader {

  // CloudFormation's short forms; all but Ref, Condition and GetAtt map to "Fn::<Name>".
  private static final Set<String> FUNCTION_TAGS =
      Set.of(
          "Sub",
          "Join",
          "Select",
          "Split",
          "If",
          "Equals",
          "And",
          "Or",
          "Not",
          "FindInMap",
          "Base64",
          "GetAZs",
          "ImportValue",
          "Cidr",
          "Transform",
          "Length",
          "ToJsonString");

  private final Path file;
  private final IdentityHashMap<Object, SourceLocation> locations = new IdentityHashMap<>();

  private TemplateReader(Path file) {
    this.file = file;
  }

  public static TemplateDocument read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw TemplateException.notFound(file);
    } catch (IOException e) {
      throw TemplateException.at(SourceLocation.of(file), "cannot be read: " + e.getMessage());
    }
    return parse(file, text);
  }

  /**
   * Reads a file meant for inclusion ({@code AWS::Include}, {@code DefinitionUri}): any mapping
   * will do.
   */
  static TemplateDocument readSnippet(Path file) {
    return read(file);
  }

  static TemplateDocument parse(Path file, String text) {
    TemplateReader reader = new TemplateReader(file);
    Object root = looksLikeJson(file, text) ? reader.readJson(text) : reader.readYaml(text);
    if (!(root instanceof Map<?, ?> map)) {
      throw TemplateException.at(
          SourceLocation.of(file),
          "is not a template: expected a mapping (with a Resources section)");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> rootMap = (Map<String, Object>) map;
    return new TemplateDocument(file, rootMap, reader.locations);
  }

  private static boolean looksLikeJson(Path file, String text) {
    if (file.getFileName() != null && file.getFileName().toString().endsWith(".json")) {
      return true;
    }
    return text.stripLeading().startsWith("{");
  }

  // ---- YAML

  private Object readYaml(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(64 * 1024 * 1024);
    options.setNestingDepthLimit(200);
    Yaml yaml = new Yaml(options);
    try (Reader in = new StringReader(text)) {
      Node node = yaml.compose(in);
      if (node == null) {
        throw TemplateException.at(SourceLocation.of(file), "is empty");
      }
      return fromYaml(node, 0);
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
      if (e.getContext() != null && e.getProblem() != null) {
        problem = e.getProblem() + " (" + e.getContext() + ")";
      }
      throw TemplateException.at(at(mark), "invalid YAML: " + oneLine(problem));
    } catch (YAMLException e) {
      throw TemplateException.at(
          SourceLocation.of(file), "invalid YAML: " + oneLine(e.getMessage()));
    } catch (IOException e) {
      throw new IllegalStateException(e); // a StringReader does not fail
    }
  }

  private Object fromYaml(Node node, int depth) {
    if (depth > 200) {
      throw TemplateException.at(
          at(node.getStartMark()), "nested too deeply (or a recursive alias)");
    }
    String tag = node.getTag().getValue();
    if (tag.startsWith("!")) {
      return shortForm(tag.substring(1), node, depth);
    }
    if (node instanceof ScalarNode scalar) {
      return scalar(scalar);
    }
    if (node instanceof SequenceNode sequence) {
      List<Object> list = new ArrayList<>(sequence.getValue().size());
      locations.put(list, at(node.getStartMark()));
      for (Node item : sequence.getValue()) {
        list.add(fromYaml(item, depth + 1));
      }
      return list;
    }
    MappingNode mapping = (MappingNode) node;
    Map<String, Object> map = new LinkedHashMap<>();
    locations.put(map, at(node.getStartMark()));
    for (NodeTuple tuple : mapping.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
        throw TemplateException.at(
            at(tuple.getKeyNode().getStartMark()), "a mapping key must be a plain string");
      }
      if (map.containsKey(key.getValue())) {
        throw TemplateException.at(
            at(key.getStartMark()), "duplicate key '" + key.getValue() + "'");
      }
      map.put(key.getValue(), fromYaml(tuple.getValueNode(), depth + 1));
    }
    return map;
  }

  private Object shortForm(String name, Node node, int depth) {
    Object value;
    if (node instanceof ScalarNode scalar) {
      value = scalar.getValue();
    } else {
      value = fromYaml(withStandardTag(node), depth + 1);
    }
    Map<String, Object> longForm = new LinkedHashMap<>();
    locations.put(longForm, at(node.getStartMark()));
    if (name.equals("Ref") || name.equals("Condition")) {
      longForm.put(name, value);
    } else if (name.equals("GetAtt")) {
      if (value instanceof String dotted) {
        int dot = dotted.indexOf('.');
        if (dot <= 0 || dot == dotted.length() - 1) {
          throw TemplateException.at(
              at(node.getStartMark()), "!GetAtt needs Resource.Attribute, not '" + dotted + "'");
        }
        List<Object> parts =
            new ArrayList<>(List.of(dotted.substring(0, dot), dotted.substring(dot + 1)));
        locations.put(parts, at(node.getStartMark()));
        value = parts;
      }
      longForm.put("Fn::GetAtt", value);
    } else if (FUNCTION_TAGS.contains(name)) {
      longForm.put("Fn::" + name, value);
    } else {
      throw TemplateException.at(
          at(node.getStartMark()),
          "unknown tag !" + name + " (CloudFormation knows !Ref, !GetAtt, !Sub, !Join, !If, ... )");
    }
    return longForm;
  }

  private static Node withStandardTag(Node node) {
    node.setTag(node instanceof SequenceNode ? Tag.SEQ : Tag.MAP);
    return node;
  }

  private static Object scalar(ScalarNode node) {
    String text = node.getValue();
    Tag tag = node.getTag();
    try {
      if (tag.equals(Tag.NULL)) {
        return null;
      }
      if (tag.equals(Tag.BOOL)) {
        String lower = text.toLowerCase();
        return lower.equals("true")
            || lower.equals("yes")
            || lower.equals("on")
            || lower.equals("y");
      }
      if (tag.equals(Tag.INT)) {
        return integer(text);
      }
      if (tag.equals(Tag.FLOAT)) {
        String clean = text.replace("_", "");
        return switch (clean.toLowerCase()) {
          case ".inf", "+.inf" -> Double.POSITIVE_INFINITY;
          case "-.inf" -> Double.NEGATIVE_INFINITY;
          case ".nan" -> Double.NaN;
          default -> Double.parseDouble(clean);
        };
      }
    } catch (NumberFormatException e) {
      return text;
    }
    return text; // strings, and timestamps such as 2010-09-09, stay text as CloudFormation keeps
    // them
  }

  private static Object integer(String text) {
    String clean = text.replace("_", "");
    boolean negative = clean.startsWith("-");
    if (clean.startsWith("-") || clean.startsWith("+")) {
      clean = clean.substring(1);
    }
    BigInteger value;
    if (clean.startsWith("0x")) {
      value = new BigInteger(clean.substring(2), 16);
    } else if (clean.startsWith("0o")) {
      value = new BigInteger(clean.substring(2), 8);
    } else if (clean.startsWith("0b")) {
      value = new BigInteger(clean.substring(2), 2);
    } else {
      value = new BigInteger(clean);
    }
    if (negative) {
      value = value.negate();
    }
    if (value.bitLength() < 32) {
      return value.intValue();
    }
    return value.bitLength() < 64 ? (Object) value.longValue() : value;
  }

  private SourceLocation at(Mark mark) {
    return mark == null
        ? SourceLocation.of(file)
        : new SourceLocation(file, mark.getLine() + 1, mark.getColumn() + 1);
  }

  // ---- JSON

  private Object readJson(String text) {
    JsonFactory factory =
        JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    try (JsonParser parser = factory.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw TemplateException.at(SourceLocation.of(file), "is empty");
      }
      Object value = fromJson(parser);
      if (parser.nextToken() != null) {
        throw TemplateException.at(
            at(parser.currentTokenLocation()),
            "invalid JSON: unexpected content after the template");
      }
      return value;
    } catch (JsonProcessingException e) {
      throw TemplateException.at(
          at(e.getLocation()), "invalid JSON: " + oneLine(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private Object fromJson(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    SourceLocation where = at(parser.currentTokenLocation());
    switch (token) {
      case START_OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>();
        locations.put(map, where);
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          parser.nextToken();
          map.put(key, fromJson(parser));
        }
        return map;
      }
      case START_ARRAY -> {
        List<Object> list = new ArrayList<>();
        locations.put(list, where);
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          list.add(fromJson(parser));
        }
        return list;
      }
      case VALUE_STRING -> {
        return parser.getText();
      }
      case VALUE_NUMBER_INT -> {
        return parser.getNumberValue();
      }
      case VALUE_NUMBER_FLOAT -> {
        return parser.getDoubleValue();
      }
      case VALUE_TRUE -> {
        return true;
      }
      case VALUE_FALSE -> {
        return false;
      }
      case VALUE_NULL -> {
        return null;
      }
      default -> throw TemplateException.at(where, "invalid JSON: unexpected " + token);
    }
  }

  private SourceLocation at(JsonLocation location) {
    if (location == null) {
      return SourceLocation.of(file);
    }
    return new SourceLocation(file, location.getLineNr(), location.getColumnNr());
  }

  private static String oneLine(String text) {
    return text == null ? "" : text.replaceAll("\\s*\\n\\s*", " ").strip();
  }
}
