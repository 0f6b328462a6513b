package io.localsam.template;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The template's resources as intrinsics see them: which logical ids exist (including the ones the
 * SAM transform generates, such as {@code HelloWorldFunctionRole} and {@code ServerlessRestApi}),
 * and the local values of their attributes.
 */
final class ResourceIndex {
  private final Map<String, Object> resources;
  private final Set<String> generated = new HashSet<>();
  private final String region;
  private final String account;
  private final LinkedHashSet<String> naming = new LinkedHashSet<>();
  private BiFunction<Object, String, Object> resolver = (value, where) -> value;
  private TemplateDocument document;

  ResourceIndex(Map<String, Object> resources, String region, String account) {
    this.resources = resources;
    this.region = region;
    this.account = account;
    generated.add("ServerlessRestApi");
    generated.add("ServerlessHttpApi");
    generated.add("ServerlessRestApiProdStage");
    generated.add("ServerlessHttpApiApiGatewayDefaultStage");
    for (Map.Entry<String, Object> entry : resources.entrySet()) {
      String id = entry.getKey();
      switch (type(id)) {
        case "AWS::Serverless::Function" -> {
          generated.add(id + "Role");
          generated.add(id + "Url");
          generated.add(id + "UrlPublicPermissions");
          if (properties(id).get("AutoPublishAlias") instanceof String alias) {
            generated.add(id + "Alias" + alias);
          }
        }
        case "AWS::Serverless::HttpApi" -> {
          generated.add(id + "ApiGatewayDefaultStage");
          if (properties(id).get("StageName") instanceof String name) {
            generated.add(id + name + "Stage");
          }
        }
        case "AWS::Serverless::Api" -> {
          Object stage = properties(id).get("StageName");
          if (stage instanceof String name) {
            generated.add(id + name + "Stage");
          }
        }
        default -> {}
      }
    }
  }

  /** Lets attribute values use the resolved name properties ({@code FunctionName: !Sub ...}). */
  void resolveNamesWith(TemplateDocument document, BiFunction<Object, String, Object> resolver) {
    this.document = document;
    this.resolver = resolver;
  }

  /** The declared logical ids, for suggestions. */
  Collection<String> ids() {
    return resources.keySet();
  }

  boolean exists(String logicalId) {
    if (resources.containsKey(logicalId) || generated.contains(logicalId)) {
      return true;
    }
    int dot = logicalId.indexOf('.'); // SAM's "MyFunction.Alias" and "MyFunction.Version"
    return dot > 0 && type(logicalId.substring(0, dot)).equals("AWS::Serverless::Function");
  }

  String type(String logicalId) {
    if (resources.get(logicalId) instanceof Map<?, ?> resource
        && resource.get("Type") instanceof String type) {
      return type;
    }
    if (logicalId.endsWith("Role") && generated.contains(logicalId)) {
      return "AWS::IAM::Role";
    }
    return "";
  }

  Map<String, Object> properties(String logicalId) {
    if (resources.get(logicalId) instanceof Map<?, ?> resource
        && resource.get("Properties") instanceof Map<?, ?> p) {
      return Intrinsics.cast(p);
    }
    return Map.of();
  }

