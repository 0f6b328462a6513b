package io.localsam.runtime;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The {@code Context} of one invocation in a child process: from the Runtime API's headers and
 * Lambda's variables.
 */
final class RuntimeApiContext implements Context {
  private static final LambdaLogger STDOUT =
      new LambdaLogger() {
        @Override
        public void log(String message) {
          System.out.print(message);
          System.out.flush();
        }

        @Override
        public void log(byte[] message) {
          log(new String(message, StandardCharsets.UTF_8));
        }
      };

  private final RuntimeApiClient.Next invocation;
  private final Map<String, String> environment;

  RuntimeApiContext(RuntimeApiClient.Next invocation, Map<String, String> environment) {
    this.invocation = invocation;
    this.environment = environment;
  }

  @Override
  public String getAwsRequestId() {
    return invocation.requestId();
  }

  @Override
  public String getLogGroupName() {
    return environment.get("AWS_LAMBDA_LOG_GROUP_NAME");
  }

  @Override
  public String getLogStreamName() {
    return environment.get("AWS_LAMBDA_LOG_STREAM_NAME");
  }

  @Override
  public String getFunctionName() {
    return environment.get("AWS_LAMBDA_FUNCTION_NAME");
  }

  @Override
  public String getFunctionVersion() {
    return environment.getOrDefault("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
  }

  @Override
  public String getInvokedFunctionArn() {
    return invocation.functionArn();
  }

  @Override
  public CognitoIdentity getIdentity() {
    return null; // only mobile SDK callers with Cognito credentials have one
  }

  @Override
  public ClientContext getClientContext() {
    return null;
  }

  @Override
  public int getRemainingTimeInMillis() {
    return (int)
        Math.max(
            0,
            Math.min(Integer.MAX_VALUE, invocation.deadlineMillis() - System.currentTimeMillis()));
  }

  @Override
  public int getMemoryLimitInMB() {
    return Integer.parseInt(environment.getOrDefault("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "128"));
  }

  @Override
  public LambdaLogger getLogger() {
    return STDOUT;
  }
}
