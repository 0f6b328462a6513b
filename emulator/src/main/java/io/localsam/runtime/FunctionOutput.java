package io.localsam.runtime;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Routes what a function prints ({@code System.out}, {@code System.err}, {@code LambdaRuntime.getLogger()})
 * to the log of the invocation running on that thread, line by line as CloudWatch splits it; threads the
 * function starts inherit it. Everything printed outside an invocation goes where it always went.
 */
final class FunctionOutput {
  private static final InheritableThreadLocal<Sink> CURRENT = new InheritableThreadLocal<>();
  private static boolean installed;

  private FunctionOutput() {}

  /** Where one invocation's output goes: its log, and the logger its Context hands out. */
  record Sink(Consumer<String> log, LambdaLogger logger) {}

  static synchronized void install() {
    if (installed) {
      return;
    }
    System.setOut(new PrintStream(new Router(System.out), true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(new Router(System.err), true, StandardCharsets.UTF_8));
    routeStaticLogger();
    installed = true;
  }

  static void attach(Sink sink) {
    CURRENT.set(sink);
  }

  static void detach() {
    Router.flushLine(); // the PrintStreams over the routers hold no bytes of their own
    CURRENT.remove();
  }

  /** {@code LambdaRuntime.getLogger()} is one static shared by every function; make it answer per invocation. */
  private static void routeStaticLogger() {
    LambdaLogger routing = new LambdaLogger() {
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
      Field field = LambdaRuntime.class.getDeclaredField("logger");
      field.setAccessible(true);
      field.set(null, routing);
    } catch (ReflectiveOperationException | RuntimeException e) {
      // an unexpected core version: LambdaRuntime.getLogger() keeps printing to stdout, which is routed anyway
    }
  }

  /** An output stream that sends complete lines to the current invocation's log, or writes through. */
  private static final class Router extends OutputStream {
    private static final ThreadLocal<ByteArrayOutputStream> LINE = ThreadLocal.withInitial(ByteArrayOutputStream::new);
    // Set while a line is handed to the log: a log that itself prints to System.out/err (the default one
    // does) must reach the real stream, not come back here.
    private static final ThreadLocal<Boolean> EMITTING = new ThreadLocal<>();
    private final OutputStream original;

    Router(OutputStream original) {
      this.original = original;
    }

    private static Sink sink() {
      return EMITTING.get() == null ? CURRENT.get() : null;
    }

    @Override
    public void write(int b) throws IOException {
      Sink sink = sink();
      if (sink == null) {
        original.write(b);
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
      Sink sink = CURRENT.get();
      if (sink != null && LINE.get().size() > 0) {
        emit(sink);
      }
    }
  }
}
