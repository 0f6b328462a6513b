package io.localsam.runtime;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.fasterxml.jackson.core.JsonFactory;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A function's {@code LambdaLogger} as the Java runtime writes it (README, Runtime): in TEXT format
 * the message as is ({@code [INFO] msg} with a level); in JSON format ({@code
 * LoggingConfig.LogFormat: JSON}) one object per call with timestamp, message, level and request
 * id, levelled calls below {@code AWS_LAMBDA_LOG_LEVEL} dropped. Each call is one log entry.
 */
final class FunctionLogger implements LambdaLogger {
  private static final JsonFactory JSON = new JsonFactory();

  private final Consumer<String> log;
  private final String requestId;
  private final boolean json;
  private final LogLevel minimum;

  FunctionLogger(Consumer<String> log, String requestId, String format, String level) {
    this.log = log;
    this.requestId = requestId;
    this.json = "JSON".equalsIgnoreCase(format);
    this.minimum = parse(level);
  }

  private static LogLevel parse(String level) {
    if (level == null) {
      return LogLevel.UNDEFINED;
    }
    try {
      return LogLevel.valueOf(level.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return LogLevel.UNDEFINED;
    }
  }

  @Override
  public void log(String message) {
    log(message, LogLevel.UNDEFINED);
  }

  @Override
  public void log(byte[] message) {
    write(new String(message, StandardCharsets.UTF_8)); // never formatted, even in JSON mode
  }

  @Override
  public void log(String message, LogLevel level) {
    LogLevel effective = level == null ? LogLevel.UNDEFINED : level;
    if (effective != LogLevel.UNDEFINED
        && minimum != LogLevel.UNDEFINED
        && effective.ordinal() < minimum.ordinal()) {
      return;
    }
    if (json) {
      write(jsonRecord(String.valueOf(message), effective));
    } else {
      write(
          effective == LogLevel.UNDEFINED
              ? String.valueOf(message)
              : "[" + effective + "] " + message);
    }
  }

  @Override
  public void log(byte[] message, LogLevel level) {
    log(new String(message, StandardCharsets.UTF_8), level);
  }

  private String jsonRecord(String message, LogLevel level) {
    StringWriter out = new StringWriter();
    try (var generator = JSON.createGenerator(out)) {
      generator.writeStartObject();
      generator.writeStringField("timestamp", LocalDateTime.now(ZoneOffset.UTC) + "Z");
      generator.writeStringField("message", message);
      generator.writeStringField("level", level.toString());
      generator.writeStringField("AWSRequestId", requestId);
      generator.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private void write(String message) {
    log.accept(message.endsWith("\n") ? message.substring(0, message.length() - 1) : message);
  }
}
