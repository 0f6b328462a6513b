package io.localsam.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real WebSocket client (the JDK's {@link WebSocket}) that keeps what it receives: each text
 * message, and the close code and reason the server sent. Waits are bounded (10 s).
 */
public final class WebSocketTestClient implements WebSocket.Listener {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
  private final CompletableFuture<String> closed = new CompletableFuture<>();
  private final StringBuilder partial = new StringBuilder();
  private WebSocket socket;

  /**
   * Connects, with these handshake headers; a refused handshake throws {@link
   * WebSocketHandshakeException}.
   */
  public static WebSocketTestClient connect(URI uri, Map<String, String> headers) throws Exception {
    WebSocketTestClient client = new WebSocketTestClient();
    WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
    headers.forEach(builder::header);
    try {
      client.socket = builder.buildAsync(uri, client).get(20, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
    return client;
  }

  public static WebSocketTestClient connect(URI uri) throws Exception {
    return connect(uri, Map.of());
  }

  /** The status a refused handshake was answered with. */
  public static int refusal(URI uri, Map<String, String> headers) throws Exception {
    try {
      connect(uri, headers).socket.abort();
    } catch (WebSocketHandshakeException refused) {
      return refused.getResponse().statusCode();
    }
    throw new AssertionError("the handshake to " + uri + " was accepted");
  }

  public WebSocket socket() {
    return socket;
  }

  public void send(String text) {
    socket.sendText(text, true).join();
  }

  /** The next text message received; fails after 10 s without one. */
  public String next() throws InterruptedException {
    String message = messages.poll(10, TimeUnit.SECONDS);
    if (message == null) {
      throw new AssertionError("no message within 10 s");
    }
    return message;
  }

  /** {@code "CODE REASON"} of the server's close frame; fails after 10 s without one. */
  public String closeFrame() throws Exception {
    try {
      return closed.get(10, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("the server did not close the connection within 10 s");
    }
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    webSocket.request(Long.MAX_VALUE);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      messages.add(partial.toString());
      partial.setLength(0);
    }
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed.complete(statusCode + " " + reason);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.completeExceptionally(error);
  }
}
