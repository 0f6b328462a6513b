package io.localsam.runtime;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/** The {@code Context} of one invocation, with the values deployed Lambda gives. */
final class LambdaContext implements Context {
  private final String requestId;
  private final FunctionSettings function;
  private final String logStream;
  private final long deadlineMillis;
  private final LambdaLogger logger;

  LambdaContext(
      String requestId,
      FunctionSettings function,
      String logStream,
      long deadlineMillis,
      LambdaLogger logger) {
    this.requestId = requestId;
    this.function = function;
    this.logStream = logStream;
    this.deadlineMillis = deadlineMillis;
    this.logger = logger;
  }

  @Override
  public String getAwsRequestId() {
    return requestId;
  }

  @Override
  public String getLogGroupName() {
    return function.definition().logGroupName();
  }

  @Override
  public String getLogStreamName() {
    return logStream;
  }

  @Override
  public String getFunctionName() {
    return function.name();
  }

  @Override
  public String getFunctionVersion() {
    return "$LATEST";
  }

  @Override
  public String getInvokedFunctionArn() {
    return function.arn();
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
    return (int) Math.max(0, deadlineMillis - System.currentTimeMillis());
  }

  @Override
  public int getMemoryLimitInMB() {
    return function.definition().memorySize();
  }

  @Override
  public LambdaLogger getLogger() {
    return logger;
  }
}
