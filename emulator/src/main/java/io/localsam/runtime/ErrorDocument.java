package io.localsam.runtime;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The error payload the Java runtime returns for a failed invocation: {@code
 * {"errorMessage":…,"errorType":…,"stackTrace":[…]}}, fields in that order, nulls left out, the
 * trace cut where the runtime's own frames begin, and no {@code cause}.
 */
final class ErrorDocument {
  private static final JsonFactory JSON = new JsonFactory();
  private static final String OWN_FRAMES = "io.localsam.";

  private ErrorDocument() {}

  static byte[] of(Throwable thrown) {
    String message = thrown.getLocalizedMessage();
    return of(
        message != null ? message : thrown.getClass().getName(),
        thrown.getClass().getName(),
        userFrames(thrown));
  }

  static byte[] of(String message, String type, List<String> stackTrace) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("errorMessage", message);
      if (type != null) {
        json.writeStringField("errorType", type);
      }
      if (stackTrace != null) {
        json.writeArrayFieldStart("stackTrace");
        for (String frame : stackTrace) {
          json.writeString(frame);
        }
        json.writeEndArray();
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The frames above the runtime's own, as the Java runtime cuts them. */
  static List<String> userFrames(Throwable thrown) {
    List<String> frames = new ArrayList<>();
    for (StackTraceElement frame : thrown.getStackTrace()) {
      if (frame.getClassName().startsWith(OWN_FRAMES)) {
        break;
      }
      frames.add(frame.toString());
    }
    return frames;
  }

  /**
   * A runtime-made error whose trace is empty, as the runtime's own parse and serialization errors
   * are.
   */
  static RuntimeException runtimeError(String message) {
    RuntimeException error = new RuntimeException(message);
    error.setStackTrace(new StackTraceElement[0]);
    return error;
  }
}
