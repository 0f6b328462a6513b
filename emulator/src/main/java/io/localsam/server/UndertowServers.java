package io.localsam.server;

import io.localsam.error.LocalSamException;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.HttpContinueReadHandler;
import java.net.BindException;
import java.net.InetSocketAddress;
import javax.net.ssl.SSLContext;
import org.xnio.Options;

/**
 * What the gateway and the Invoke API servers share: one set of protections against slow and
 * hostile clients, quiet logs while they run (see {@link QuietLogs}), a clear start-up failure,
 * their address.
 */
public final class UndertowServers {
  /**
   * The most bytes of request line and headers Undertow parses before answering 400 and closing.
   * Above API Gateway's 10240 bytes ({@link RequestHeadLimit} answers that one as the gateway
   * does), so this is only the bound on what a client can make the parser hold.
   */
  public static final int MAX_HEADER_BYTES = 64 * 1024;

  /** A client that stops inside its request line or headers is disconnected after this. */
  public static final int REQUEST_PARSE_TIMEOUT_MILLIS = 10_000;

  /** An idle connection between requests, or a body that stops arriving, is closed after this. */
  public static final int IDLE_TIMEOUT_MILLIS = 60_000;

  private UndertowServers() {}

  /**
   * A builder listening on {@code host:port} that serves {@code handler} with the protections both
   * servers share: slow-client timeouts, the header size bound, a body bound for a {@link
   * BodyReader} of {@code bodyLimit} bytes, and answers to {@code Expect: 100-continue} (the 100 is
   * sent when the body is first read, so a request refused before that never gets one). Counts of
   * headers, query parameters and cookies are bounded only by the header bytes: each takes at least
   * one byte, and API Gateway limits by size, not by count. With {@code tls} the listener speaks
   * HTTPS.
   */
  public static Undertow.Builder builder(
      String host, int port, int bodyLimit, HttpHandler handler, SSLContext tls) {
    Undertow.Builder builder = Undertow.builder();
    if (tls == null) {
      builder.addHttpListener(port, host);
    } else {
      builder.addHttpsListener(port, host, tls);
    }
    return builder
        .setServerOption(UndertowOptions.MAX_HEADER_SIZE, MAX_HEADER_BYTES)
        .setServerOption(UndertowOptions.MAX_HEADERS, MAX_HEADER_BYTES)
        .setServerOption(UndertowOptions.MAX_PARAMETERS, MAX_HEADER_BYTES)
        .setServerOption(UndertowOptions.MAX_COOKIES, MAX_HEADER_BYTES)
        .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, BodyReader.readableBytes(bodyLimit))
        .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, REQUEST_PARSE_TIMEOUT_MILLIS)
        .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, IDLE_TIMEOUT_MILLIS)
        .setSocketOption(Options.READ_TIMEOUT, IDLE_TIMEOUT_MILLIS)
        .setHandler(new HttpContinueReadHandler(handler));
  }

  /**
   * Starts a server built to listen on {@code host:port} and returns the port it got (port 0 picks
   * one).
   *
   * @throws LocalSamException when the port is taken, or the address cannot be listened on
   */
  public static int start(Undertow server, String host, int port) {
    QuietLogs.hold(server);
    try {
      server.start();
    } catch (RuntimeException e) {
      QuietLogs.release(server);
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof BindException) {
          throw new LocalSamException(
              "Port "
                  + port
                  + " on "
                  + host
                  + " is already in use (or not available). Stop the other process or pass -p with another port.");
        }
      }
      throw new LocalSamException(
          "Cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
    }
    return ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
  }

  /** Stops a server {@link #start} started; stopping it again is harmless. */
  public static void stop(Undertow server) {
    try {
      server.stop();
    } finally {
      QuietLogs.release(server);
    }
  }

  /**
   * Keeps Undertow's and XNIO's INFO lines out of the log while {@code holder} (a server LocalSAM
   * runs on XNIO without {@link #start}: the Runtime API's listeners) runs; {@link
   * #releaseQuietLogs} when it ends.
   */
  public static void holdQuietLogs(Object holder) {
    QuietLogs.hold(holder);
  }

  public static void releaseQuietLogs(Object holder) {
    QuietLogs.release(holder);
  }

  /** {@code http://host:port}, an IPv6 host in brackets. */
  public static String origin(String host, int port) {
    return origin("http", host, port);
  }

  /** {@code scheme://host:port}, an IPv6 host in brackets. */
  public static String origin(String scheme, String host, int port) {
    return scheme + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
