package io.localsam.runtime;

import io.localsam.template.FunctionDef;
import io.localsam.template.TemplateLoader;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The environment variables a function sees, built as SAM CLI builds them (sam-local-behavior §1.13):
 * Lambda's reserved variables and SAM's local defaults, then the template's declared variables, each of
 * which the developer's shell and then the {@code --env-vars} file may override. Variables that the
 * template does not declare never reach the function.
 */
final class FunctionEnvironment {
  private FunctionEnvironment() {}

  static Map<String, String> of(FunctionDef function, String region, EnvVarsFile overrides, Map<String, String> shell) {
    Map<String, String> env = new LinkedHashMap<>();
    String name = function.name();
    env.put("AWS_SAM_LOCAL", "true");
    env.put("AWS_REGION", region);
    env.put("AWS_DEFAULT_REGION", region);
    env.put("AWS_ACCOUNT_ID", TemplateLoader.ACCOUNT_ID);
    env.put("AWS_ACCESS_KEY_ID", "defaultkey");
    env.put("AWS_SECRET_ACCESS_KEY", "defaultsecret");
    env.put("AWS_LAMBDA_FUNCTION_NAME", name);
    env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(function.memorySize()));
    env.put("AWS_LAMBDA_FUNCTION_TIMEOUT", Integer.toString(function.timeoutSeconds()));
    env.put("AWS_LAMBDA_FUNCTION_HANDLER", function.handler());
    env.put("_HANDLER", function.handler());
    env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    env.put("AWS_LAMBDA_LOG_GROUP_NAME", function.logGroupName());
    env.put("AWS_LAMBDA_LOG_STREAM_NAME", "$LATEST");
    env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
    env.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + function.runtime());
    env.put("LANG", "en_US.UTF-8");
    env.put("TZ", ":UTC");
    if (function.logFormat() != null) {
      String format = function.logFormat().toUpperCase(Locale.ROOT);
      env.put("AWS_LAMBDA_LOG_FORMAT", format);
      if (format.equals("JSON")) {
        env.put("AWS_LAMBDA_LOG_LEVEL", "INFO");
      }
    }
    Map<String, String> fromFile = overrides.forFunction(function.logicalId(), function.functionName());
    for (Map.Entry<String, String> declared : function.environment().entrySet()) {
      String key = declared.getKey();
      String value = declared.getValue();
      if (shell.containsKey(key)) {
        value = shell.get(key);
      }
      if (fromFile.containsKey(key)) {
        value = fromFile.get(key);
      }
      env.put(key, value);
    }
    return env;
  }
}
