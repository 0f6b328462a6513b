package io.localsam.gateway;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.localsam.server.JsonValues;
import io.localsam.template.ApiKind;
import io.localsam.template.PayloadFormat;
import io.localsam.template.TemplateLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the payload 1.0 proxy event (REST APIs, and HTTP APIs asked for 1.0) as deployed API
 * Gateway does: a fresh request id and time per request, the stage in {@code requestContext.path},
 * the real User-Agent and client address, {@code X-Forwarded-*} headers, and the API's own stage
 * variables and binary media types.
 */
final class RestEventFactory {
  private static final JsonFactory JSON = new JsonFactory();

  private RestEventFactory() {}

  static byte[] event(GatewayRequest request, RouteMatch match) {
    return event(request, match, Authorization.NONE);
  }

  /** The event, with what authorization left ({@code requestContext.authorizer}, identity keys). */
  static byte[] event(GatewayRequest request, RouteMatch match, Authorization authorization) {
    Route route = match.route();
    boolean http = route.api().kind() == ApiKind.HTTP;
    ByteArrayOutputStream out = new ByteArrayOutputStream(2048 + request.body().length * 4 / 3);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      if (http) {
        json.writeStringField("version", PayloadFormat.V1.version());
      }
      String resource = route.isDefault() ? "/{proxy+}" : route.definition().path();
      String path = RouteTable.decode(request.rawPath());
      json.writeStringField("resource", resource);
      json.writeStringField("path", path);
      json.writeStringField("httpMethod", request.method());

      Map<String, List<String>> headers = Headers.withForwarding(request);
      json.writeObjectFieldStart("headers");
      for (Map.Entry<String, List<String>> header : headers.entrySet()) {
        List<String> values = header.getValue();
        json.writeStringField(header.getKey(), values.get(values.size() - 1));
      }
      json.writeEndObject();
      json.writeObjectFieldStart("multiValueHeaders");
      for (Map.Entry<String, List<String>> header : headers.entrySet()) {
        writeList(json, header.getKey(), header.getValue());
      }
      json.writeEndObject();

      Map<String, List<String>> query = QueryString.parse(request.rawQuery());
      if (query.isEmpty()) {
        json.writeNullField("queryStringParameters");
        json.writeNullField("multiValueQueryStringParameters");
      } else {
        json.writeObjectFieldStart("queryStringParameters");
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
          json.writeStringField(
              parameter.getKey(), parameter.getValue().get(parameter.getValue().size() - 1));
        }
        json.writeEndObject();
        json.writeObjectFieldStart("multiValueQueryStringParameters");
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
          writeList(json, parameter.getKey(), parameter.getValue());
        }
        json.writeEndObject();
      }
      writeMapOrNull(json, "pathParameters", route.isDefault() ? Map.of() : match.pathParameters());
      writeMapOrNull(json, "stageVariables", route.api().stageVariables());

      String stage = route.api().stageName();
      json.writeObjectFieldStart("requestContext");
      json.writeStringField("accountId", TemplateLoader.ACCOUNT_ID);
      json.writeStringField("apiId", GatewayIds.apiId(route.api().logicalId()));
      if (authorization.authorizer() != null) {
        json.writeFieldName("authorizer");
        JsonValues.write(json, authorization.authorizer());
      }
      String host = request.header("Host");
      json.writeStringField("domainName", host);
      json.writeStringField("domainPrefix", host == null ? null : domainPrefix(host));
      json.writeStringField("extendedRequestId", GatewayIds.extendedRequestId());
      json.writeStringField("httpMethod", request.method());
      if (!http && route.definition().operationName() != null) {
        json.writeStringField(
            "operationName", route.definition().operationName()); // REST only, as deployed
      }
      json.writeObjectFieldStart("identity");
      json.writeStringField("accessKey", authorization.accessKey());
      json.writeNullField("accountId");
      if (authorization.apiKey() != null) {
        json.writeStringField("apiKey", authorization.apiKey());
        json.writeStringField("apiKeyId", authorization.apiKeyId());
      }
      for (String field :
          List.of(
              "caller",
              "cognitoAuthenticationProvider",
              "cognitoAuthenticationType",
              "cognitoIdentityId",
              "cognitoIdentityPoolId",
              "principalOrgId")) {
        json.writeNullField(field);
      }
      json.writeStringField("sourceIp", request.sourceIp());
      json.writeNullField("user");
      json.writeStringField("userAgent", request.header("User-Agent"));
      json.writeNullField("userArn");
      json.writeEndObject();
      json.writeStringField("path", http && stage.equals("$default") ? path : "/" + stage + path);
      json.writeStringField("protocol", request.protocol());
      json.writeStringField("requestId", request.requestId());
      json.writeStringField("requestTime", GatewayIds.requestTime(request.epochMillis()));
      json.writeNumberField("requestTimeEpoch", request.epochMillis());
      json.writeStringField("resourceId", http ? null : GatewayIds.resourceId(resource));
      json.writeStringField("resourcePath", resource);
      json.writeStringField("stage", stage);
      json.writeEndObject();

      EventBody body = EventBody.of(request, route);
      json.writeStringField("body", body.text());
      json.writeBooleanField("isBase64Encoded", body.base64());
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static String domainPrefix(String host) {
    String name = host;
    int colon = name.lastIndexOf(':');
    if (colon > 0 && name.indexOf(']') < colon) {
      name = name.substring(0, colon);
    }
    int dot = name.indexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  private static void writeList(JsonGenerator json, String name, List<String> values)
      throws IOException {
    json.writeArrayFieldStart(name);
    for (String value : values) {
      json.writeString(value);
    }
    json.writeEndArray();
  }

  private static void writeMapOrNull(JsonGenerator json, String name, Map<String, String> values)
      throws IOException {
    if (values.isEmpty()) {
      json.writeNullField(name);
      return;
    }
    json.writeObjectFieldStart(name);
    for (Map.Entry<String, String> entry : new LinkedHashMap<>(values).entrySet()) {
      json.writeStringField(entry.getKey(), entry.getValue());
    }
    json.writeEndObject();
  }
}
