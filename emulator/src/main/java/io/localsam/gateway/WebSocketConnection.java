package io.localsam.gateway;

import io.undertow.websockets.core.WebSocketChannel;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One client connection to a WebSocket API, from its {@code $connect} on: its id, the handshake
 * request (for the identity every event repeats), the authorizer's context, and when it was last
 * active.
 */
final class WebSocketConnection {
  final String id;
  final WebSocketMount mount;
  final GatewayRequest handshake;
  final String domainName;
  final long connectedAt;

  /**
   * The authorizer's {@code requestContext.authorizer}, which every later event of the connection
   * carries, or null.
   */
  final Map<String, Object> authorizer;

  private final AtomicBoolean gone = new AtomicBoolean();
  private volatile long lastActiveAt;
  private volatile WebSocketChannel channel;
  private volatile ScheduledFuture<?> idleCheck;
  private volatile ScheduledFuture<?> durationLimit;

  WebSocketConnection(
      String id, WebSocketMount mount, GatewayRequest handshake, Map<String, Object> authorizer) {
    this.id = id;
    this.mount = mount;
    this.handshake = handshake;
    this.domainName = handshake.header("Host") == null ? "localhost" : handshake.header("Host");
    this.connectedAt = handshake.epochMillis();
    this.lastActiveAt = connectedAt;
    this.authorizer = authorizer;
  }

  void opened(
      WebSocketChannel channel, ScheduledFuture<?> idleCheck, ScheduledFuture<?> durationLimit) {
    this.channel = channel;
    this.idleCheck = idleCheck;
    this.durationLimit = durationLimit;
  }

  void idleCheck(ScheduledFuture<?> next) {
    idleCheck = next;
  }

  WebSocketChannel channel() {
    return channel;
  }

  void active() {
    lastActiveAt = System.currentTimeMillis();
  }

  long lastActiveAt() {
    return lastActiveAt;
  }

  /** True the first time only: a connection is disconnected once, whichever side closes it. */
  boolean markGone() {
    if (!gone.compareAndSet(false, true)) {
      return false;
    }
    ScheduledFuture<?> idle = idleCheck;
    ScheduledFuture<?> duration = durationLimit;
    if (idle != null) {
      idle.cancel(false);
    }
    if (duration != null) {
      duration.cancel(false);
    }
    return true;
  }

  boolean isGone() {
    return gone.get();
  }
}
