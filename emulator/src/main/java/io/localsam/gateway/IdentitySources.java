package io.localsam.gateway;

import io.localsam.template.ApiKind;
import io.localsam.template.TemplateLoader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an authorizer's identity sources from a request: REST's {@code method.request.header.X},
 * {@code method.request.querystring.X}, {@code stageVariables.X}, {@code context.X}, and HTTP APIs'
 * {@code $request.header.X}, {@code $request.querystring.X}, {@code $stageVariables.X}, {@code
 * $context.X}, and WebSocket APIs' {@code route.request.header.X} and {@code
 * route.request.querystring.X}. API Gateway answers 401 without calling the authorizer when one is
 * missing or empty.
 */
final class IdentitySources {
  private IdentitySources() {}

  /** The source values in order, or null when one is missing or empty. */
  static List<String> values(List<String> sources, GatewayRequest request, RouteMatch match) {
    List<String> values = new ArrayList<>();
    for (String source : sources) {
      String value = value(source, request, match);
      if (value == null || value.isEmpty()) {
        return null;
      }
      values.add(value);
    }
    return values;
  }

  static String value(String source, GatewayRequest request, RouteMatch match) {
    String name = source.startsWith("$") ? source.substring(1) : source;
    boolean http = match.route().api().kind() == ApiKind.HTTP;
    if (name.startsWith("method.request.header.")
        || name.startsWith("request.header.")
        || name.startsWith("route.request.header.")) {
      return header(request, name.substring(name.indexOf("header.") + 7));
    }
    if (name.startsWith("method.request.querystring.")
        || name.startsWith("request.querystring.")
        || name.startsWith("route.request.querystring.")) {
      List<String> values =
          QueryString.parse(request.rawQuery())
              .get(name.substring(name.indexOf("querystring.") + 12));
      // REST keeps the last value (as in queryStringParameters), HTTP APIs join them
      return values == null
          ? null
          : http ? String.join(",", values) : values.get(values.size() - 1);
    }
    if (name.startsWith("stageVariables.")) {
      return match.route().api().stageVariables().get(name.substring(15));
    }
    if (name.startsWith("context.")) {
      return context(name.substring(8), request, match);
    }
    return null;
  }

  private static String header(GatewayRequest request, String name) {
    List<String> values = new ArrayList<>();
    for (GatewayRequest.Header header : request.headers()) {
      if (header.name().equalsIgnoreCase(name)) {
        values.addAll(header.values());
      }
    }
    return values.isEmpty() ? null : String.join(",", values);
  }

  /** The {@code $context} variables a request has before authorization. */
  private static String context(String variable, GatewayRequest request, RouteMatch match) {
    Route route = match.route();
    return switch (variable) {
      case "httpMethod" -> request.method();
      case "path" -> RouteTable.decode(request.rawPath());
      case "resourcePath" -> route.definition().path();
      case "routeKey" -> route.definition().routeKey();
      case "stage" -> route.api().stageName();
      case "requestId" -> request.requestId();
      case "apiId" -> GatewayIds.apiId(route.api().logicalId());
      case "accountId" -> TemplateLoader.ACCOUNT_ID;
      case "domainName" -> request.header("Host");
      case "protocol" -> request.protocol();
      case "identity.sourceIp" -> request.sourceIp();
      case "identity.userAgent" -> request.header("User-Agent");
      default -> null; // not one LocalSAM knows before authorization: treated as missing
    };
  }
}
