package io.localsam.template;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The function an integration URI calls (README: "How faithful it is", "Template"): the name after
 * {@code :function:} in a Lambda ARN (alias or version dropped), else the text between {@code
 * /functions/} and {@code /invocations}; in an unresolved {@code Fn::Sub}, the logical id of {@code
 * ${Logical.Arn}} or {@code ${Logical.Alias}}.
 */
final class IntegrationUri {
  private static final Pattern LAMBDA_ARN =
      Pattern.compile("arn:aws[a-z-]*:lambda:[^:]*:[^:]*:function:([^:/]+)");
  private static final Pattern SUB_ARN = Pattern.compile("\\$\\{([A-Za-z0-9]+)\\.(Arn|Alias)}");

  private IntegrationUri() {}

  /** The function's name or logical id, or {@code null} when the URI names no Lambda function. */
  static String functionName(Object uri) {
    if (uri instanceof Map<?, ?> map && map.size() == 1 && map.get("Fn::Sub") != null) {
      Object sub = map.get("Fn::Sub");
      String text =
          sub instanceof List<?> list && !list.isEmpty()
              ? Scalars.text(list.get(0))
              : Scalars.text(sub);
      Matcher matcher = SUB_ARN.matcher(text);
      return matcher.find() ? matcher.group(1) : null;
    }
    if (!(uri instanceof String text) || text.isEmpty()) {
      return null;
    }
    Matcher arn = LAMBDA_ARN.matcher(text);
    if (arn.find()) {
      return plain(arn.group(1));
    }
    int start = text.indexOf("/functions/");
    int end = text.indexOf("/invocations");
    if (start >= 0 && end > start) {
      String name = text.substring(start + "/functions/".length(), end);
      return plain(name);
    }
    return null;
  }

  private static String plain(String name) {
    if (name.contains("${") || name.isEmpty()) {
      return null; // ${stageVariables.fn} and the like: decided at request time in the cloud,
      // unknown here
    }
    return name;
  }
}
