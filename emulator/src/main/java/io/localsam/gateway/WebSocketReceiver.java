package io.localsam.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.localsam.runtime.InvocationResult;
import io.localsam.runtime.RequestIds;
import io.localsam.template.WebSocketApiDef;
import io.localsam.template.WebSocketRouteDef;
import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.BufferedBinaryMessage;
import io.undertow.websockets.core.BufferedTextMessage;
import io.undertow.websockets.core.CloseMessage;
import io.undertow.websockets.core.StreamSourceFrameChannel;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.function.Consumer;
import org.xnio.IoUtils;

/**
 * One connection's incoming frames: each message is routed by the API's route selection expression
 * (then {@code $default}) to its function, whose answer goes back to the client when the route has
 * a route response; a close frame ends the connection with {@code $disconnect}; a message over the
 * limits closes it with 1009.
 */
final class WebSocketReceiver extends AbstractReceiveListener {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOO_BIG = "exceeded max message size";

  /** RFC 6455's code for a close frame without a status. */
  private static final int NO_STATUS = 1005;

  /** Undertow's own close when the peer vanished without a close frame. */
  private static final String PEER_GONE = "UT002046";

  /**
   * What Undertow buffers at most: past this it closes with 1009 itself (in its words). Below it,
   * LocalSAM checks API Gateway's limits and closes with its own message.
   */
  private static final int BUFFER_FACTOR = 8;

  private final WebSocketGateway gateway;
  private final WebSocketConnection connection;
  private final WebSocketLimits limits;
  private final Consumer<String> log;

  /**
   * The size the message being read may have: a frame's when it came in one frame, a message's when
   * fragmented.
   */
  private long limit;

  WebSocketReceiver(
      WebSocketGateway gateway,
      WebSocketConnection connection,
      WebSocketLimits limits,
      Consumer<String> log) {
    this.gateway = gateway;
    this.connection = connection;
    this.limits = limits;
    this.log = log;
    this.limit = limits.messageBytes();
  }

  @Override
  protected void onText(WebSocketChannel channel, StreamSourceFrameChannel frame)
      throws IOException {
    limit = frame.isFinalFragment() ? limits.frameBytes() : limits.messageBytes();
    super.onText(channel, frame);
  }

  @Override
  protected void onBinary(WebSocketChannel channel, StreamSourceFrameChannel frame)
      throws IOException {
    limit = frame.isFinalFragment() ? limits.frameBytes() : limits.messageBytes();
    super.onBinary(channel, frame);
  }

  @Override
  protected long getMaxTextBufferSize() {
    return (long) limits.messageBytes() * BUFFER_FACTOR;
  }

  @Override
  protected long getMaxBinaryBufferSize() {
    return (long) limits.messageBytes() * BUFFER_FACTOR;
  }

  /**
   * True, and the connection closed with 1009 as API Gateway closes it, when the message is over
   * the limit.
   */
  private boolean tooBig(long size) {
    if (size <= limit) {
      return false;
    }
    log.accept(
        connection.mount.definition().logicalId()
            + ": connection "
            + connection.id
            + " sent a message of "
            + size
            + " bytes, over API Gateway's limit ("
            + limits.frameBytes() / 1024
            + " KB in one frame, "
            + limits.messageBytes() / 1024
            + " KB in all); it is closed with 1009");
    gateway.close(connection, CloseMessage.MSG_TOO_BIG, "Message too big", "Message too big");
    return true;
  }

  @Override
  protected void onFullTextMessage(WebSocketChannel channel, BufferedTextMessage message) {
    String text = message.getData();
    if (tooBig(text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)) {
      return;
    }
    connection.active();
    route(
        RouteSelection.key(connection.mount.definition().routeSelectionExpression(), text),
        text,
        false);
  }

