package io.localsam.runtime.child;

import java.io.IOException;
import java.io.InputStream;

/**
 * Ends a child JVM when LocalSAM ends, however it ends (SIGKILL too): LocalSAM holds the other end
 * of the child's standard input and never writes to it, so end of input means LocalSAM is gone.
 */
public final class ParentWatch {
  private ParentWatch() {}

  /** Starts the daemon thread that halts this JVM when standard input ends. */
  public static void start() {
    Thread watch = new Thread(ParentWatch::awaitEndOfInput, "localsam-parent-watch");
    watch.setDaemon(true);
    watch.start();
  }

  private static void awaitEndOfInput() {
    try (InputStream in = System.in) {
      while (in.read() != -1) {
        // LocalSAM never writes; a byte is ignored
      }
    } catch (IOException ignored) {
      // a broken pipe means the same as end of input
    }
    Runtime.getRuntime().halt(0);
  }
}
