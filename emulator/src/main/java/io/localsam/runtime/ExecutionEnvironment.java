package io.localsam.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.IOException;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * One Lambda execution environment of a function: its own class loader (so its static state is its own),
 * its own copy of AWS's serializer, and one handler instance, created in an Init phase and then reused
 * for one invocation at a time.
 */
final class ExecutionEnvironment implements AutoCloseable {
  private final FunctionSettings function;
  private final Consumer<String> log;
  private final String logStream;
  private FunctionClassLoader functionLoader;
  private SerializationClassLoader serializationLoader;
  private LoadedHandler handler;
  private HandlerFault fault;
  private Duration initDuration = Duration.ZERO;
  private volatile long idleSince = System.nanoTime();
  // Lambda's runtime loop is one thread per environment. Ours too, so whatever the function's libraries
  // keep in thread-locals goes away with the environment instead of pinning its class loader.
  private final java.util.concurrent.ExecutorService thread;
  // Threads the function starts join its group, so they end with the environment as in Lambda.
  private final ThreadGroup threads;

  ExecutionEnvironment(FunctionSettings function, Consumer<String> log) {
    this.function = function;
    this.log = log;
    byte[] id = new byte[16];
    ThreadLocalRandom.current().nextBytes(id);
    this.logStream = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString().replace('-', '/')
        + "/[$LATEST]" + HexFormat.of().formatHex(id);
    this.threads = new ThreadGroup("localsam-" + function.id());
    this.thread = java.util.concurrent.Executors.newSingleThreadExecutor(runnable -> {
      Thread runtimeThread = new Thread(threads, runnable, "localsam-" + function.id());
      runtimeThread.setDaemon(true);
      return runtimeThread;
    });
  }

  /** Runs a task on this environment's own thread. */
  void execute(Runnable task) {
    thread.execute(task);
  }

  /** Lambda's Init phase: load and initialise the handler class, create the instance and serializers. */
  void init() {
    long start = System.nanoTime();
    long startMillis = System.currentTimeMillis(); // in Lambda, the environment's JVM starts now
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    try {
      functionLoader = new FunctionClassLoader(function.code().classpath(),
          FunctionEnvironment.withCode(function.environment(), function.code()),
          JvmWideNotices.of(function.definition(), log), startMillis);
      serializationLoader = new SerializationClassLoader(functionLoader);
      thread.setContextClassLoader(functionLoader);
      Serializers serializers = new Serializers(functionLoader, serializationLoader);
      handler = new HandlerLoader(functionLoader, serializers, log).load(function.definition().handler());
    } catch (HandlerFault e) {
      fault = e;
      log.accept(e.getMessage());
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      fault = HandlerFault.deferred(String.valueOf(e.getMessage()), e.getClass());
      log.accept(StackTraces.text(e));
    } finally {
      thread.setContextClassLoader(previous);
      initDuration = Duration.ofNanos(System.nanoTime() - start);
    }
  }

  /** The load fault that fails every invocation (deferred) or ended Init (fatal); null when the handler is ready. */
  HandlerFault fault() {
    return fault;
  }

  FunctionSettings function() {
    return function;
  }

  void markIdle() {
    idleSince = System.nanoTime();
  }

  long idleSince() {
    return idleSince;
  }

  Duration initDuration() {
    return initDuration;
  }

  String logStream() {
    return logStream;
  }

  byte[] invoke(byte[] event, Context context) throws Throwable {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(functionLoader);
    if (function.definition().activeTracing()) {
      functionLoader.traceHeader(TraceHeaders.next());
    }
    byte[] response;
    try {
      response = handler.handle(event, context);
    } catch (Throwable thrown) {
      throw exitOr(thrown);
    } finally {
      thread.setContextClassLoader(previous);
    }
    throwIfExited();
    return response;
  }

  /** An exit the function caught and went on from still ends the invocation: Lambda's process would be gone. */
  private void throwIfExited() {
    Error exit = functionLoader.exitRequested();
    if (exit != null) {
      throw exit;
    }
  }

  private Throwable exitOr(Throwable thrown) {
    Error exit = functionLoader.exitRequested();
    return exit != null ? exit : thrown;
  }

  @Override
  public void close() {
    thread.shutdown(); // a task still running (a timed-out handler) finishes; then the thread ends
    threads.interrupt(); // and every thread the function started is asked to stop
    closeQuietly(serializationLoader);
    closeQuietly(functionLoader);
    handler = null;
  }

  /**
   * Ends threads of this environment that ignored the interrupt (a busy loop, a blocking read): Lambda
   * destroys such an environment whole. {@code Thread.stop} is the only way in a shared JVM; it exists up
   * to Java 19, and on newer JVMs such a thread is left running and reported.
   */
  void stopStragglers(Consumer<String> report) {
    Thread[] alive = new Thread[threads.activeCount() + 8];
    int count = threads.enumerate(alive, true);
    int left = 0;
    for (int i = 0; i < count; i++) {
      Thread straggler = alive[i];
      if (straggler == Thread.currentThread() || !straggler.isAlive()) {
        continue;
      }
      try {
        Thread.class.getMethod("stop").invoke(straggler);
      } catch (ReflectiveOperationException | UnsupportedOperationException e) {
        left++;
      }
    }
    if (left > 0) {
      report.accept(left + " thread(s) of a discarded environment ignore interrupts and cannot be stopped on Java "
          + Runtime.version().feature() + "; they keep running until LocalSAM exits");
    }
  }

  private static void closeQuietly(URLClassLoader loader) {
    if (loader != null) {
      try {
        loader.close();
      } catch (IOException ignored) {
        // nothing to do: the loader is being thrown away
      }
    }
  }
}
