package io.localsam.runtime;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Routes what a function prints ({@code System.out}, {@code System.err}, {@code
 * LambdaRuntime.getLogger()}) to the log of the invocation running on that thread, line by line as
 * CloudWatch splits it; threads the function starts inherit it. Work a function hands to the JDK's
 * shared threads (the common pool) is told apart by the code that prints: its class loader names
 * the environment. Everything printed outside an invocation goes where it always went. The routers
 * are in place only while a runtime needs them: the JVM's own streams come back when the last one
 * is released.
 */
final class FunctionOutput {
  private static final InheritableThreadLocal<Sink> CURRENT = new InheritableThreadLocal<>();

  /**
   * Each live environment's latest sink, by its class loader: for output from threads shared by all
   * functions.
   */
  private static final Map<ClassLoader, Sink> BY_LOADER = new ConcurrentHashMap<>();

  private static final StackWalker WALKER =
      StackWalker.getInstance(
          Set.of(StackWalker.Option.RETAIN_CLASS_REFERENCE, StackWalker.Option.SHOW_HIDDEN_FRAMES));

  /** How many runtimes use the routers; guarded by the class. */
  private static int users;

  private static PrintStream originalOut;
  private static PrintStream originalErr;
  private static PrintStream routedOut;
  private static PrintStream routedErr;

  private FunctionOutput() {}

  /**
   * Where one invocation's output goes: its log, the logger its Context hands out, and the streams
   * its environment put in place of System.out/err (null: none).
   */
  record Sink(Consumer<String> log, LambdaLogger logger, EnvironmentStreams streams) {}

  /**
   * Puts the routers in place of System.out/err, unless another runtime already did; pair with
   * {@link #release}.
   */
  static synchronized void acquire() {
    if (users++ > 0) {
      return;
    }
    originalOut = System.out;
    originalErr = System.err;
    routedOut = new PrintStream(new Router(originalOut, false), true, StandardCharsets.UTF_8);
    routedErr = new PrintStream(new Router(originalErr, true), true, StandardCharsets.UTF_8);
    System.setOut(routedOut);
    System.setErr(routedErr);
    routeStaticLogger();
  }

  /**
   * The last runtime is done: the JVM's streams come back, unless something replaced the routers
   * since (then it wraps them, and taking them out from under it would cut its output).
   */
  static synchronized void release() {
    if (users == 0 || --users > 0) {
      return;
    }
    routedOut.flush();
    routedErr.flush();
    if (System.out == routedOut) {
      System.setOut(originalOut);
    }
    if (System.err == routedErr) {
      System.setErr(originalErr);
    }
  }

  static void attach(Sink sink) {
    CURRENT.set(sink);
  }

  /**
   * Attaches the sink to this thread, and to whatever shared thread runs code of {@code
   * functionLoader}.
   */
  static void attach(Sink sink, ClassLoader functionLoader) {
    CURRENT.set(sink);
    if (functionLoader != null) {
      BY_LOADER.put(functionLoader, sink);
    }
  }

  /** The environment of {@code functionLoader} is gone: nothing of it is routed any more. */
  static void forget(ClassLoader functionLoader) {
    if (functionLoader != null) {
      BY_LOADER.remove(functionLoader);
    }
  }

