package io.localsam.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WebSocket APIs as CloudFormation declares them ({@code AWS::ApiGatewayV2::Api} with {@code
 * ProtocolType: WEBSOCKET}, and its {@code Stage}, {@code Route}, {@code Integration}, {@code
 * RouteResponse} and {@code Authorizer} resources), read into {@link WebSocketApiDef}s; what is not
 * emulated is warned about by name.
 */
class WebSocketTemplateTest {
  private static final String FUNCTIONS =
      """
        Connect:
          Type: AWS::Lambda::Function
          Properties: {Runtime: java17, Handler: a.Connect, Code: app}
        Send:
          Type: AWS::Serverless::Function
          Properties: {Runtime: java17, Handler: a.Send, CodeUri: app}
        Gate:
          Type: AWS::Lambda::Function
          Properties: {Runtime: java17, Handler: a.Gate, Code: app}
      """;

  @TempDir Path folder;

  @Test
  void routes_integrations_route_responses_authorizers_and_the_stage_are_read() {
    Template template =
        new TemplateFiles(folder)
            .load(
                """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Chat:
            Type: AWS::ApiGatewayV2::Api
            Properties: {Name: chat, ProtocolType: WEBSOCKET, RouteSelectionExpression: $request.body.action}
          Stage:
            Type: AWS::ApiGatewayV2::Stage
            Properties: {ApiId: !Ref Chat, StageName: production, DefaultRouteSettings: {ThrottlingBurstLimit: 10}}
          Auth:
            Type: AWS::ApiGatewayV2::Authorizer
            Properties:
              ApiId: !Ref Chat
              Name: auth
              AuthorizerType: REQUEST
              IdentitySource: [route.request.header.Auth, route.request.querystring.token]
              AuthorizerUri: !Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Gate.Arn}/invocations
          ConnectRoute:
            Type: AWS::ApiGatewayV2::Route
            Properties:
              ApiId: !Ref Chat
              RouteKey: $connect
              AuthorizationType: CUSTOM
              AuthorizerId: !Ref Auth
              Target: !Sub integrations/${ConnectIntegration}
          ConnectIntegration:
            Type: AWS::ApiGatewayV2::Integration
            Properties:
              ApiId: !Ref Chat
              IntegrationType: AWS_PROXY
              IntegrationUri: !Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Connect.Arn}/invocations
          SendRoute:
            Type: AWS::ApiGatewayV2::Route
            Properties:
              ApiId: !Ref Chat
              RouteKey: sendmessage
              Target: !Join [/, [integrations, !Ref SendIntegration]]
          SendIntegration:
            Type: AWS::ApiGatewayV2::Integration
            Properties: {ApiId: !Ref Chat, IntegrationType: AWS_PROXY, IntegrationUri: !GetAtt Send.Arn}
          SendResponse:
            Type: AWS::ApiGatewayV2::RouteResponse
            Properties: {ApiId: !Ref Chat, RouteId: !Ref SendRoute, RouteResponseKey: $default}
          MockRoute:
            Type: AWS::ApiGatewayV2::Route
            Properties: {ApiId: !Ref Chat, RouteKey: mock, Target: !Sub "integrations/${Mock}"}
          Mock:
            Type: AWS::ApiGatewayV2::Integration
            Properties: {ApiId: !Ref Chat, IntegrationType: MOCK}
        """
                    + FUNCTIONS);

    WebSocketApiDef chat = template.webSocketApis().get(0);
    assertEquals("Chat", chat.logicalId());
    assertEquals("production", chat.stageName());
    assertEquals("$request.body.action", chat.routeSelectionExpression());
    assertEquals(
        List.of("$connect", "sendmessage"),
        chat.routes().stream().map(WebSocketRouteDef::routeKey).toList());
    WebSocketRouteDef connect = chat.route("$connect");
    assertEquals("Connect", connect.functionId());
    assertEquals("Auth", connect.authorizer());
    assertFalse(connect.twoWay());
    assertTrue(chat.route("sendmessage").twoWay());
    assertEquals("Send", chat.route("sendmessage").functionId());
    assertNull(chat.route("mock"));
    AuthorizerDef auth = chat.authorizers().get("Auth");
    assertEquals("Gate", auth.functionId());
    assertEquals(
        List.of("route.request.header.Auth", "route.request.querystring.token"),
        auth.identitySources());
    assertEquals(List.of(), template.routes());
    assertEquals(
        List.of(
            "Stage.DefaultRouteSettings (throttling, logging) is not emulated; it is ignored",
            "MockRoute (Chat mock): integration Mock of type MOCK is not emulated (only AWS_PROXY Lambda integrations are); the"
                + " route is not mounted"),
        template.warnings());
  }

  @Test
  void a_websocket_api_without_a_route_selection_expression_is_an_error_with_its_line() {
    String error =
        new TemplateFiles(folder)
            .error(
                """
        Resources:
          Chat:
            Type: AWS::ApiGatewayV2::Api
            Properties: {ProtocolType: WEBSOCKET}
        """
                    + FUNCTIONS);

    assertEquals(
        "$DIR/template.yaml:3:5: Chat: a WEBSOCKET API needs a RouteSelectionExpression ($request.body.action, say)",
        error);
  }

  @Test
  void iam_authorization_and_authorizers_on_other_routes_are_warned_about() {
    Template template =
        new TemplateFiles(folder)
            .load(
                """
        Resources:
          Chat:
            Type: AWS::ApiGatewayV2::Api
            Properties: {ProtocolType: WEBSOCKET, RouteSelectionExpression: $default}
          Stage:
            Type: AWS::ApiGatewayV2::Stage
            Properties: {ApiId: !Ref Chat, StageName: dev}
          ConnectRoute:
            Type: AWS::ApiGatewayV2::Route
            Properties: {ApiId: !Ref Chat, RouteKey: $connect, AuthorizationType: AWS_IAM, Target: !Sub "integrations/${I}"}
          DefaultRoute:
            Type: AWS::ApiGatewayV2::Route
            Properties: {ApiId: !Ref Chat, RouteKey: $default, AuthorizationType: AWS_IAM, Target: !Sub "integrations/${I}"}
          I:
            Type: AWS::ApiGatewayV2::Integration
            Properties: {ApiId: !Ref Chat, IntegrationType: AWS_PROXY, IntegrationUri: !GetAtt Connect.Arn}
        """
                    + FUNCTIONS);

    assertEquals(
        List.of(
            "ConnectRoute (Chat $connect): AWS_IAM authorization of WebSocket connections is not emulated;"
                + " every connection is let through",
            "DefaultRoute (Chat $default): AuthorizationType AWS_IAM is used by API Gateway"
                + " on $connect only; it is ignored"),
        template.warnings());
    assertNull(template.webSocketApis().get(0).route("$connect").authorizer());
  }
}
