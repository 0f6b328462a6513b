package io.localsam.runtime;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Lambda's invocation record, what an {@code OnSuccess}/{@code OnFailure} destination receives
 * (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html): version,
 * timestamp, the request context (request id, function ARN, condition, attempts), the event, and
 * for an event that ran the response context and the last response.
 */
final class DestinationRecord {
  private static final JsonFactory JSON = new JsonFactory();

  private DestinationRecord() {}

  static byte[] of(AsyncOutcome outcome, String functionArn) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + outcome.event().length);
    try (JsonGenerator json = JSON.createGenerator(bytes)) {
      json.writeStartObject();
      json.writeStringField("version", "1.0");
      json.writeStringField("timestamp", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
      json.writeObjectFieldStart("requestContext");
      json.writeStringField("requestId", outcome.requestId());
      json.writeStringField("functionArn", functionArn);
      json.writeStringField("condition", outcome.condition());
      json.writeNumberField("approximateInvokeCount", outcome.attempts());
      json.writeEndObject();
      json.writeFieldName("requestPayload");
      writePayload(json, outcome.event());
      InvocationResult last = outcome.last();
      if (last != null) {
        json.writeObjectFieldStart("responseContext");
        json.writeNumberField("statusCode", 200);
        json.writeStringField("executedVersion", "$LATEST");
        if (last.failed()) {
          json.writeStringField("functionError", "Unhandled");
        }
        json.writeEndObject();
        json.writeFieldName("responsePayload");
        writePayload(json, last.payload());
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * A payload that is one JSON value goes in as it is; anything else (a stream handler's bytes) as
   * a string.
   */
  private static void writePayload(JsonGenerator json, byte[] payload) throws IOException {
    if (isJson(payload)) {
      json.writeRawValue(new String(payload, StandardCharsets.UTF_8));
    } else if (payload.length == 0) {
      json.writeNull();
    } else {
      json.writeString(new String(payload, StandardCharsets.UTF_8));
    }
  }

  private static boolean isJson(byte[] payload) {
    try (JsonParser parser = JSON.createParser(payload)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return false;
      }
      parser.skipChildren();
      return parser.nextToken() == null;
    } catch (IOException e) {
      return false;
    }
  }
}
