package io.localsam.runtime;

import io.localsam.runtime.sandbox.LambdaStreams;
import java.io.PrintStream;
import java.lang.Thread.UncaughtExceptionHandler;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The {@code System.out}, {@code System.err} and default uncaught-exception handler one execution
 * environment set for itself (null: LocalSAM's), shared with that environment's {@link
 * LambdaStreams}.
 */
final class EnvironmentStreams {
  final AtomicReference<PrintStream> out = new AtomicReference<>();
  final AtomicReference<PrintStream> err = new AtomicReference<>();
  final AtomicReference<UncaughtExceptionHandler> handler = new AtomicReference<>();

  /**
   * Gives the environment's copy of LambdaStreams these slots, before any of the function's classes
   * runs.
   */
  void installIn(ClassLoader functionLoader) {
    try {
      Class.forName(LambdaStreams.class.getName(), true, functionLoader)
          .getMethod("install", AtomicReference.class, AtomicReference.class, AtomicReference.class)
          .invoke(null, out, err, handler);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot install the function's output streams", e);
    }
  }

  /** The stream the environment put in place of System.out (or System.err), or null. */
  PrintStream replacing(boolean stderr) {
    return stderr ? err.get() : out.get();
  }
}
