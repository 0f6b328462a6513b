package io.localsam.server;

import io.undertow.io.Receiver;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import io.undertow.server.protocol.http.HttpContinue;
import java.io.ByteArrayOutputStream;
import java.util.function.Consumer;

/**
 * Reads a whole request body of at most {@code limit} bytes without blocking the I/O thread.
 *
 * <p>A longer body is still read to its end and thrown away before the refusal is written, up to
 * {@link #SLACK_BYTES} past the limit: a client is still sending when it is refused, and a server
 * that closes with unread bytes resets the connection, which can destroy the answer before the
 * client reads it. Only a body declared longer than that is refused at once, and the connection
 * closed; a server using a reader sets Undertow's {@code MAX_ENTITY_SIZE} to {@link
 * #readableBytes(int)}, which stops a chunked body that grows past it ({@link
 * UndertowServers#builder} does).
 *
 * <p>A client that sent {@code Expect: 100-continue} has not sent its body yet: one declared over
 * the limit is refused at once, without the 100, so it is never sent. Otherwise the first read
 * sends the 100 ({@code HttpContinueReadHandler}, installed by {@link UndertowServers#builder}).
 */
public final class BodyReader {
  /** How far past the limit a body is read and discarded so that its refusal arrives intact. */
  static final long SLACK_BYTES = 8L * 1024 * 1024;

  private final int limit;

  public BodyReader(int limit) {
    this.limit = limit;
  }

  /** The most a server reads of one request body whose limit is {@code limit}. */
  public static long readableBytes(int limit) {
    return limit + SLACK_BYTES;
  }

  /**
   * Calls {@code body} with the whole body, {@code tooLarge} when it is over the limit, or {@code
   * failed} when the client went away or sent a broken body.
   */
  public void read(
      HttpServerExchange exchange,
      Receiver.FullBytesCallback body,
      Consumer<HttpServerExchange> tooLarge,
      Receiver.ErrorCallback failed) {
    long declared = exchange.getRequestContentLength();
    boolean bodyWaitsForContinue = HttpContinue.requiresContinueResponse(exchange);
    if (declared > readableBytes(limit) || (bodyWaitsForContinue && declared > limit)) {
      exchange.setPersistent(false);
      tooLarge.accept(exchange);
      return;
    }
    Receiver.ErrorCallback errors =
        (ex, error) -> {
          if (error instanceof RequestTooBigException) {
            ex.setPersistent(false);
            tooLarge.accept(ex);
          } else {
            failed.error(ex, error);
          }
        };
    if (exchange.isRequestComplete() || (declared >= 0 && declared <= limit)) {
      exchange
          .getRequestReceiver()
          .receiveFullBytes(body, errors); // the usual case: one buffer, no copying
      return;
    }
    Bounded kept = new Bounded(declared > limit); // chunked, or declared too long
    exchange
        .getRequestReceiver()
        .receivePartialBytes(
            (ex, bytes, last) -> {
              kept.add(bytes);
              if (!last) {
                return;
              }
              if (kept.over) {
                tooLarge.accept(ex);
              } else {
                body.handle(ex, kept.toByteArray());
              }
            },
            errors);
  }

  /** The body so far, until it passes the limit; after that only the fact that it did. */
  private final class Bounded extends ByteArrayOutputStream {
    private boolean over;

    Bounded(boolean over) {
      super(over ? 0 : 1024);
      this.over = over;
    }

    void add(byte[] bytes) {
      if (!over && count + bytes.length > limit) {
        over = true;
        buf = new byte[0]; // let the kept part go; the rest is only read and dropped
        count = 0;
      }
      if (!over) {
        write(bytes, 0, bytes.length);
      }
    }
  }
}
