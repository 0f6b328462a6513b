package io.localsam.server;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Undertow's and XNIO's INFO lines (versions at start-up) kept out of the log while LocalSAM's
 * servers run: their java.util.logging loggers are held at WARNING from the first server's start to
 * the last one's stop, then get back the levels they had. Nothing JVM-wide is set (JBoss Logging
 * picks its back end as it would anyway), so in a test JVM whose logging goes elsewhere (Logback,
 * say) the user's configuration decides.
 */
final class QuietLogs {

  private static final String[] LOGGERS = {"org.xnio", "io.undertow", "org.jboss"};

  /** The running servers; guarded by the class. */
  private static final Map<Object, Boolean> HOLDERS = new IdentityHashMap<>();

  /** The loggers, held strongly so their levels stay, with the levels to give back. */
  private static final Map<Logger, Level> SAVED = new LinkedHashMap<>();

  private QuietLogs() {}

  static synchronized void hold(Object server) {
    if (HOLDERS.put(server, Boolean.TRUE) != null || HOLDERS.size() > 1) {
      return;
    }
    for (String name : LOGGERS) {
      Logger logger = Logger.getLogger(name);
      SAVED.put(logger, logger.getLevel());
      logger.setLevel(Level.WARNING);
    }
  }

  /** Once per server that held them: a second release of the same server changes nothing. */
  static synchronized void release(Object server) {
    if (HOLDERS.remove(server) == null || !HOLDERS.isEmpty()) {
      return;
    }
    SAVED.forEach(Logger::setLevel);
    SAVED.clear();
  }
}
