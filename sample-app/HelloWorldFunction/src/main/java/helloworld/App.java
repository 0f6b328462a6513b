package helloworld;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.HashMap;

/** Handler for requests to Lambda function. */
public class App
    implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

  public APIGatewayProxyResponseEvent handleRequest(
      final APIGatewayProxyRequestEvent input, final Context context) {
    var headers = new HashMap<String, String>();
    headers.put("Content-Type", "application/json");
    headers.put("X-Custom-Header", "application/json");

    // sam init's version also calls checkip.amazonaws.com; this one stays offline so tests never
    // need a network.
    return new APIGatewayProxyResponseEvent()
        .withHeaders(headers)
        .withStatusCode(200)
        .withBody("{\"message\": \"hello world\"}");
  }
}
