package io.localsam.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request the gateway handed to a function, and what it answered: what the journal keeps beside the
 * invocation, so the console shows the request as sent and a replay can send it again.
 *
 * @param gatewayRequestId API Gateway's id of the request ({@code x-amzn-RequestId} or {@code apigw-requestid})
 * @param functionRequestId the Lambda request id of the invocation, or null when it never answered (the
 *     integration timed out)
 * @param method the request method
 * @param path the path as sent, still percent-encoded
 * @param query the query string as sent, "" when none
 * @param headers the request headers, names as sent, in the order received
 * @param body the request body as text (UTF-8), or base64 when {@code base64}
 * @param base64 true when the body was not UTF-8 text
 * @param arrivedAt when the request arrived
 * @param status the HTTP status answered
 * @param responseHeaders the answer's headers, a name repeated when it was sent more than once
 * @param responseBody the answer's body as text (UTF-8; bytes that are not text are replaced)
 * @param latency from the request's arrival to its answer, API Gateway's share included
 */
public record GatewayExchange(
    String gatewayRequestId,
    String functionRequestId,
    String method,
    String path,
    String query,
    List<Map.Entry<String, List<String>>> headers,
    String body,
    boolean base64,
    Instant arrivedAt,
    int status,
    List<Map.Entry<String, String>> responseHeaders,
    String responseBody,
    Duration latency) {

  public GatewayExchange {
    headers = List.copyOf(headers);
    responseHeaders = List.copyOf(responseHeaders);
  }
}
