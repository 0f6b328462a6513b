package chat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import java.net.URI;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;

/**
 * The WebSocket API's one function, for every route: {@code $connect} and {@code $disconnect}
 * accept, {@code sendmessage} posts the message back to its sender through the {@code @connections}
 * management API (a chat app would post it to every connection it keeps, in DynamoDB say), and
 * {@code $default} answers {@code echo: <message>} through its route response.
 */
public class App
    implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {

  @Override
  public APIGatewayV2WebSocketResponse handleRequest(
      APIGatewayV2WebSocketEvent event, Context context) {
    APIGatewayV2WebSocketEvent.RequestContext request = event.getRequestContext();
    APIGatewayV2WebSocketResponse response = new APIGatewayV2WebSocketResponse();
    response.setStatusCode(200);
    switch (request.getRouteKey()) {
      case "sendmessage" -> {
        try (ApiGatewayManagementApiClient connections =
            ApiGatewayManagementApiClient.builder()
                .endpointOverride(endpoint(request))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
          connections.postToConnection(
              post ->
                  post.connectionId(request.getConnectionId())
                      .data(SdkBytes.fromUtf8String(event.getBody())));
        }
      }
      case "$default" -> response.setBody("echo: " + event.getBody());
      default -> {} // $connect and $disconnect: nothing to keep in this sample
    }
    return response;
  }

  /**
   * The management API of the API the event came through: built from the event when deployed, and
   * given by LocalSAM when run locally (where it is plain http on the local port).
   */
  private static URI endpoint(APIGatewayV2WebSocketEvent.RequestContext request) {
    String local = System.getenv("LOCALSAM_WEBSOCKET_ENDPOINT");
    return URI.create(
        local != null ? local : "https://" + request.getDomainName() + "/" + request.getStage());
  }
}
