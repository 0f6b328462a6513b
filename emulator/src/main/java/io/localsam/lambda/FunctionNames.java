package io.localsam.lambda;

import io.localsam.template.FunctionDef;
import io.localsam.template.Template;
import io.localsam.template.TemplateLoader;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How Lambda's Invoke API and {@code sam local invoke} name a function: the logical id, the {@code
 * FunctionName}, a full or partial ARN, or any of these with a {@code :qualifier}. A qualifier is
 * checked as Lambda checks it and then ignored, because only {@code $LATEST} exists locally.
 */
public final class FunctionNames {
  // The Invoke API's constraints (https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html).
  static final String NAME_PATTERN =
      "(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:)?"
          + "(\\d{12}:)?(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?";
  static final String QUALIFIER_PATTERN = "(|[a-zA-Z0-9$_-]+)";
  private static final Pattern VALID_NAME = Pattern.compile(NAME_PATTERN);
  private static final Pattern VALID_QUALIFIER = Pattern.compile(QUALIFIER_PATTERN);
  private static final int MAX_NAME_LENGTH = 170;
  private static final int MAX_QUALIFIER_LENGTH = 128;
  // arn:aws:lambda:us-east-1:123456789012:function:name[:qualifier], or
  // 123456789012:function:name[:qualifier]
  private static final Pattern ARN =
      Pattern.compile("^(?:arn:[^:]+:lambda:[^:]*:)?(?:[0-9]{12}:)?function:([^:]+)(?::[^:]+)?$");

  private FunctionNames() {}

  /**
   * Lambda's answer to a name or {@code Qualifier} parameter outside the Invoke API's constraints
   * (a ValidationException, 400, before any function is looked up), or null when both are valid.
   * Dot segments ({@code .}, {@code ..}) match the name pattern but never reach Lambda as a name:
   * clients and proxies resolve them in the path, so LocalSAM refuses them here too.
   */
  static LambdaResponse validate(String name, String qualifier) {
    if (name.length() > MAX_NAME_LENGTH) {
      return LambdaErrors.validation(
          name, "functionName", "Member must have length less than or equal to " + MAX_NAME_LENGTH);
    }
    Matcher valid = VALID_NAME.matcher(name);
    if (name.isEmpty() || !valid.matches() || name.equals(".") || name.equals("..")) {
      return LambdaErrors.validation(
          name, "functionName", "Member must satisfy regular expression pattern: " + NAME_PATTERN);
    }
    if (qualifier == null) {
      return null;
    }
    if (qualifier.isEmpty() || qualifier.length() > MAX_QUALIFIER_LENGTH) {
      return LambdaErrors.validation(
          qualifier,
          "qualifier",
          qualifier.isEmpty()
              ? "Member must have length greater than or equal to 1"
              : "Member must have length less than or equal to " + MAX_QUALIFIER_LENGTH);
    }
    if (!VALID_QUALIFIER.matcher(qualifier).matches()) {
      return LambdaErrors.validation(
          qualifier,
          "qualifier",
          "Member must satisfy regular expression pattern: " + QUALIFIER_PATTERN);
    }
    String derived = valid.group(12);
    return derived != null && !derived.equals(qualifier) ? LambdaErrors.qualifierMismatch() : null;
  }

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
