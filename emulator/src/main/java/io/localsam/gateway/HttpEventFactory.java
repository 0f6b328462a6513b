package io.localsam.gateway;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.localsam.server.JsonValues;
import io.localsam.template.PayloadFormat;
import io.localsam.template.TemplateLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the payload 2.0 event of HTTP APIs as deployed API Gateway does: lower-case header names
 * with repeated values comma-joined, cookies moved to {@code cookies}, comma-joined query values,
 * the route key as declared ({@code ANY /x}), time in milliseconds, empty fields left out, and
 * non-text bodies base64-encoded.
 */
final class HttpEventFactory {
  private static final JsonFactory JSON = new JsonFactory();

  private HttpEventFactory() {}

  static byte[] event(GatewayRequest request, RouteMatch match) {
    return event(request, match, Authorization.NONE);
  }

  /** The event, with {@code requestContext.authorizer} as authorization left it. */
  static byte[] event(GatewayRequest request, RouteMatch match, Authorization authorization) {
    Route route = match.route();
    ByteArrayOutputStream out = new ByteArrayOutputStream(2048 + request.body().length * 4 / 3);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("version", PayloadFormat.V2.version());
      String routeKey = route.isFunctionUrl() ? "$default" : route.definition().routeKey();
      json.writeStringField("routeKey", routeKey);
      String stage = route.api().stageName();
      String rawPath =
          stage.equals("$default") ? request.rawPath() : "/" + stage + request.rawPath();
      if (route.isFunctionUrl()) {
        String rest =
            request
                .rawPath()
                .substring(Math.min(route.urlPrefix().length(), request.rawPath().length()));
        rawPath =
            rest.isEmpty()
                ? "/"
                : rest; // a function URL serves its whole host; locally, what follows the prefix
      }
      json.writeStringField("rawPath", rawPath);
      json.writeStringField("rawQueryString", request.rawQuery());

      List<String> cookies = new ArrayList<>();
      Map<String, String> headers = new LinkedHashMap<>();
      for (Map.Entry<String, List<String>> header : Headers.withForwarding(request).entrySet()) {
        String name = header.getKey().toLowerCase(Locale.ROOT);
        if (name.equals("cookie")) {
          for (String value : header.getValue()) {
            for (String cookie : value.split(";")) {
              if (!cookie.isBlank()) {
                cookies.add(cookie.strip());
              }
            }
          }
          continue;
        }
        String joined = String.join(",", header.getValue());
        headers.merge(name, joined, (a, b) -> a + "," + b);
      }
      if (!cookies.isEmpty()) {
        json.writeArrayFieldStart("cookies");
        for (String cookie : cookies) {
          json.writeString(cookie);
        }
        json.writeEndArray();
      }
      json.writeObjectFieldStart("headers");
      for (Map.Entry<String, String> header : headers.entrySet()) {
        json.writeStringField(header.getKey(), header.getValue());
      }
      json.writeEndObject();

      Map<String, List<String>> query = QueryString.parse(request.rawQuery());
      if (!query.isEmpty()) {
        json.writeObjectFieldStart("queryStringParameters");
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
          json.writeStringField(parameter.getKey(), String.join(",", parameter.getValue()));
        }
        json.writeEndObject();
      }

      json.writeObjectFieldStart("requestContext");
      json.writeStringField("accountId", TemplateLoader.ACCOUNT_ID);
      json.writeStringField("apiId", GatewayIds.apiId(route.api().logicalId()));
      if (authorization.authorizer() != null) {
        json.writeFieldName("authorizer");
        JsonValues.write(json, authorization.authorizer());
      }
      String host = request.header("Host");
      json.writeStringField("domainName", host);
      json.writeStringField(
          "domainPrefix", host == null ? null : RestEventFactory.domainPrefix(host));
      json.writeObjectFieldStart("http");
      json.writeStringField("method", request.method());
      json.writeStringField("path", rawPath);
      json.writeStringField("protocol", request.protocol());
      json.writeStringField("sourceIp", request.sourceIp());
      json.writeStringField("userAgent", request.header("User-Agent"));
      json.writeEndObject();
      json.writeStringField("requestId", request.requestId());
      json.writeStringField("routeKey", routeKey);
      json.writeStringField("stage", stage);
      json.writeStringField("time", GatewayIds.requestTime(request.epochMillis()));
      json.writeNumberField("timeEpoch", request.epochMillis());
      json.writeEndObject();

      if (!match.pathParameters().isEmpty() && !route.isFunctionUrl()) {
        json.writeObjectFieldStart("pathParameters");
        for (Map.Entry<String, String> parameter : match.pathParameters().entrySet()) {
          json.writeStringField(parameter.getKey(), parameter.getValue());
        }
        json.writeEndObject();
      }
      if (!route.api().stageVariables().isEmpty()) {
        json.writeObjectFieldStart("stageVariables");
        for (Map.Entry<String, String> variable : route.api().stageVariables().entrySet()) {
          json.writeStringField(variable.getKey(), variable.getValue());
        }
        json.writeEndObject();
      }
      EventBody body = EventBody.of(request, route);
      if (body.text() != null) {
        json.writeStringField("body", body.text());
      }
      json.writeBooleanField("isBase64Encoded", body.base64());
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
