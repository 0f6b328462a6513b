package io.localsam.gateway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Request headers as API Gateway passes them on: the client's, plus the {@code X-Forwarded-*} it
 * adds.
 */
final class Headers {
  private Headers() {}

  /**
   * Name (as sent) to values, with X-Forwarded-For extended by the client address and Port/Proto
   * set.
   */
  static Map<String, List<String>> withForwarding(GatewayRequest request) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    String forwardedFor = null;
    for (GatewayRequest.Header header : request.headers()) {
      String name = header.name();
      if (name.equalsIgnoreCase("X-Forwarded-For")) {
        forwardedFor = String.join(", ", header.values());
        continue;
      }
      if (name.equalsIgnoreCase("X-Forwarded-Port") || name.equalsIgnoreCase("X-Forwarded-Proto")) {
        continue; // API Gateway sets these itself
      }
      headers.computeIfAbsent(name, k -> new ArrayList<>()).addAll(header.values());
    }
    headers.put(
        "X-Forwarded-For",
        List.of(
            forwardedFor == null ? request.sourceIp() : forwardedFor + ", " + request.sourceIp()));
    headers.put("X-Forwarded-Port", List.of(Integer.toString(request.port())));
    headers.put("X-Forwarded-Proto", List.of(request.scheme()));
    return headers;
  }
}
