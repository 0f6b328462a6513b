package io.localsam.gateway;

/**
 * What API Gateway itself sends on a WebSocket API (README, WebSocket APIs): the frames a client
 * gets when no route takes its message or the route's function fails, and the refusal of a
 * handshake whose function failed.
 */
final class WebSocketMessages {
  private WebSocketMessages() {}

  /** No route for the message and no {@code $default}. */
  static String forbidden(String connectionId, String requestId) {
    return message("Forbidden", connectionId, requestId);
  }

  /** The route's function failed (threw, timed out, could not run). */
  static String internalError(String connectionId, String requestId) {
    return message("Internal server error", connectionId, requestId);
  }

  private static String message(String message, String connectionId, String requestId) {
    return "{\"message\": \""
        + message
        + "\", \"connectionId\":\""
        + connectionId
        + "\", \"requestId\":\""
        + requestId
        + "\"}";
  }

  /** The {@code $connect} function failed: the upgrade is refused with 502. */
  static GatewayResponse connectFailure() {
    return GatewayResponse.json(502, "{\"message\": \"Internal server error\"}");
  }
}