  @Override
  protected void onFullBinaryMessage(WebSocketChannel channel, BufferedBinaryMessage message) {
    connection.active();
    ByteBuffer[] buffers = message.getData().getResource();
    int size = 0;
    for (ByteBuffer buffer : buffers) {
      size += buffer.remaining();
    }
    byte[] bytes = new byte[size];
    int offset = 0;
    for (ByteBuffer buffer : buffers) {
      int length = buffer.remaining();
      buffer.get(bytes, offset, length);
      offset += length;
    }
    message.getData().free();
    if (tooBig(bytes.length)) {
      return;
    }
    route(
        null,
        Base64.getEncoder().encodeToString(bytes),
        true); // a binary message selects no route key
  }

  private void route(String key, String body, boolean base64) {
    WebSocketApiDef api = connection.mount.definition();
    WebSocketRouteDef route = key == null || key.startsWith("$") ? null : api.route(key);
    if (route == null) {
      route = api.route(WebSocketRouteDef.DEFAULT);
    }
    String requestId = RequestIds.next();
    if (route == null) {
      log.accept(
          api.logicalId()
              + ": no route for a message of connection "
              + connection.id
              + " (selected "
              + (key == null ? "no key" : "'" + key + "'")
              + ", and no $default route)");
      send(WebSocketMessages.forbidden(connection.id, requestId));
      return;
    }
    WebSocketRouteDef chosen = route;
    byte[] event =
        WebSocketEvents.message(
            connection,
            route.routeKey(),
            WebSocketGateway.newId(),
            requestId,
            System.currentTimeMillis(),
            body,
            base64);
    connection
        .mount
        .functions()
        .invoke(route.functionId(), event)
        .whenComplete(
            (result, error) -> {
              if (error != null || result.failed()) {
                log.accept(
                    chosen.functionId()
                        + " ("
                        + chosen.routeKey()
                        + ") failed: "
                        + (error != null ? error.getMessage() : result.errorType()));
                send(WebSocketMessages.internalError(connection.id, requestId));
              } else if (chosen.twoWay()) {
                String answer = answer(result);
                if (answer != null) {
                  send(answer);
                }
              }
            });
  }

  /**
   * What a two-way route sends back: the {@code body} of the function's response, or a returned
   * string's text.
   */
  private static String answer(InvocationResult result) {
    try {
      JsonNode output = JSON.readTree(result.payload());
      if (output == null || output.isNull()) {
        return null;
      }
      if (output.isObject()) {
        JsonNode body = output.get("body");
        return body == null || body.isNull()
            ? null
            : body.isTextual() ? body.asText() : body.toString();
      }
      return output.isTextual() ? output.asText() : output.toString();
    } catch (IOException e) {
      return null;
    }
  }

  private void send(String text) {
    WebSocketChannel channel = connection.channel();
    if (channel != null && channel.isOpen() && !connection.isGone()) {
      channel
          .getIoThread()
          .execute(() -> WebSockets.sendText(text, channel, null)); // frames go out on its thread
    }
  }

  @Override
  protected void onCloseMessage(CloseMessage message, WebSocketChannel channel) {
    String reason = message.getReason();
    int code = message.getCode();
    if (reason.startsWith(PEER_GONE)) { // no close frame came: the connection dropped
      gateway.disconnected(
          connection,
          CloseMessage.GOING_AWAY == code ? 1006 : code,
          "Connection Closed Abnormally");
      return;
    }
    gateway.disconnected(
        connection,
        code,
        !reason.isEmpty()
            ? reason
            : code == CloseMessage.NORMAL_CLOSURE
                ? "Connection Closed Normally"
                : code == NO_STATUS ? "Client-side close frame status not set" : "");
  }

  @Override
  protected void onError(WebSocketChannel channel, Throwable error) {
    if (error.getMessage() != null
        && error.getMessage().contains(TOO_BIG)) { // Undertow closed it with 1009 already
      gateway.disconnected(connection, CloseMessage.MSG_TOO_BIG, "Message too big");
    }
    IoUtils.safeClose(channel);
  }
}
