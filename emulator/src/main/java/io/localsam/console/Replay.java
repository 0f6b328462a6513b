package io.localsam.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.localsam.gateway.GatewayExchange;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * {@code POST /__localsam/api/invocations/{id}/replay}: an invocation that came from an HTTP
 * request is replayed by sending that request again to the gateway, over HTTP, so routing,
 * authorizers and response mapping run again; one that was invoked directly is invoked again with
 * its event. Either way the new invocation is a new journal entry.
 */
final class Replay {
  /** Headers the HTTP client sets itself (and refuses to be given). */
  private static final Set<String> CLIENT_HEADERS =
      Set.of(
          "connection",
          "content-length",
          "expect",
          "host",
          "upgrade",
          "transfer-encoding",
          "keep-alive",
          "http2-settings",
          "te");

  private static final Duration TIMEOUT =
      Duration.ofSeconds(35); // past API Gateway's 29/30 s integration timeout

  private final ConsoleSource source;
  private volatile HttpClient client;

  Replay(ConsoleSource source) {
    this.source = source;
  }

  /** Replays {@code original}; blocks until the answer (call it off the I/O thread). */
  ObjectNode replay(ConsoleInvocation original) throws Exception {
    ObjectNode node = AdminJson.JSON.createObjectNode();
    node.put("replayOf", original.id());
    GatewayExchange request = original.request();
    if (request == null) {
      node.set(
          "invocation", AdminJson.detail(source.invoke(original.functionId(), original.event())));
      return node;
    }
    HttpResponse<String> response =
        client()
            .send(
                request(request, RequestBody.of(original).bytes()),
                HttpResponse.BodyHandlers.ofString());
    node.put("status", response.statusCode());
    ObjectNode headers = node.putObject("headers");
    response
        .headers()
        .map()
        .forEach(
            (name, values) -> {
              ArrayNode list = headers.putArray(name);
              values.forEach(list::add);
            });
    node.put("body", response.body());
    String gatewayId =
        response
            .headers()
            .firstValue("apigw-requestid")
            .orElse(response.headers().firstValue("x-amzn-RequestId").orElse(null));
    ConsoleInvocation replayed = gatewayId == null ? null : source.byGatewayRequestId(gatewayId);
    if (replayed == null) {
      node.putNull(
          "invocation"); // the function never answered (an authorizer refused, or it was throttled)
    } else {
      node.set("invocation", AdminJson.detail(replayed));
    }
    return node;
  }

  private HttpRequest request(GatewayExchange original, byte[] body) {
    String target = original.path() + (original.query().isEmpty() ? "" : "?" + original.query());
    URI uri = source.baseUri().resolve(target.startsWith("/") ? target.substring(1) : target);
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri)
            .timeout(TIMEOUT)
            .method(
                original.method(),
                body.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    for (Map.Entry<String, List<String>> header : original.headers()) {
      if (!CLIENT_HEADERS.contains(header.getKey().toLowerCase(Locale.ROOT))) {
        header.getValue().forEach(value -> builder.header(header.getKey(), value));
      }
    }
    return builder.build();
  }

  private HttpClient client() throws GeneralSecurityException {
    HttpClient current = client;
    if (current == null) {
      HttpClient.Builder builder =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(5));
      if (source.baseUri().getScheme().equals("https")) {
        // The gateway calls itself: over HTTPS it trusts whatever certificate it serves (its own).
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[] {new OwnCertificate()}, new SecureRandom());
        builder.sslContext(tls);
      }
      current = builder.build();
      client = current;
    }
    return current;
  }

  /** Accepts the server's certificate: the replay goes only to the gateway's own base URL. */
  private static final class OwnCertificate extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
