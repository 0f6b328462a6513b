package io.localsam.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a request and its answer into the {@link GatewayExchange} the journal keeps; nothing is
 * decoded here.
 */
final class ExchangeRecords {
  private ExchangeRecords() {}

  static GatewayExchange of(
      GatewayRequest request, String functionRequestId, GatewayResponse response) {
    List<Map.Entry<String, List<String>>> headers = new ArrayList<>(request.headers().size());
    request.headers().forEach(header -> headers.add(Map.entry(header.name(), header.values())));
    long now = System.currentTimeMillis();
    return new GatewayExchange(
        request.requestId(),
        functionRequestId,
        request.method(),
        request.rawPath(),
        request.rawQuery() == null ? "" : request.rawQuery(),
        headers,
        Instant.ofEpochMilli(request.epochMillis()),
        response.status(),
        response.headers(),
        response.body().length <= GatewayExchange.MAX_ANSWER_BYTES ? response.body() : null,
        Duration.ofMillis(Math.max(0, now - request.epochMillis())));
  }
}
