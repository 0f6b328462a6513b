package io.localsam.template;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One template of the run (the root, or a nested stack's) with everything its intrinsics need: its
 * parameters, pseudo parameters, conditions and Globals. Resource properties are resolved once, on
 * first use, with Globals merged for SAM types.
 */
final class Stack {
  static final String SAM_FUNCTION = "AWS::Serverless::Function";
  static final String SAM_API = "AWS::Serverless::Api";
  static final String SAM_HTTP_API = "AWS::Serverless::HttpApi";

  final String path;
  final TemplateDocument document;
  final Path folder;
  final String region;
  final String account;
  final Consumer<String> warn;
  final Intrinsics intrinsics;
  final ResourceIndex index;
  private final Globals globals;
  private final Map<String, Map<String, Object>> resources = new LinkedHashMap<>();
  private final Set<String> absent = new HashSet<>();
  private final Map<String, Map<String, Object>> resolved = new HashMap<>();

  /** Function names (logical id and {@code FunctionName}) to logical ids, for integration URIs. */
  final Map<String, String> functionNames = new HashMap<>();

  /** Functions declared but not mounted (not Java, S3 code, images): routes to them are dropped. */
  final Set<String> unmounted = new HashSet<>();

  Stack(
      String path,
      TemplateDocument written,
      Map<String, String> overrides,
      Map<String, String> sources,
      Consumer<String> warn) {
    this.path = path;
    this.folder = written.file().toAbsolutePath().getParent();
    this.warn = warn;
    Map<String, String> parameterOverrides = new LinkedHashMap<>();
    Map<String, String> pseudoOverrides = new LinkedHashMap<>();
    overrides.forEach(
        (key, value) ->
            (key.startsWith("AWS::") ? pseudoOverrides : parameterOverrides).put(key, value));
    Map<String, Object> pseudo = PseudoParameters.of(pseudoOverrides);
    this.region = (String) pseudo.get("AWS::Region");
    this.account = (String) pseudo.get("AWS::AccountId");
    Map<String, Object> parameters = Parameters.resolve(written, parameterOverrides, sources, warn);
    this.document = LanguageExtensions.apply(written, parameters, pseudo, warn);
    Object section = document.root().get("Resources");
    if (!(section instanceof Map<?, ?> raw) || raw.isEmpty()) {
      throw TemplateException.at(SourceLocation.of(document.file()), "has no Resources section");
    }
    Map<String, Object> declared = Intrinsics.cast(raw);
    for (Map.Entry<String, Object> entry : declared.entrySet()) {
      String id = entry.getKey();
      if (!(entry.getValue() instanceof Map<?, ?> resource)
          || !(resource.get("Type") instanceof String)) {
        throw TemplateException.at(
            document.locate(entry.getValue() instanceof Map<?, ?> ? entry.getValue() : declared),
            "resource " + id + " needs a Type");
      }
      resources.put(id, Intrinsics.cast(resource));
    }
    Map<String, Object> indexed = new LinkedHashMap<>(resources);
    this.index = new ResourceIndex(indexed, region, account);
    new ReferenceCheck(document, parameters.keySet(), pseudo.keySet(), index).run();
    this.intrinsics = new Intrinsics(document, parameters, pseudo, index, warn);
    index.resolveNamesWith(document, intrinsics::resolve);
    this.globals = new Globals(document, warn);
    for (Map.Entry<String, Map<String, Object>> entry : resources.entrySet()) {
      Object condition = entry.getValue().get("Condition");
      if (condition != null) {
        if (!(condition instanceof String name)) {
          throw TemplateException.at(
              document.locate(entry.getValue()),
              "resource " + entry.getKey() + ": Condition must be the name of a condition");
        }
        if (!intrinsics.condition(name, entry.getValue())) {
          absent.add(entry.getKey()); // CloudFormation does not create it, so neither do we
        }
      }
    }
  }

  /**
   * The logical ids of the resources that exist (their Condition, if any, is true), in template
   * order.
   */
  List<String> ids() {
    List<String> ids = new ArrayList<>();
    for (String id : resources.keySet()) {
      if (!absent.contains(id)) {
        ids.add(id);
      }
    }
    return ids;
  }

  /** True when the template declares the resource but its Condition is false. */
  boolean conditionedOut(String id) {
    return absent.contains(id);
  }

  String type(String id) {
    Map<String, Object> resource = resources.get(id);
    return resource == null ? "" : (String) resource.get("Type");
  }

  Map<String, Object> resource(String id) {
    return resources.get(id);
  }

  /** The resource's properties, Globals merged and intrinsics resolved. */
  Map<String, Object> properties(String id) {
    Map<String, Object> cached = resolved.get(id);
    if (cached != null) {
      return cached;
    }
    Map<String, Object> resource = resources.get(id);
    Object properties = resource.get("Properties");
    Map<String, Object> raw;
    if (properties == null) {
      raw = new LinkedHashMap<>();
    } else if (properties instanceof Map<?, ?> map) {
      raw = Intrinsics.cast(map);
    } else {
      throw TemplateException.at(
          document.locate(resource), "resource " + id + ": Properties must be a mapping");
    }
    Map<String, Object> merged = globals.apply(type(id), raw, resource.get("IgnoreGlobals"));
    document.relocate(merged, raw);
    Object value = intrinsics.resolve(merged, name(id) + ".Properties");
    Map<String, Object> result =
        value instanceof Map<?, ?> map ? Intrinsics.cast(map) : new LinkedHashMap<>();
    if (document.locate(result).line() == 0) {
      document.relocate(result, resource);
    }
    resolved.put(id, result);
    return result;
  }

  /** Properties of an implicit API, which has only what Globals give it. */
  Map<String, Object> implicitProperties(String type, String id) {
    return Intrinsics.cast(
        intrinsics.resolve(
            globals.apply(type, new LinkedHashMap<>(), null), name(id) + ".Properties"));
  }

  SourceLocation locate(Object node) {
    return document.locate(node);
  }

  /**
   * The resource's name in messages and in the model: its logical id, prefixed by the nested
   * stack's path.
   */
  String name(String id) {
    return path.isEmpty() ? id : path + "/" + id;
  }

  /** A path property (CodeUri, Location, ...) relative to this template's folder. */
  Path file(String relative) {
    return file(folder, relative);
  }

  /** {@code relative} (plain or {@code file://}) against {@code folder}. */
  static Path file(Path folder, String relative) {
    String plain =
        relative.startsWith("file://") ? relative.substring("file://".length()) : relative;
    return folder.resolve(plain).normalize();
  }

  static boolean remote(String location) {
    return location.startsWith("s3://")
        || location.startsWith("http://")
        || location.startsWith("https://");
  }

  /**
   * A CDK asset's local path: CDK writes {@code Metadata: {aws:asset:path, aws:asset:property}}
   * beside a property that points to S3, so {@code cdk synth} output can run locally (as SAM CLI
   * does).
   */
  Path assetPath(String id, String property) {
    if (resources.get(id).get("Metadata") instanceof Map<?, ?> metadata
        && metadata.get("aws:asset:path") instanceof String asset
        && (metadata.get("aws:asset:property") == null
            || property.equals(metadata.get("aws:asset:property")))) {
      return file(asset);
    }
    return null;
  }
}
