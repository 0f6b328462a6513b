package io.localsam.lambda;

import io.localsam.template.FunctionDef;
import io.localsam.template.Template;
import io.localsam.template.TemplateLoader;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How Lambda's Invoke API and {@code sam local invoke} name a function: the logical id, the
 * {@code FunctionName}, a full or partial ARN, or any of these with a {@code :qualifier}, which is
 * ignored because only {@code $LATEST} exists locally (sam-local-behavior §8).
 */
public final class FunctionNames {
  // arn:aws:lambda:us-east-1:123456789012:function:name[:qualifier], or 123456789012:function:name[:qualifier]
  private static final Pattern ARN = Pattern.compile(
      "^(?:arn:[^:]+:lambda:[^:]*:)?(?:[0-9]{12}:)?function:([^:]+)(?::[^:]+)?$");

  private FunctionNames() {}

  /** The logical id of the function {@code name} refers to, if the template has it. */
  public static Optional<String> resolve(Template template, String name) {
    String bare = bare(name);
    if (template.functions().containsKey(bare)) {
      return Optional.of(bare);
    }
    return template.functions().values().stream()
        .filter(function -> bare.equals(function.functionName()))
        .map(FunctionDef::logicalId)
        .findFirst();
  }

  /** The name without an ARN prefix or a qualifier. */
  static String bare(String name) {
    Matcher arn = ARN.matcher(name);
    if (arn.matches()) {
      return arn.group(1);
    }
    int colon = name.indexOf(':');
    return colon > 0 ? name.substring(0, colon) : name;
  }

  /** The ARN deployed Lambda names in its "Function not found" message. */
  static String arn(String region, String name) {
    return "arn:aws:lambda:" + region + ":" + TemplateLoader.ACCOUNT_ID + ":function:" + bare(name);
  }
}
