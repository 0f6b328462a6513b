package io.localsam.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.localsam.template.ApiKind;
import io.localsam.template.AuthorizerDef;
import io.localsam.template.PayloadFormat;
import io.localsam.template.TemplateLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The event a Lambda authorizer receives, in the authorizer's own format (not the route's): REST
 * TOKEN ({@code type}, {@code authorizationToken}, {@code methodArn}); REST REQUEST (the request as
 * the proxy event has it, without the body, plus {@code type} and {@code methodArn}); HTTP API
 * payload 1.0 (the same plus {@code version}, {@code identitySource} and {@code
 * authorizationToken}, the source values comma-joined); HTTP API payload 2.0 (the 2.0 request
 * without the body, plus {@code type}, {@code routeArn} and {@code identitySource} as a list).
 * Shapes follow the AWS samples in the test resources, aws-sample-events
 * (ApiGatewayAuthorizer.json, apigw_auth.json, apigw_auth_v2.json).
 */
final class AuthorizerEvents {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AuthorizerEvents() {}

  /**
   * {@code arn:aws:execute-api:REGION:ACCOUNT:API_ID/STAGE/METHOD/path} ({@code .../STAGE/$connect}
   * for a WebSocket API): what policies are matched against.
   */
  static String methodArn(String region, GatewayRequest request, Route route) {
    if (route.api().kind() == ApiKind.WEBSOCKET) { // .../STAGE/$connect
      return "arn:aws:execute-api:"
          + region
          + ":"
          + TemplateLoader.ACCOUNT_ID
          + ":"
          + GatewayIds.apiId(route.api().logicalId())
          + "/"
          + route.api().stageName()
          + "/"
          + route.definition().path();
    }
    return "arn:aws:execute-api:"
        + region
        + ":"
        + TemplateLoader.ACCOUNT_ID
        + ":"
        + GatewayIds.apiId(route.api().logicalId())
        + "/"
        + route.api().stageName()
        + "/"
        + request.method()
        + RouteTable.decode(request.rawPath());
  }

  static byte[] event(
      AuthorizerDef authorizer,
      GatewayRequest request,
      RouteMatch match,
      List<String> identity,
      String arn) {
    ObjectNode event = JSON.createObjectNode();
    if (authorizer.type().equals(AuthorizerDef.TOKEN)) {
      event.put("type", AuthorizerDef.TOKEN);
      event.put("authorizationToken", identity.get(0));
      event.put("methodArn", arn);
      return bytes(event);
    }
    boolean http = match.route().api().kind() == ApiKind.HTTP;
    if (http && authorizer.payloadFormat() != PayloadFormat.V1) {
      ObjectNode request2 =
          read(
              HttpEventFactory.event(request.withoutBody(), match)); // a body would only be dropped
      event.put("version", "2.0");
      event.put("type", AuthorizerDef.REQUEST);
      event.put("routeArn", arn);
      ArrayNode sources = event.putArray("identitySource");
      identity.forEach(sources::add);
      copyRequest(request2, event);
      return bytes(event);
    }
    ObjectNode request1 = read(RestEventFactory.event(request.withoutBody(), match));
    if (http) {
      event.put("version", "1.0");
    }
    event.put("type", AuthorizerDef.REQUEST);
    event.put("methodArn", arn);
    if (http) {
      event.put("identitySource", String.join(",", identity));
      event.put("authorizationToken", String.join(",", identity));
    }
    copyRequest(request1, event);
    return bytes(event);
  }

  /** Everything the proxy event says about the request, except its body and version. */
  private static void copyRequest(ObjectNode request, ObjectNode event) {
    for (Iterator<Map.Entry<String, JsonNode>> fields = request.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = field.getKey();
      if (!name.equals("version") && !name.equals("body") && !name.equals("isBase64Encoded")) {
        event.set(name, field.getValue());
      }
    }
  }

  private static ObjectNode read(byte[] event) {
    try {
      return (ObjectNode) JSON.readTree(event);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bytes(ObjectNode event) {
    try {
      return JSON.writeValueAsBytes(event);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
