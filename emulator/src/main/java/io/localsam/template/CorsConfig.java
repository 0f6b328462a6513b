package io.localsam.template;

import java.util.List;

/**
 * One CORS configuration that API Gateway applies itself: an HTTP API's {@code CorsConfiguration}
 * (or {@code x-amazon-apigateway-cors}) and a function URL's {@code Cors} end up here. (A REST
 * API's CORS is static OPTIONS mocks instead: {@link OptionsMock}.)
 *
 * @param allowOrigins {@code Access-Control-Allow-Origin} values; {@code *} allows any origin
 * @param allowMethods allowed methods
 * @param allowHeaders allowed request headers
 * @param exposeHeaders headers exposed to the browser
 * @param allowCredentials {@code Access-Control-Allow-Credentials}
 * @param maxAgeSeconds {@code Access-Control-Max-Age}, or {@code null} when not set
 */
public record CorsConfig(
    List<String> allowOrigins,
    List<String> allowMethods,
    List<String> allowHeaders,
    List<String> exposeHeaders,
    boolean allowCredentials,
    Integer maxAgeSeconds) {

  public CorsConfig {
    allowOrigins = List.copyOf(allowOrigins);
    allowMethods = List.copyOf(allowMethods);
    allowHeaders = List.copyOf(allowHeaders);
    exposeHeaders = List.copyOf(exposeHeaders);
  }

  /** True when a request from {@code origin} may see the response. */
  public boolean allowsOrigin(String origin) {
    return allowOrigins.contains("*") || (origin != null && allowOrigins.contains(origin));
  }
}
