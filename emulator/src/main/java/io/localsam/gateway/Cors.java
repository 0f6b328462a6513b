package io.localsam.gateway;

import io.localsam.template.ApiDef;
import io.localsam.template.ApiKind;
import io.localsam.template.CorsConfig;
import io.localsam.template.OptionsMock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CORS as deployed API Gateway applies it. REST APIs: each resource's OPTIONS mock (SAM's {@code
 * Cors} adds one per path, CDK one per resource) answers with its status and static headers
 * whatever the origin; other responses are the function's own. HTTP APIs (and function URLs): API
 * Gateway answers every preflight itself (204), and adds the CORS headers to integration responses
 * for an allowed origin, replacing the backend's.
 */
final class Cors {
  private Cors() {}

  /** A REST resource's OPTIONS mock: its status and headers, no body. */
  static GatewayResponse mock(OptionsMock mock) {
    List<Map.Entry<String, String>> headers = new ArrayList<>(mock.headers().entrySet());
    if (headers.stream().noneMatch(header -> header.getKey().equalsIgnoreCase("Content-Type"))) {
      headers.add(Map.entry("Content-Type", "application/json"));
    }
    return new GatewayResponse(mock.statusCode(), headers, new byte[0]);
  }

  /** The preflight answer of an HTTP API (or function URL) that has CORS. */
  static GatewayResponse preflight(ApiDef api, String origin) {
    CorsConfig cors = api.cors();
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    // Without an Origin header the request is no cross-origin preflight: nothing to allow, nothing
    // to echo.
    if (origin != null && cors.allowsOrigin(origin)) {
      headers.add(Map.entry("Access-Control-Allow-Origin", allowedOrigin(cors, origin)));
      addIfAny(headers, "Access-Control-Allow-Methods", cors.allowMethods());
      addIfAny(headers, "Access-Control-Allow-Headers", cors.allowHeaders());
      if (cors.maxAgeSeconds() != null) {
        headers.add(Map.entry("Access-Control-Max-Age", cors.maxAgeSeconds().toString()));
      }
      if (cors.allowCredentials()) {
        headers.add(Map.entry("Access-Control-Allow-Credentials", "true"));
      }
    }
    return new GatewayResponse(204, headers, new byte[0]);
  }

  /**
   * HTTP APIs put their CORS headers on the function's response for an allowed origin, replacing
   * its own.
   */
  static GatewayResponse decorate(GatewayResponse response, ApiDef api, String origin) {
    CorsConfig cors = api.cors();
    if (api.kind() != ApiKind.HTTP
        || cors == null
        || origin == null
        || !cors.allowsOrigin(origin)) {
      return response;
    }
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    for (Map.Entry<String, String> header : response.headers()) {
      if (!header.getKey().toLowerCase(Locale.ROOT).startsWith("access-control-")) {
        headers.add(header);
      }
    }
    headers.add(Map.entry("Access-Control-Allow-Origin", allowedOrigin(cors, origin)));
    addIfAny(headers, "Access-Control-Expose-Headers", cors.exposeHeaders());
    if (cors.allowCredentials()) {
      headers.add(Map.entry("Access-Control-Allow-Credentials", "true"));
    }
    return new GatewayResponse(response.status(), headers, response.body());
  }

  private static String allowedOrigin(CorsConfig cors, String origin) {
    return cors.allowOrigins().contains("*") && !cors.allowCredentials() ? "*" : origin;
  }

  private static void addIfAny(
      List<Map.Entry<String, String>> headers, String name, List<String> values) {
    if (!values.isEmpty()) {
      headers.add(Map.entry(name, String.join(",", values)));
    }
  }
}
