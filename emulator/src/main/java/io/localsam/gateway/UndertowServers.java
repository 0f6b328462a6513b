package io.localsam.gateway;

import io.localsam.LocalSamException;
import io.undertow.Undertow;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** What the gateway and the Invoke API servers share: quiet logs, a clear start-up failure, their address. */
public final class UndertowServers {
  // Held so the level settings are not garbage collected with the loggers.
  private static List<Logger> quieted;

  private UndertowServers() {}

  /**
   * Undertow's and XNIO's own logging, routed to java.util.logging and kept to warnings: their INFO lines
   * (versions at start-up) would be noise among LocalSAM's. Called before either server is built.
   */
  public static synchronized void quietLogs() {
    if (quieted == null) {
      System.setProperty("org.jboss.logging.provider", "jdk");
      quieted = List.of(Logger.getLogger("org.xnio"), Logger.getLogger("io.undertow"), Logger.getLogger("org.jboss"));
      quieted.forEach(logger -> logger.setLevel(Level.WARNING));
    }
  }

  /**
   * Starts a server built to listen on {@code host:port} and returns the port it got (port 0 picks one).
   *
   * @throws LocalSamException when the port is taken, or the address cannot be listened on
   */
  public static int start(Undertow server, String host, int port) {
    try {
      server.start();
    } catch (RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof BindException) {
          throw new LocalSamException("Port " + port + " on " + host
              + " is already in use (or not available). Stop the other process or pass -p with another port.");
        }
      }
      throw new LocalSamException("Cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
    }
    return ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
  }

  /** {@code http://host:port}, an IPv6 host in brackets. */
  public static String origin(String host, int port) {
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
