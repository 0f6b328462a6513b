package io.localsam.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import io.localsam.host.HelperThreads;
import java.io.IOException;
import java.net.URLClassLoader;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One Lambda execution environment of a function: its own class loader (so its static state is its
 * own), its own copy of AWS's serializer, and one handler instance, created in an Init phase and
 * then reused for one invocation at a time.
 */
final class ExecutionEnvironment implements AutoCloseable {
  private final FunctionSettings function;
  private final int generation;
  private final Consumer<String> log;
  // Where the runtime's own lines about an invocation go (a response it cannot serialize): that
  // invocation's log.
  private volatile Consumer<String> invocationLog;
  private final String logStream;
  private FunctionClassLoader functionLoader;
  private SerializationClassLoader serializationLoader;
  private LoadedHandler handler;
  private HandlerFault fault;
  private Duration initDuration = Duration.ZERO;
  private volatile long idleSince = System.nanoTime();
  // Lambda's runtime loop is one thread per environment. Ours too, so whatever the function's
  // libraries
  // keep in thread-locals goes away with the environment instead of pinning its class loader.
  private final ExecutorService thread;
  // Threads the function starts join its group, so they end with the environment as in Lambda.
  private final EnvironmentThreads threads;
  // What the function set as System.out/err and default uncaught-exception handler: its own, not
  // the JVM's.
  private final EnvironmentStreams streams = new EnvironmentStreams();
  // In process isolation, the child process that runs the function; null in-process.
  private final ChildExecution child;
  private volatile Thread runtimeThread;
  // True while the runtime thread runs the function's handler; otherwise it runs LocalSAM's own
  // bookkeeping
  // (results, logs, the next queued event), which an interrupt or Thread.stop must never reach.
  private volatile boolean inHandler;

  ExecutionEnvironment(FunctionSettings function, Consumer<String> log) {
    this(function, log, null, 0);
  }

  /**
   * An environment in a process of its own when {@code childRuntime} is given, else in this JVM;
   * {@code generation} is its pool's count of resets when it was made.
   */
  ExecutionEnvironment(
      FunctionSettings function, Consumer<String> log, ChildRuntime childRuntime, int generation) {
    this.function = function;
    this.generation = generation;
    this.log = log;
    this.invocationLog = log;
    this.child = childRuntime == null ? null : new ChildExecution(childRuntime, function);
    byte[] id = new byte[16];
    ThreadLocalRandom.current().nextBytes(id);
    this.logStream =
        LocalDate.now(ZoneOffset.UTC).toString().replace('-', '/')
            + "/[$LATEST]"
            + HexFormat.of().formatHex(id);
    this.threads = new EnvironmentThreads("localsam-" + function.id(), streams.handler);
    this.thread =
        Executors.newSingleThreadExecutor(
            runnable -> {
              Thread runtime = threads.newThread(runnable, "localsam-" + function.id());
              runtime.setDaemon(true);
              runtimeThread = runtime;
              return runtime;
            });
  }

  /**
   * Its pool's count of resets when it was made: one made before the last reset is not kept warm.
   */
  int generation() {
    return generation;
  }

  /** Runs a task on this environment's own thread. */
  void execute(Runnable task) {
    thread.execute(task);
  }

  /**
   * Lambda's Init phase: load and initialise the handler class, create the instance and
   * serializers.
   */
  void init() {
    if (child != null) {
      long start = System.nanoTime();
      fault = child.init();
      initDuration = Duration.ofNanos(System.nanoTime() - start);
      return;
    }
    long start = System.nanoTime();
    long startMillis = System.currentTimeMillis(); // in Lambda, the environment's JVM starts now
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    try {
      functionLoader =
          new FunctionClassLoader(
              function.code().classpath(),
              FunctionEnvironment.withCode(function.environment(), function.code()),
              JvmWideNotices.of(function.definition(), log),
              startMillis);
      streams.installIn(functionLoader);
      serializationLoader = SerializerSpare.take();
      thread.setContextClassLoader(functionLoader);
      Serializers serializers = new Serializers(functionLoader, serializationLoader);
      handler =
          new HandlerLoader(functionLoader, serializers, line -> invocationLog.accept(line))
              .load(function.definition().handler());
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

  /**
   * The load fault that fails every invocation (deferred) or ended Init (fatal); null when the
   * handler is ready.
   */
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

  /**
   * The process's peak memory in MB for REPORT's Max Memory Used; empty in-process, where one JVM
   * holds all.
   */
  OptionalLong maxMemoryUsedMb() {
    return child == null ? OptionalLong.empty() : child.maxMemoryUsedMb();
  }

  String logStream() {
    return logStream;
  }

  /**
   * Sends this thread's output, and that of work the function hands to the JDK's shared threads, to
   * this log.
   */
  void attachOutput(Consumer<String> log, LambdaLogger logger) {
    invocationLog = log;
    if (child != null) {
      child.output(log); // the child prints; its lines are this invocation's while it runs
      return;
    }
    FunctionOutput.attach(new FunctionOutput.Sink(log, logger, streams), functionLoader);
  }

  byte[] invoke(byte[] event, Context context) throws Throwable {
    if (child != null) {
      return child.invoke(
          event, context, function.definition().activeTracing() ? TraceHeaders.next() : null);
    }
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(functionLoader);
    if (function.definition().activeTracing()) {
      functionLoader.traceHeader(TraceHeaders.next());
    }
    byte[] response;
    inHandler = true;
    try {
      response = handler.handle(event, context);
    } catch (Throwable thrown) {
      throw exitOr(thrown);
    } finally {
      inHandler = false;
      thread.setContextClassLoader(previous);
    }
    throwIfExited();
    return response;
  }

  /**
   * An exit the function caught and went on from still ends the invocation: Lambda's process would
   * be gone.
   */
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

  /**
   * Ends the environment, however it ends (timeout, exit, new code, idle, shutdown): a task still
   * running (a timed-out handler) is interrupted, as is every thread the function started; whatever
   * ignores that is stopped after a grace period.
   */
  @Override
  public void close() {
    if (child != null) {
      thread.shutdown(); // a handler still waiting on the child sees it end
      child.close();
      return;
    }
    thread.shutdown(); // the runtime thread ends once its task does
    Predicate<Thread> spared = candidate -> candidate == runtimeThread && !inHandler;
    threads.interrupt(spared);
    ClassLoader loader = functionLoader;
    HelperThreads.schedule(
        () -> threads.stopStragglers(loader, spared, log), EnvironmentThreads.GRACE_MILLIS);
    FunctionOutput.forget(functionLoader);
    closeQuietly(serializationLoader);
    closeQuietly(functionLoader);
    handler = null;
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
