package io.localsam.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request the gateway handed to a function, and what it answered: what the journal keeps
 * beside the invocation, so the console shows the request as sent and a replay can send it again.
 * The request body is not kept twice: it is the event's {@code body} ({@code isBase64Encoded} when
 * binary).
 *
 * @param gatewayRequestId API Gateway's id of the request ({@code x-amzn-RequestId} or {@code
 *     apigw-requestid})
 * @param functionRequestId the Lambda request id of the invocation, or null when it never answered
 *     (the integration timed out)
 * @param method the request method
 * @param path the path as sent, still percent-encoded
 * @param query the query string as sent, "" when none
 * @param headers the request headers, names as sent, in the order received
 * @param arrivedAt when the request arrived
 * @param status the HTTP status answered
 * @param responseHeaders the answer's headers, a name repeated when it was sent more than once
 * @param responseBody the answer's body bytes (shared, not copied: never change them) when they are
 *     at most {@value #MAX_ANSWER_BYTES} bytes (an error API Gateway gives, a small response), else
 *     null: a large answer is the function's response mapped, which the journal has already
 * @param latency from the request's arrival to its answer, API Gateway's share included
 */
public record GatewayExchange(
    String gatewayRequestId,
    String functionRequestId,
    String method,
    String path,
    String query,
    List<Map.Entry<String, List<String>>> headers,
    Instant arrivedAt,
    int status,
    List<Map.Entry<String, String>> responseHeaders,
    byte[] responseBody,
    Duration latency) {

  /** The largest answer body kept. */
  public static final int MAX_ANSWER_BYTES = 64 * 1024;

  public GatewayExchange {
    headers = List.copyOf(headers);
    responseHeaders = List.copyOf(responseHeaders);
  }
}
