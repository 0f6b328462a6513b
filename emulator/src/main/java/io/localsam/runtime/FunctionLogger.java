package io.localsam.runtime;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * A function's {@code LambdaLogger}: TEXT format as the runtime writes it ({@code [INFO] msg} for
 * levelled calls), each message one log entry tagged with the function, as one CloudWatch event would be.
 */
final class FunctionLogger implements LambdaLogger {
  private final String functionId;
  private final Consumer<String> log;

  FunctionLogger(String functionId, Consumer<String> log) {
    this.functionId = functionId;
    this.log = log;
  }

  @Override
  public void log(String message) {
    write(String.valueOf(message));
  }

  @Override
  public void log(byte[] message) {
    write(new String(message, StandardCharsets.UTF_8));
  }

  @Override
  public void log(String message, LogLevel level) {
    write(level == null || level == LogLevel.UNDEFINED ? String.valueOf(message) : "[" + level + "] " + message);
  }

  @Override
  public void log(byte[] message, LogLevel level) {
    log(new String(message, StandardCharsets.UTF_8), level);
  }

  private void write(String message) {
    log.accept("[" + functionId + "] " + message.stripTrailing());
  }
}
