package io.localsam.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.HttpString;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * The lean prototype, rebuilt so it runs in the same bench: on Undertow's worker pool, a
 * payload 1.0 event built with Jackson from the request, turned into {@code
 * APIGatewayProxyRequestEvent} ({@code convertValue}), the sample's handler called on one shared
 * instance, its response mapped back. No isolation, no AWS serializer, no timeouts, no logs: what
 * LocalSAM must beat while doing all of those.
 *
 * <p>{@code java -cp ...:sample-app/HelloWorldFunction/target/classes
 * io.localsam.bench.LeanPrototype PORT}
 */
public final class LeanPrototype {
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private LeanPrototype() {}

  @SuppressWarnings("unchecked")
  public static void main(String[] args) throws ReflectiveOperationException {
    int port = Integer.parseInt(args[0]);
    RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler =
        (RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>)
            Class.forName("helloworld.App").getConstructor().newInstance();
    InvokeBenchmark.TrivialContext context = new InvokeBenchmark.TrivialContext();
    HttpHandler lean =
        new HttpHandler() {
          @Override
          public void handleRequest(HttpServerExchange exchange) {
            if (exchange.isInIoThread()) {
              exchange.dispatch(
                  this); // the handler may block: off the I/O thread, as any emulator must
              return;
            }
            ObjectNode event = JSON.createObjectNode();
            event
                .put("resource", exchange.getRequestPath())
                .put("path", exchange.getRequestPath())
                .put("httpMethod", exchange.getRequestMethod().toString());
            ObjectNode headers = event.putObject("headers");
            ObjectNode multi = event.putObject("multiValueHeaders");
            for (HeaderValues values : exchange.getRequestHeaders()) {
              headers.put(values.getHeaderName().toString(), values.getLast());
              values.forEach(multi.putArray(values.getHeaderName().toString())::add);
            }
            ObjectNode requestContext = event.putObject("requestContext");
            requestContext
                .put("requestId", UUID.randomUUID().toString())
                .put("stage", "Prod")
                .putObject("identity")
                .put("sourceIp", exchange.getSourceAddress().getAddress().getHostAddress());
            event.putNull("body");
            event.put("isBase64Encoded", false);
            APIGatewayProxyResponseEvent response =
                handler.handleRequest(
                    JSON.convertValue(event, APIGatewayProxyRequestEvent.class), context);
            exchange.setStatusCode(response.getStatusCode());
            if (response.getHeaders() != null) {
              for (Map.Entry<String, String> header : response.getHeaders().entrySet()) {
                exchange
                    .getResponseHeaders()
                    .put(HttpString.tryFromString(header.getKey()), header.getValue());
              }
            }
            exchange
                .getResponseSender()
                .send(response.getBody() == null ? "" : response.getBody(), StandardCharsets.UTF_8);
          }
        };
    Undertow server =
        Undertow.builder()
            .addHttpListener(port, "127.0.0.1")
            .setIoThreads(Math.max(2, Runtime.getRuntime().availableProcessors()))
            .setHandler(lean)
            .build();
    server.start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "lean-shutdown"));
    System.err.println("Lean prototype on http://127.0.0.1:" + port + "/hello");
  }
}