  /**
   * The sink of the function whose code runs on this thread of the JDK's, found by the nearest
   * frame of a function's class (lambdas included); null when none is on the stack.
   */
  private static Sink ofCallingCode() {
    if (BY_LOADER.isEmpty() || !EnvironmentThreads.sharedByTheJdk(Thread.currentThread())) {
      return null;
    }
    return WALKER.walk(
        frames ->
            frames
                .map(frame -> BY_LOADER.get(loaderOf(frame.getDeclaringClass())))
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null));
  }

  private static ClassLoader loaderOf(Class<?> type) {
    ClassLoader loader = type.getClassLoader();
    return loader != null
        ? loader
        : ClassLoader.getPlatformClassLoader(); // never a key: JDK classes
  }

  static void detach() {
    Router.flushLine(); // the PrintStreams over the routers hold no bytes of their own
    CURRENT.remove();
  }

  /**
   * {@code LambdaRuntime.getLogger()} is one static shared by every function; make it answer per
   * invocation. Functions see their own copy of {@code LambdaRuntime} (see {@link
   * LambdaApiClassLoader}), so the class the rest of the JVM sees is never touched.
   */
  private static void routeStaticLogger() {
    LambdaLogger routing =
        new LambdaLogger() {
          @Override
          public void log(String message) {
            log(message, LogLevel.UNDEFINED);
          }

          @Override
          public void log(byte[] message) {
            log(new String(message, StandardCharsets.UTF_8));
          }

          @Override
          public void log(String message, LogLevel level) {
            Sink sink = CURRENT.get();
            if (sink != null) {
              sink.logger().log(message, level);
            } else {
              System.out.print(message);
            }
          }
        };
    try {
      Field field =
          LambdaApiClassLoader.INSTANCE.functionsLambdaRuntime().getDeclaredField("logger");
      field.setAccessible(true);
      field.set(null, routing);
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      // an unexpected core version: LambdaRuntime.getLogger() keeps printing to stdout, which is
      // routed anyway
    }
  }

  /**
   * An output stream that sends complete lines to the current invocation's log, or writes through.
   */
  private static final class Router extends OutputStream {
    private static final ThreadLocal<ByteArrayOutputStream> LINE =
        ThreadLocal.withInitial(ByteArrayOutputStream::new);
    // Set while a line is handed to the log: a log that itself prints to System.out/err (the
    // default one
    // does) must reach the real stream, not come back here.
    private static final ThreadLocal<Boolean> EMITTING = new ThreadLocal<>();
    // Set while bytes go to a stream the function put in place of System.out/err: one that wraps
    // the
    // JVM's stream (a tee) writes back here, and then it is the log's turn.
    private static final ThreadLocal<Boolean> FORWARDING = new ThreadLocal<>();
    private final OutputStream original;
    private final boolean stderr;

    Router(OutputStream original, boolean stderr) {
      this.original = original;
      this.stderr = stderr;
    }

    /**
     * The stream the sink's environment put in place of this one, when it is not already being
     * written.
     */
    private PrintStream replacement(Sink sink) {
      if (sink.streams() == null || FORWARDING.get() != null) {
        return null;
      }
      return sink.streams().replacing(stderr);
    }

    private static void forward(PrintStream replacement, byte[] bytes, int offset, int length) {
      FORWARDING.set(Boolean.TRUE);
      try {
        replacement.write(bytes, offset, length);
      } finally {
        FORWARDING.remove();
      }
    }

    private static Sink sink() {
      if (EMITTING.get() != null) {
        return null;
      }
      Sink current = CURRENT.get();
      return current != null ? current : ofCallingCode();
    }

    @Override
    public void write(int b) throws IOException {
      Sink sink = sink();
      if (sink == null) {
        original.write(b);
        return;
      }
      PrintStream replacement = replacement(sink);
      if (replacement != null) {
        forward(replacement, new byte[] {(byte) b}, 0, 1);
        return;
      }
      if (b == '\n') {
        emit(sink);
      } else {
        LINE.get().write(b);
      }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      Sink sink = sink();
      if (sink == null) {
        original.write(bytes, offset, length);
        return;
      }
      PrintStream replacement = replacement(sink);
      if (replacement != null) {
        forward(replacement, bytes, offset, length);
        return;
      }
      ByteArrayOutputStream line = LINE.get();
      int start = offset;
      for (int i = offset; i < offset + length; i++) {
        if (bytes[i] == '\n') {
          line.write(bytes, start, i - start);
          emit(sink);
          start = i + 1;
        }
      }
      line.write(bytes, start, offset + length - start);
      if (line.size() > 256 * 1024) {
        emit(sink); // a runaway line without breaks is cut, never held without bound
      }
    }

    @Override
    public void flush() throws IOException {
      if (sink() == null) {
        original.flush();
      }
    }

    private static void emit(Sink sink) {
      ByteArrayOutputStream line = LINE.get();
      String text = line.toString(StandardCharsets.UTF_8);
      line.reset();
      EMITTING.set(Boolean.TRUE);
      try {
        sink.log().accept(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
      } finally {
        EMITTING.remove();
      }
    }

    static void flushLine() {
      Sink sink = sink();
      if (sink != null && LINE.get().size() > 0) {
        emit(sink);
      }
    }
  }
}
