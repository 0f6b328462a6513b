package io.localsam.template;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a stack's asynchronous invocation settings: each SAM function's {@code EventInvokeConfig}
 * and the {@code AWS::Lambda::EventInvokeConfig} resources (which win, as the later-deployed
 * resource would). Values CloudFormation would refuse are template errors; destinations that are
 * not functions of this template are warned about by name, since their records can only be logged
 * here.
 */
final class EventInvokeConfigReader {
  static final String RESOURCE = "AWS::Lambda::EventInvokeConfig";

  private final Stack stack;
  private final Map<String, EventInvokeConfig> resources = new HashMap<>();

  EventInvokeConfigReader(Stack stack) {
    this.stack = stack;
    for (String id : stack.ids()) {
      if (stack.type(id).equals(RESOURCE)) {
        Map<String, Object> properties = stack.properties(id);
        Object target = properties.get("FunctionName");
        String text = Scalars.text(target);
        String name = text.startsWith("arn:") ? IntegrationUri.functionName(text) : bareName(text);
        String function = name == null ? null : stack.functionNames.get(name);
        if (function == null) {
          stack.warn.accept(
              stack.name(id)
                  + ": FunctionName '"
                  + text
                  + "' is not a function of this template; its"
                  + " asynchronous invocation settings are not applied");
          continue;
        }
        resources.put(function, read(stack.name(id), properties));
      }
    }
  }

  /**
   * The settings of the function {@code id} with these properties: a resource's, its own, or
   * Lambda's defaults.
   */
  EventInvokeConfig forFunction(String id, Map<String, Object> properties) {
    EventInvokeConfig resource = resources.get(id);
    if (resource != null) {
      return resource;
    }
    if (properties.get("EventInvokeConfig") instanceof Map<?, ?> config) {
      return read(stack.name(id) + ".EventInvokeConfig", Intrinsics.cast(config));
    }
    return EventInvokeConfig.DEFAULTS;
  }

  private EventInvokeConfig read(String owner, Map<String, Object> config) {
    SourceLocation where = stack.locate(config);
    int retries = bounded(owner, config, "MaximumRetryAttempts", 2, 0, 2, where);
    int age = bounded(owner, config, "MaximumEventAgeInSeconds", 21_600, 60, 21_600, where);
    EventInvokeConfig.Destination onSuccess = null;
    EventInvokeConfig.Destination onFailure = null;
    if (config.get("DestinationConfig") instanceof Map<?, ?> destinations) {
      onSuccess =
          destination(owner + ".DestinationConfig.OnSuccess", destinations.get("OnSuccess"));
      onFailure =
          destination(owner + ".DestinationConfig.OnFailure", destinations.get("OnFailure"));
    }
    return new EventInvokeConfig(retries, age, onSuccess, onFailure);
  }

  private EventInvokeConfig.Destination destination(String owner, Object declared) {
    if (!(declared instanceof Map<?, ?> destination)) {
      return null;
    }
    String arn =
        destination.get("Destination") == null
            ? null
            : Scalars.text(destination.get("Destination"));
    String type = destination.get("Type") instanceof String t ? t : typeOf(arn);
    String function = null;
    if ("Lambda".equalsIgnoreCase(type) && arn != null) {
      String name = arn.startsWith("arn:") ? IntegrationUri.functionName(arn) : bareName(arn);
      function = name == null ? null : stack.functionNames.get(name);
    }
    if (function == null) {
      stack.warn.accept(
          owner
              + ": the "
              + type
              + " destination "
              + (arn == null ? "(created by SAM)" : arn)
              + " is not emulated; its invocation records are written to the log instead");
    }
    return new EventInvokeConfig.Destination(type, arn, function);
  }

  /**
   * The destination type an ARN names ({@code arn:aws:sqs:...} is SQS), as CloudFormation infers
   * it.
   */
  private static String typeOf(String arn) {
    if (arn == null) {
      return "unknown";
    }
    String[] parts = arn.split(":", 4);
    String service = parts.length > 2 ? parts[2].toLowerCase(Locale.ROOT) : "";
    return switch (service) {
      case "lambda" -> "Lambda";
      case "sqs" -> "SQS";
      case "sns" -> "SNS";
      case "events" -> "EventBridge";
      case "s3" -> "S3Bucket";
      default -> service.isEmpty() ? "unknown" : service;
    };
  }

  /** {@code Fn} of {@code Fn:live}: a qualifier names a version or alias of the same function. */
  private static String bareName(String name) {
    int colon = name.indexOf(':');
    return colon > 0 ? name.substring(0, colon) : name;
  }

  private static int bounded(
      String owner,
      Map<String, Object> config,
      String property,
      int fallback,
      int min,
      int max,
      SourceLocation where) {
    if (!config.containsKey(property)) {
      return fallback;
    }
    Integer value = Scalars.integer(config.get(property));
    if (value == null || value < min || value > max) {
      throw TemplateException.at(
          where,
          owner
              + ": "
              + property
              + " must be a number from "
              + min
              + " to "
              + max
              + ", not '"
              + Scalars.text(config.get(property))
              + "'");
    }
    return value;
  }
}
