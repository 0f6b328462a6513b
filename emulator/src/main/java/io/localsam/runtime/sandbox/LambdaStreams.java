package io.localsam.runtime.sandbox;

import java.io.PrintStream;
import java.lang.Thread.UncaughtExceptionHandler;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What a function's {@code System.out}, {@code System.err}, {@code System.setOut/setErr} and {@code
 * Thread.set/getDefaultUncaughtExceptionHandler} are rewritten to. Like {@link LambdaSystem}, a
 * fresh copy is defined inside every execution environment's class loader, so what one function
 * sets is its own environment's: the JVM-wide streams and handler stay LocalSAM's. It may use
 * nothing but the JDK.
 */
public final class LambdaStreams {
  private static AtomicReference<PrintStream> out = new AtomicReference<>();
  private static AtomicReference<PrintStream> err = new AtomicReference<>();
  private static AtomicReference<UncaughtExceptionHandler> handler = new AtomicReference<>();

  private LambdaStreams() {}

  /** Called once by the runtime, before the function's classes run: the environment's own slots. */
  public static void install(
      AtomicReference<PrintStream> ownOut,
      AtomicReference<PrintStream> ownErr,
      AtomicReference<UncaughtExceptionHandler> ownHandler) {
    out = ownOut;
    err = ownErr;
    handler = ownHandler;
  }

  public static PrintStream out() {
    PrintStream own = out.get();
    return own != null ? own : System.out;
  }

  public static PrintStream err() {
    PrintStream own = err.get();
    return own != null ? own : System.err;
  }

  /**
   * Setting the stream back to the JVM's (saved before a swap) ends the environment's replacement.
   */
  public static void setOut(PrintStream stream) {
    out.set(stream == System.out ? null : stream);
  }

  public static void setErr(PrintStream stream) {
    err.set(stream == System.err ? null : stream);
  }

  public static void setDefaultUncaughtExceptionHandler(UncaughtExceptionHandler replacement) {
    handler.set(replacement);
  }

  public static UncaughtExceptionHandler getDefaultUncaughtExceptionHandler() {
    UncaughtExceptionHandler own = handler.get();
    return own != null ? own : Thread.getDefaultUncaughtExceptionHandler();
  }
}
