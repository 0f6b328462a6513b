package io.localsam.gateway;

import java.time.Duration;

/**
 * API Gateway's WebSocket quotas (README, WebSocket APIs): a single-frame message over {@code
 * frameBytes} or a message over {@code messageBytes} closes the connection with 1009; no message
 * for {@code idleTimeout}, or a connection open for {@code maxDuration}, closes it with 1001. Tests
 * pass shorter times.
 */
record WebSocketLimits(
    int frameBytes, int messageBytes, Duration idleTimeout, Duration maxDuration) {
  static final WebSocketLimits DEPLOYED =
      new WebSocketLimits(32 * 1024, 128 * 1024, Duration.ofMinutes(10), Duration.ofHours(2));
}
