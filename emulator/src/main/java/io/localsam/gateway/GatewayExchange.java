package io.localsam.gateway;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request the gateway handed to a function, and what it answered: what the journal keeps beside the
 * invocation, so the console shows the request as sent and a replay can send it again. Bodies are kept as the
 * gateway had them, turned into text only when read.
 *
 * @param gatewayRequestId API Gateway's id of the request ({@code x-amzn-RequestId} or {@code apigw-requestid})
 * @param functionRequestId the Lambda request id of the invocation, or null when it never answered (the
 *     integration timed out)
 * @param method the request method
 * @param path the path as sent, still percent-encoded
 * @param query the query string as sent, "" when none
 * @param headers the request headers, names as sent, in the order received
 * @param body the request body's bytes (shared, not copied: never change them)
 * @param arrivedAt when the request arrived
 * @param status the HTTP status answered
 * @param responseHeaders the answer's headers, a name repeated when it was sent more than once
 * @param responseBody the answer's body bytes (shared, not copied: never change them)
 * @param latency from the request's arrival to its answer, API Gateway's share included
 */
public record GatewayExchange(
    String gatewayRequestId,
    String functionRequestId,
    String method,
    String path,
    String query,
    List<Map.Entry<String, List<String>>> headers,
    byte[] body,
    Instant arrivedAt,
    int status,
    List<Map.Entry<String, String>> responseHeaders,
    byte[] responseBody,
    Duration latency) {

  public GatewayExchange {
    headers = List.copyOf(headers);
    responseHeaders = List.copyOf(responseHeaders);
  }

  /** The request body as text when it is UTF-8, else null (it is then binary: base64 it to show it). */
  public String bodyText() {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
