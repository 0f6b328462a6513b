package io.localsam.gateway;

import java.util.List;

/**
 * An HTTP request as API Gateway sees it, taken off the server once so event building is plain
 * code.
 *
 * @param method the request method
 * @param rawPath the path as sent, still percent-encoded, without the query
 * @param rawQuery the query string as sent, or "" when there is none
 * @param headers the headers in the order received, names as sent
 * @param body the body bytes (empty when none)
 * @param sourceIp the client's address
 * @param protocol {@code HTTP/1.1}, ...
 * @param scheme {@code http} or {@code https}
 * @param port the port the request arrived on
 * @param epochMillis when the request arrived
 * @param requestId API Gateway's id for this request
 */
record GatewayRequest(
    String method,
    String rawPath,
    String rawQuery,
    List<Header> headers,
    byte[] body,
    String sourceIp,
    String protocol,
    String scheme,
    int port,
    long epochMillis,
    String requestId) {

  record Header(String name, List<String> values) {}

  /** The same request with no body: what an authorizer event describes, which never carries one. */
  GatewayRequest withoutBody() {
    return new GatewayRequest(
        method,
        rawPath,
        rawQuery,
        headers,
        new byte[0],
        sourceIp,
        protocol,
        scheme,
        port,
        epochMillis,
        requestId);
  }

  /** The first value of a header, matched without regard to case, or null. */
  String header(String name) {
    for (Header header : headers) {
      if (header.name().equalsIgnoreCase(name) && !header.values().isEmpty()) {
        return header.values().get(0);
      }
    }
    return null;
  }
}
