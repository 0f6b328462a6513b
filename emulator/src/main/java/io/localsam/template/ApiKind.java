package io.localsam.template;

/**
 * REST APIs (API Gateway v1, {@code Api} events), HTTP APIs (v2, {@code HttpApi} events) and
 * WebSocket APIs (v2, {@code ProtocolType: WEBSOCKET}; their authorizers only, their routes are
 * {@link WebSocketApiDef}s).
 */
public enum ApiKind {
  REST,
  HTTP,
  WEBSOCKET
}
