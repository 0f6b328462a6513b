package io.localsam.console;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Keeps other web sites out of the console a browser can reach: a page elsewhere may send the
 * browser to {@code 127.0.0.1} (a form that posts, or a name of its own that resolves to {@code
 * 127.0.0.1}, DNS rebinding), so a request whose {@code Host} is not a loopback name is refused
 * while the console is loopback-only, and a request that changes something ({@code POST}) must not
 * come from a page of another origin.
 */
final class RequestGuard {
  private static final Pattern LOOPBACK_V4 =
      Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
  private final boolean loopbackOnly;

  RequestGuard(boolean loopbackOnly) {
    this.loopbackOnly = loopbackOnly;
  }

  /** Why the request is refused, or null when it may go on. */
  String refusal(HttpServerExchange exchange) {
    String host = exchange.getRequestHeaders().getFirst(Headers.HOST);
    if (loopbackOnly && host != null && !loopbackLiteral(hostName(host))) {
      return "The LocalSAM console answers only to a loopback address (127.0.0.1, localhost, [::1]), not Host "
          + host;
    }
    String origin = exchange.getRequestHeaders().getFirst(Headers.ORIGIN);
    boolean changes =
        !exchange.getRequestMethod().toString().equals("GET")
            && !exchange.getRequestMethod().toString().equals("HEAD");
    if (changes
        && origin != null
        && host != null
        && !origin
            .toLowerCase(Locale.ROOT)
            .equals((exchange.getRequestScheme() + "://" + host).toLowerCase(Locale.ROOT))) {
      return "The LocalSAM admin API takes "
          + exchange.getRequestMethod()
          + " requests only from its own pages, not from "
          + origin;
    }
    return null;
  }

  /**
   * A loopback address as written, never looked up: a rebinding attacker's own name resolves to
   * 127.0.0.1 too. {@code localhost} and {@code *.localhost} always mean loopback (RFC 6761).
   */
  static boolean loopbackLiteral(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.equals("localhost")
        || lower.endsWith(".localhost")
        || LOOPBACK_V4.matcher(lower).matches()
        || lower.equals("::1")
        || lower.equals("0:0:0:0:0:0:0:1");
  }

  /** {@code 127.0.0.1:3000} is {@code 127.0.0.1}, {@code [::1]:3000} is {@code ::1}. */
  static String hostName(String host) {
    if (host.startsWith("[")) {
      int end = host.indexOf(']');
      return end < 0 ? host : host.substring(1, end);
    }
    int colon = host.indexOf(':');
    return colon < 0 ? host : host.substring(0, colon);
  }
}
