package io.localsam.template;

/** REST APIs (API Gateway v1, {@code Api} events) and HTTP APIs (v2, {@code HttpApi} events). */
public enum ApiKind {
  REST,
  HTTP
}
