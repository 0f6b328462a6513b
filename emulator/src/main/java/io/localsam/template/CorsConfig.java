package io.localsam.template;

import java.util.List;

/**
 * One CORS configuration, in the shape API Gateway applies it: a REST API's {@code Cors}, an HTTP API's
 * {@code CorsConfiguration} (or {@code x-amazon-apigateway-cors}) and a function URL's {@code Cors} all
 * end up here. REST values written in SAM's quoted form ({@code "'https://example.com'"}) are stored
 * without the quotes and split on commas.
 *
 * @param allowOrigins {@code Access-Control-Allow-Origin} values; {@code *} allows any origin
 * @param allowMethods allowed methods; empty means "the methods declared on the path" (SAM's default for
 *     REST APIs)
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
