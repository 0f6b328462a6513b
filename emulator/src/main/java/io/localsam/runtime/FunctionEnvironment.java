package io.localsam.runtime;

import io.localsam.template.FunctionDef;
import io.localsam.template.TemplateLoader;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The environment variables a function sees, built as SAM CLI builds them (README, Runtime):
 * Lambda's reserved variables and SAM's local defaults, then the template's declared variables,
 * each of which the developer's shell and then the {@code --env-vars} file may override. Variables
 * that the template does not declare never reach the function.
 *
 * <p>The defined runtime variables are as AWS documents them:
 * https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime
 */
final class FunctionEnvironment {
  /**
   * Where Lambda keeps the runtime's own files; LocalSAM has none there, but functions may build
   * paths from it.
   */
  static final String RUNTIME_DIR = "/var/runtime";

  static final String PATH = "/usr/local/bin:/usr/bin/:/bin:/opt/bin";

  private FunctionEnvironment() {}

  /**
   * The variables of one execution environment: the function's, plus those that name where its code
   * is. {@code LAMBDA_TASK_ROOT} is the folder LocalSAM loads the function's classes from (its
   * first class path entry: the code folder, the unpacked archive, a module's compiled classes, or
   * the jar itself for a jar read in place), where Lambda has {@code /var/task}.
   */
  static Map<String, String> withCode(Map<String, String> function, FunctionCode code) {
    Map<String, String> env = new LinkedHashMap<>(function);
    String taskRoot =
        code.classpath().isEmpty() ? "" : code.classpath().get(0).toAbsolutePath().toString();
    env.put("LAMBDA_TASK_ROOT", taskRoot);
    env.putIfAbsent(
        "LD_LIBRARY_PATH",
        "/lib64:/usr/lib64:"
            + RUNTIME_DIR
            + ":"
            + RUNTIME_DIR
            + "/lib:"
            + taskRoot
            + ":"
            + taskRoot
            + "/lib:/opt/lib");
    return env;
  }

  static Map<String, String> of(
      FunctionDef function, String region, EnvVarsFile overrides, Map<String, String> shell) {
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
    env.put("LAMBDA_RUNTIME_DIR", RUNTIME_DIR);
    env.put("TZ", ":UTC");
    // Not reserved: the template may set these.
    env.put("LANG", "en_US.UTF-8");
    env.put("PATH", PATH);
    env.put("AWS_XRAY_CONTEXT_MISSING", "LOG_ERROR");
    if (function.logFormat() != null) {
      String format = function.logFormat().toUpperCase(Locale.ROOT);
      env.put("AWS_LAMBDA_LOG_FORMAT", format);
      if (format.equals("JSON")) {
        env.put("AWS_LAMBDA_LOG_LEVEL", "INFO");
      }
    }
    Map<String, String> fromFile =
        overrides.forFunction(function.logicalId(), function.functionName());
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