  /**
   * The local value of {@code Fn::GetAtt resource.attribute}, or {@code null} when there is none.
   */
  String attribute(String logicalId, String attribute) {
    String type = type(logicalId);
    String name = name(logicalId, type);
    switch (type) {
      case "AWS::Serverless::Function", "AWS::Lambda::Function" -> {
        if (attribute.equals("Arn")) {
          return "arn:aws:lambda:" + region + ":" + account + ":function:" + name;
        }
        if (attribute.equals("Alias")
            || attribute.equals("Version")) { // SAM's MyFunction.Alias / .Version
          Object alias = properties(logicalId).get("AutoPublishAlias");
          return "arn:aws:lambda:"
              + region
              + ":"
              + account
              + ":function:"
              + name
              + (attribute.equals("Alias") && alias instanceof String a ? ":" + a : "");
        }
      }
      case "AWS::Lambda::Alias" -> {
        if (attribute.equals("Arn")) {
          return "arn:aws:lambda:"
              + region
              + ":"
              + account
              + ":function:"
              + targetName(logicalId)
              + (properties(logicalId).get("Name") instanceof String a ? ":" + a : "");
        }
      }
      case "AWS::IAM::Role" -> {
        if (attribute.equals("Arn")) {
          return "arn:aws:iam::" + account + ":role/" + name;
        }
        if (attribute.equals("RoleId")) {
          return "AROA" + logicalId.toUpperCase(Locale.ROOT);
        }
      }
      case "AWS::DynamoDB::Table", "AWS::Serverless::SimpleTable" -> {
        if (attribute.equals("Arn")) {
          return "arn:aws:dynamodb:" + region + ":" + account + ":table/" + name;
        }
        if (attribute.equals("StreamArn")) {
          return "arn:aws:dynamodb:" + region + ":" + account + ":table/" + name + "/stream/local";
        }
      }
      case "AWS::SQS::Queue" -> {
        switch (attribute) {
          case "Arn" -> {
            return "arn:aws:sqs:" + region + ":" + account + ":" + name;
          }
          case "QueueName" -> {
            return name;
          }
          case "QueueUrl" -> {
            return "https://sqs." + region + ".amazonaws.com/" + account + "/" + name;
          }
          default -> {}
        }
      }
      case "AWS::SNS::Topic" -> {
        if (attribute.equals("TopicArn")) {
          return "arn:aws:sns:" + region + ":" + account + ":" + name;
        }
        if (attribute.equals("TopicName")) {
          return name;
        }
      }
      case "AWS::S3::Bucket" -> {
        String bucket = name.toLowerCase(Locale.ROOT);
        switch (attribute) {
          case "Arn" -> {
            return "arn:aws:s3:::" + bucket;
          }
          case "DomainName" -> {
            return bucket + ".s3.amazonaws.com";
          }
          case "RegionalDomainName" -> {
            return bucket + ".s3." + region + ".amazonaws.com";
          }
          default -> {}
        }
      }
      default -> {}
    }
    if (attribute.equals("RootResourceId")) {
      return "/"; // SAM CLI resolves a RestApi's root resource to the path prefix "/"
    }
    if (attribute.equals("Arn") && type.startsWith("AWS::")) {
      String service = type.split("::")[1].toLowerCase(Locale.ROOT);
      return "arn:aws:" + service + ":" + region + ":" + account + ":" + name;
    }
    return null;
  }

  /** The function an {@code AWS::Lambda::Alias} points at, by name. */
  private String targetName(String aliasId) {
    Object target =
        resolver.apply(
            properties(aliasId).get("FunctionName"), aliasId + ".Properties.FunctionName");
    String text = target instanceof String s ? s : "";
    int colon = text.indexOf(":function:");
    if (colon >= 0) {
      text = text.substring(colon + ":function:".length());
    }
    return exists(text) && !type(text).isEmpty() ? name(text, type(text)) : text;
  }

  /**
   * {@code Ref} of {@code AWS::Lambda::Alias} and of SAM's {@code MyFunction.Alias}: an ARN, as SAM
   * CLI gives.
   */
  String refValue(String logicalId) {
    if (type(logicalId).equals("AWS::Lambda::Alias")) {
      return attribute(logicalId, "Arn");
    }
    int dot = logicalId.indexOf('.');
    if (dot > 0 && type(logicalId.substring(0, dot)).equals("AWS::Serverless::Function")) {
      return attribute(logicalId.substring(0, dot), logicalId.substring(dot + 1));
    }
    return logicalId;
  }

  /** The resource's physical name property, resolved; its logical id when it has none. */
  private String name(String logicalId, String type) {
    Object declared = properties(logicalId).get(nameProperty(type));
    if (declared == null) {
      return logicalId;
    }
    if (!naming.add(logicalId)) {
      List<String> chain = new ArrayList<>(naming);
      chain = chain.subList(chain.indexOf(logicalId), chain.size());
      chain.add(logicalId);
      throw TemplateException.at(
          document == null ? SourceLocation.of(null) : document.locate(properties(logicalId)),
          "circular reference: the "
              + nameProperty(type)
              + " of "
              + logicalId
              + " depends on itself ("
              + String.join(" -> ", chain)
              + ")");
    }
    try {
      Object value = resolver.apply(declared, logicalId + ".Properties." + nameProperty(type));
      return value instanceof String s && !s.isEmpty() ? s : logicalId;
    } finally {
      naming.remove(logicalId);
    }
  }

  private static String nameProperty(String type) {
    return switch (type) {
      case "AWS::Serverless::Function", "AWS::Lambda::Function" -> "FunctionName";
      case "AWS::IAM::Role" -> "RoleName";
      case "AWS::DynamoDB::Table" -> "TableName";
      case "AWS::SQS::Queue" -> "QueueName";
      case "AWS::SNS::Topic" -> "TopicName";
      case "AWS::S3::Bucket" -> "BucketName";
      default -> "Name";
    };
  }
}
