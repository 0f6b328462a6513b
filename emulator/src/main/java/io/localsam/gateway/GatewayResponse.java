package io.localsam.gateway;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the client gets: status, header lines (a name may repeat) and body bytes. */
record GatewayResponse(int status, List<Map.Entry<String, String>> headers, byte[] body) {

  static GatewayResponse json(int status, String body, String... headerPairs) {
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    headers.add(Map.entry("Content-Type", "application/json"));
    for (int i = 0; i + 1 < headerPairs.length; i += 2) {
      headers.add(Map.entry(headerPairs[i], headerPairs[i + 1]));
    }
    return new GatewayResponse(status, headers, body.getBytes(StandardCharsets.UTF_8));
  }
}
