package io.localsam.gateway;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Undertow's and XNIO's own logging, routed to java.util.logging and kept to warnings: their INFO lines
 * (versions at start-up) would be noise among LocalSAM's. Called before either server is built.
 */
public final class ServerLogs {
  // Held so the level settings are not garbage collected with the loggers.
  private static List<Logger> quieted;

  private ServerLogs() {}

  public static synchronized void quiet() {
    if (quieted == null) {
      System.setProperty("org.jboss.logging.provider", "jdk");
      quieted = List.of(Logger.getLogger("org.xnio"), Logger.getLogger("io.undertow"), Logger.getLogger("org.jboss"));
      quieted.forEach(logger -> logger.setLevel(Level.WARNING));
    }
  }
}
