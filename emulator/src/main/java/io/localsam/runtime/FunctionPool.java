package io.localsam.runtime;

import io.localsam.runtime.sandbox.LambdaSystem;
import java.io.IOError;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The execution environments of one function. Like Lambda: a warm environment is reused, one
 * invocation at a time; a request that finds none idle gets a new one (a cold start, its Init
 * outside the timeout); an environment that timed out or whose runtime would have exited is thrown
 * away.
 */
final class FunctionPool {
  private volatile FunctionSettings function; // replaced when the code changes
  private volatile Long
      fingerprint; // of the code the environments are built from; null until first taken
  private final ScheduledExecutorService timer;
  private final boolean debugging;
  private final Consumer<String> log;
  private final ChildRuntime childRuntime; // null when the function runs in-process
  private final ConcurrentLinkedDeque<ExecutionEnvironment> idle = new ConcurrentLinkedDeque<>();
  private final AtomicInteger running = new AtomicInteger();
  private final int concurrencyLimit;
  private final int environmentLimit;
  private final int eagerLimit; // busy at once before an invocation has to wait for more
  private final AtomicBoolean growthScheduled = new AtomicBoolean();
  // When an invocation last got an environment: a queue that moves is CPU-bound, and more
  // environments would only share the same cores.
  private volatile long lastStartNanos = System.nanoTime();
  private final AtomicInteger environments = new AtomicInteger();
  private final ConcurrentLinkedQueue<Pending> waiting = new ConcurrentLinkedQueue<>();

  private final PoolCounters counters = new PoolCounters();

  private volatile Runnable slotFreed = () -> {};
  private volatile boolean
      retired; // the template no longer has this definition: nothing is kept warm
  // Raised by reset: an environment started before it is closed instead of being kept warm.
  private volatile int generation;

  /**
   * How many environments run invocations at once without waiting: as many as the machine has
   * cores. Past that, up to the limit, an invocation gets another environment (an idle one, or a
   * new one: a cold start) once it has waited {@link #GROWTH_WAIT_NANOS} and no invocation has
   * started meanwhile: a queue that moves is bound by the CPU, where a warm environment that
   * answers in microseconds serves it better than one more runnable thread (on two cores, four busy
   * environments of a hello world served half the requests two did, at twice the CPU each), and a
   * function that waits on I/O, or a burst at cold ones, has company within 50 ms.
   */
  static final int EAGER_ENVIRONMENTS = Math.max(1, Runtime.getRuntime().availableProcessors());

  static final long GROWTH_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  /** An invocation waiting for an environment to come free, since {@code queuedNanos}. */
  private record Pending(
      byte[] event,
      String requestId,
      CompletableFuture<InvocationResult> result,
      Consumer<String> lines,
      long queuedNanos) {}

  FunctionPool(
      FunctionSettings function,
      int concurrencyLimit,
      int environmentLimit,
      ScheduledExecutorService timer,
      boolean debugging,
      Consumer<String> log) {
    this(function, concurrencyLimit, environmentLimit, timer, debugging, log, null);
  }

  /**
   * A pool whose environments are processes of their own, started as {@code childRuntime} says;
   * null for in-process.
   */
  FunctionPool(
      FunctionSettings function,
      int concurrencyLimit,
      int environmentLimit,
      ScheduledExecutorService timer,
      boolean debugging,
      Consumer<String> log,
      ChildRuntime childRuntime) {
    this.childRuntime = childRuntime;
    this.function = function;
    this.concurrencyLimit = concurrencyLimit;
    this.environmentLimit = environmentLimit;
    this.eagerLimit = Math.min(environmentLimit, EAGER_ENVIRONMENTS);
    this.timer = timer;
    this.debugging = debugging;
    this.log = line -> log.accept("[" + function.id() + "] " + line);
  }

  FunctionSettings function() {
    return function;
  }

  /** Whether its environments run in LocalSAM's JVM, not in processes of their own. */
  boolean inProcess() {
    return childRuntime == null;
  }

  /** True when {@code current} is the fingerprint of the code as mounted or last reloaded. */
  boolean isFingerprint(long current) {
    Long loaded = fingerprint;
    return loaded != null && loaded == current;
  }

  /** The fingerprint of the code as it was mounted, taken off the request path. */
  void fingerprinted(long mounted) {
    if (fingerprint == null) {
      fingerprint = mounted;
    }
  }

  /**
   * New code: idle environments go, busy ones go when they finish, the next request starts afresh.
   */
  void reload(FunctionSettings changed, long changedFingerprint) {
    function = changed;
    fingerprint = changedFingerprint;
    counters.reloaded();
    close();
  }

  /**
   * Back to a fresh state: idle environments close now, busy ones when their invocation ends, so
   * the next invocation is a cold start with fresh static state. The function's settings and queue
   * stay as they are.
   */
  synchronized void reset() {
    generation++;
    close();
  }

  /** Closes environments idle since before {@code cutoffNanos}, as Lambda recycles unused ones. */
  void reap(long cutoffNanos) {
    for (ExecutionEnvironment environment : idle) {
      if (environment.idleSince() < cutoffNanos && idle.remove(environment)) {
        retire(environment);
      }
    }
  }

  /**
   * The template changed this function or removed it: idle environments close now, busy ones when
   * their invocation ends. Invocations that still come (a request routed before the change) run, in
   * a fresh environment that is closed after them.
   */
  void retire() {
    retired = true;
    close();
  }

  private void release(ExecutionEnvironment environment) {
    if (environment.function() == function && environment.generation() == generation && !retired) {
      environment.markIdle();
      idle.offerFirst(environment);
      if (retired || environment.generation() != generation) {
        close(); // retired or reset while this was being put back: nothing of before may stay warm
        return;
      }
      dispatchWaiting();
    } else {
      retire(environment); // built from code, or a definition, that has changed since
    }
  }

  /** Closes an environment for good, and lets a waiting invocation have its place. */
  private void retire(ExecutionEnvironment environment) {
    environment.close();
    environments.decrementAndGet();
    dispatchWaiting();
  }

  /**
   * A new environment, counted against {@code limit}; null when the function already has as many as
   * that.
   */
  private ExecutionEnvironment newEnvironment(int limit) {
    if (environments.incrementAndGet() > limit) {
      environments.decrementAndGet();
      return null;
    }
    return new ExecutionEnvironment(function, log, childRuntime, generation);
  }

  /**
   * Gives waiting invocations an environment: while fewer than {@link #EAGER_ENVIRONMENTS} are
   * busy, or to one that waited {@link #GROWTH_WAIT_NANOS}, up to the limit.
   */
  private void dispatchWaiting() {
    while (!waiting.isEmpty()) {
      Pending oldest = waiting.peek();
      long now = System.nanoTime();
      boolean overdue =
          oldest != null
              && now - oldest.queuedNanos() >= GROWTH_WAIT_NANOS
              && now - lastStartNanos >= GROWTH_WAIT_NANOS;
      ExecutionEnvironment environment = overdue || busy() < eagerLimit ? idle.pollFirst() : null;
      boolean cold = false;
      if (environment == null) {
        environment = newEnvironment(overdue ? environmentLimit : eagerLimit);
        cold = true;
        if (environment == null) {
          return; // all busy: the next one to come free, or the next look, calls here again
        }
      }
      Pending next = waiting.poll();
      if (next == null) { // another thread served it meanwhile
        if (cold) {
          environments.decrementAndGet();
          environment.close();
        } else {
          idle.offerFirst(environment);
        }
        return;
      }
      start(environment, cold, next.event(), next.requestId(), next.result(), next.lines());
    }
  }

  /** Environments running an invocation, or starting for one. */
  private int busy() {
    return environments.get() - idle.size();
  }

  /** Looks at the queue again in {@code delayNanos}, unless a look is due already. */
  private void scheduleGrowth(long delayNanos) {
    if (growthScheduled.compareAndSet(false, true)) {
      timer.schedule(this::lookAtQueue, delayNanos, TimeUnit.NANOSECONDS);
    }
  }

  /**
   * On the timer: invocations that waited {@link #GROWTH_WAIT_NANOS} get another environment; the
   * next look is when the oldest of the rest will have waited as long.
   */
  private void lookAtQueue() {
    growthScheduled.set(false);
    dispatchWaiting();
    Pending oldest = waiting.peek();
    if (oldest != null) {
      long waited = System.nanoTime() - oldest.queuedNanos();
      scheduleGrowth(Math.max(0, GROWTH_WAIT_NANOS - waited));
    }
  }

  /**
   * Starts one environment ahead of the first request, as {@code --warm-containers EAGER} does. An
   * Init that fails fatally is logged and thrown away; the first request then starts afresh and
   * reports it.
   */
  void warmUp() {
    ExecutionEnvironment environment = newEnvironment(environmentLimit);
    if (environment == null) {
      return;
    }
    CompletableFuture.runAsync(() -> init(environment, log), environment::execute)
        .join(); // Init on its own thread
    HandlerFault fault = environment.fault();
    if (fault != null && fault.fatal()) {
      discard(environment);
    } else {
      release(environment);
    }
  }

  /**
   * Init, on the environment's own thread; what it prints (static initialisers, a banner) is the
   * function's output.
   */
  private void init(ExecutionEnvironment environment, Consumer<String> log) {
    FunctionSettings loaded = environment.function();
    environment.attachOutput(
        log,
        new FunctionLogger(
            log,
            null,
            loaded.environment().get("AWS_LAMBDA_LOG_FORMAT"),
            loaded.environment().get("AWS_LAMBDA_LOG_LEVEL")));
    try {
      environment.init();
    } finally {
      FunctionOutput.detach();
    }
  }

  /**
   * How many environments may run at once: ReservedConcurrentExecutions, or LocalSAM's default cap.
   */
  int concurrencyLimit() {
    return concurrencyLimit;
  }

  /**
   * Called, after the result is passed on, each time an invocation ends and frees its place: queued
   * events may run.
   */
  void onSlotFreed(Runnable listener) {
    slotFreed = listener;
  }

  /**
   * Hands one invocation to a warm environment, or to a new one (a cold start), and returns at
   * once; the invocation runs on that environment's own thread and completes {@code result}, after
   * every log line of it (END and REPORT included) was written and given to {@code lines}. False,
   * and nothing run, when the function already runs as many invocations as it may (Lambda throttles
   * it). {@code requestId} is the one the function's context gets, or null for a new one.
   */
  boolean tryInvoke(
      byte[] event,
      String requestId,
      CompletableFuture<InvocationResult> result,
      Consumer<String> lines) {
    return tryInvoke(event, requestId, result, lines, Duration.ZERO);
  }

  /**
   * As {@link #tryInvoke(byte[], String, CompletableFuture, Consumer)}, started {@code delay} late
   * (an injected latency), holding its place meanwhile.
   */
  boolean tryInvoke(
      byte[] event,
      String requestId,
      CompletableFuture<InvocationResult> result,
      Consumer<String> lines,
      Duration delay) {
    if (running.incrementAndGet() > concurrencyLimit) {
      running.decrementAndGet();
      return false;
    }
    CompletableFuture<InvocationResult> invocation = new CompletableFuture<>();
    invocation.whenComplete(
        (outcome, error) -> {
          // The slot is free before anyone sees the result: a client answered at once may call
          // again at once.
          running.decrementAndGet();
          if (error != null) {
            result.completeExceptionally(error);
          } else {
            counters.finished(outcome);
            result.complete(outcome);
          }
          slotFreed.run();
        });
    if (delay.isZero()) {
      invoke(event, requestId, invocation, lines);
    } else {
      timer.schedule(
          () -> invoke(event, requestId, invocation, lines), delay.toNanos(), TimeUnit.NANOSECONDS);
    }
    return true;
  }

  private void invoke(
      byte[] event,
      String requestId,
      CompletableFuture<InvocationResult> result,
      Consumer<String> lines) {
    ExecutionEnvironment environment = busy() < eagerLimit ? idle.pollFirst() : null;
    boolean cold = environment == null;
    if (cold) {
      environment = newEnvironment(eagerLimit);
      if (environment == null) {
        // As many environments as start at once are busy: wait for one to come free, or for a
        // new one if none does soon.
        waiting.add(new Pending(event, requestId, result, lines, System.nanoTime()));
        dispatchWaiting();
        scheduleGrowth(GROWTH_WAIT_NANOS);
        return;
      }
    }
    start(environment, cold, event, requestId, result, lines);
  }

  private void start(
      ExecutionEnvironment environment,
      boolean cold,
      byte[] event,
      String requestId,
      CompletableFuture<InvocationResult> result,
      Consumer<String> lines) {
    String id = requestId != null ? requestId : RequestIds.next();
    lastStartNanos = System.nanoTime();
    environment.execute(
        () -> {
          try {
            run(environment, cold, event, id, result, lines);
          } catch (Throwable unexpected) {
            retire(environment);
            result.complete(
                new InvocationResult(
                    id,
                    ErrorDocument.of(unexpected),
                    unexpected.getClass().getName(),
                    Duration.ZERO,
                    null));
          }
        });
  }

  /** One invocation, on the environment's thread: Init first when the environment is new. */
  private void run(
      ExecutionEnvironment environment,
      boolean cold,
      byte[] event,
      String requestId,
      CompletableFuture<InvocationResult> result,
      Consumer<String> lines) {
    Consumer<String> log =
        line -> {
          this.log.accept(line);
          lines.accept(line);
        };
    AtomicBoolean answered =
        new AtomicBoolean(); // the function or the timeout: whichever answers first
    FunctionSettings function = environment.function();
    Duration init = null;
    if (cold) {
      init(environment, log);
      init = environment.initDuration();
      HandlerFault fault = environment.fault();
      if (fault != null && fault.fatal()) {
        discard(environment); // Init failed: the runtime exits, the next request starts afresh
        log.accept(
            "INIT_REPORT Init Duration: "
                + millis(init)
                + " ms\tPhase: init\tStatus: error\tError Type: Runtime.Unknown");
        result.complete(
            new InvocationResult(
                requestId, fault.document(), fault.errorType(), Duration.ZERO, init));
        return;
      }
    }
    log.accept("START RequestId: " + requestId + " Version: $LATEST");
    long start = System.nanoTime();
    HandlerFault fault = environment.fault();
    if (fault != null) {
      release(environment);
      finish(
          result,
          new InvocationResult(requestId, fault.document(), errorType(fault), Duration.ZERO, init),
          answered,
          log,
          environment);
      return;
    }
    long timeoutMillis = function.definition().timeoutSeconds() * 1000L;
    // After a timeout the environment is discarded, as Lambda's is: what its handler still does
    // says nothing more.
    AtomicBoolean discarded = new AtomicBoolean();
    Consumer<String> functionLog =
        line -> {
          if (!discarded.get()) {
            log.accept(line);
          }
        };
    FunctionLogger logger =
        new FunctionLogger(
            functionLog,
            requestId,
            function.environment().get("AWS_LAMBDA_LOG_FORMAT"),
            function.environment().get("AWS_LAMBDA_LOG_LEVEL"));
    LambdaContext context =
        new LambdaContext(
            requestId,
            function,
            environment.logStream(),
            System.currentTimeMillis() + timeoutMillis,
            logger);
    Thread worker = Thread.currentThread();
    Duration initDuration = init;
    ScheduledFuture<?> deadline =
        debugging
            ? null
            : timer.schedule(
                () -> {
                  Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
                  String seconds = String.format(Locale.ROOT, "%.2f", elapsed.toNanos() / 1e9);
                  InvocationResult timedOut =
                      new InvocationResult(
                          requestId,
                          timeoutDocument(requestId, seconds),
                          InvocationResult.TIMEOUT,
                          elapsed,
                          initDuration);
                  if (answered.compareAndSet(false, true)) {
                    discarded.set(true);
                    log.accept(
                        Instant.now()
                            + " "
                            + requestId
                            + " Task timed out after "
                            + seconds
                            + " seconds");
                    report(timedOut, log, environment);
                    result.complete(timedOut);
                    worker.interrupt(); // a handler that honours interrupts stops
                    discard(
                        environment); // one that does not is stopped after a grace period; never
                    // reused
                  }
                },
                timeoutMillis,
                TimeUnit.MILLISECONDS);
    InvocationResult outcome;
    boolean keep = true;
    environment.attachOutput(functionLog, logger);
    try {
      byte[] payload = environment.invoke(event, context);
      if (payload.length > FunctionRuntime.MAX_PAYLOAD_BYTES) {
        String message =
            "Response payload size ("
                + payload.length
                + " bytes) exceeded maximum allowed payload size ("
                + FunctionRuntime.MAX_PAYLOAD_BYTES
                + " bytes).";
        functionLog.accept(message);
        outcome =
            new InvocationResult(
                requestId,
                ErrorDocument.of(message, "Function.ResponseSizeTooLarge", null),
                "Function.ResponseSizeTooLarge",
                Duration.ofNanos(System.nanoTime() - start),
                init);
      } else {
        outcome =
            new InvocationResult(
                requestId, payload, null, Duration.ofNanos(System.nanoTime() - start), init);
      }
    } catch (ChildFailure failure) {
      // the child's runtime posted an error: its document is the answer, as it wrote it (its trace
      // is in its stderr)
      keep = !failure.endsRuntime();
      outcome =
          new InvocationResult(
              requestId,
              failure.document(),
              failure.errorType(),
              Duration.ofNanos(System.nanoTime() - start),
              init);
    } catch (Throwable thrown) {
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      if (thrown.getClass().getName().equals(EXIT) || thrown instanceof ChildExit) {
        // System.exit or Runtime.halt: Lambda's runtime process ends, the platform reports it and
        // resets
        functionLog.accept("RequestId: " + requestId + " Error: " + thrown.getMessage());
        keep = false;
        outcome =
            new InvocationResult(
                requestId,
                exitDocument(requestId, thrown.getMessage()),
                "Runtime.ExitError",
                elapsed,
                init);
      } else {
        functionLog.accept(
            thrown.getLocalizedMessage()
                + ": "
                + thrown.getClass().getName()
                + "\n"
                + userTrace(thrown));
        // the Java runtime exits after these, so Lambda starts a new environment
        keep = !(thrown instanceof VirtualMachineError || thrown instanceof IOError);
        outcome =
            new InvocationResult(
                requestId, ErrorDocument.of(thrown), thrown.getClass().getName(), elapsed, init);
      }
    } finally {
      FunctionOutput.detach();
      if (deadline != null) {
        deadline.cancel(false);
      }
    }
    Thread.interrupted(); // the runtime clears the interrupt flag after each invocation
    if (answered.get()) {
      return; // it timed out and was discarded
    }
    if (keep) {
      release(environment);
    } else {
      discard(environment);
    }
    finish(result, outcome, answered, log, environment);
  }

  private void finish(
      CompletableFuture<InvocationResult> result,
      InvocationResult outcome,
      AtomicBoolean answered,
      Consumer<String> log,
      ExecutionEnvironment environment) {
    if (answered.compareAndSet(false, true)) {
      report(outcome, log, environment);
      result.complete(outcome);
    }
  }

  private void report(
      InvocationResult outcome, Consumer<String> log, ExecutionEnvironment environment) {
    log.accept("END RequestId: " + outcome.requestId());
    Duration duration = outcome.duration();
    StringBuilder line =
        new StringBuilder("REPORT RequestId: ")
            .append(outcome.requestId())
            .append("\tDuration: ")
            .append(millis(duration))
            .append(" ms")
            .append("\tBilled Duration: ")
            .append(Math.max(1, (long) Math.ceil(duration.toNanos() / 1e6)))
            .append(" ms")
            .append("\tMemory Size: ")
            .append(function.definition().memorySize())
            .append(" MB")
            .append("\tMax Memory Used: ")
            .append(environment.maxMemoryUsedMb().orElse(function.definition().memorySize()))
            .append(" MB");
    if (outcome.initDuration() != null) {
      line.append("\tInit Duration: ").append(millis(outcome.initDuration())).append(" ms");
    }
    if (outcome.timedOut()) {
      line.append("\tStatus: timeout");
    }
    log.accept(line.toString());
  }

  private static String errorType(HandlerFault fault) {
    return fault.errorType() != null ? fault.errorType() : "Runtime.BadFunctionCode";
  }

  private static String userTrace(Throwable thrown) {
    StringBuilder trace = new StringBuilder(thrown.toString());
    for (String frame : ErrorDocument.userFrames(thrown)) {
      trace.append("\n\tat ").append(frame);
    }
    for (Throwable cause = thrown.getCause();
        cause != null && cause != cause.getCause();
        cause = cause.getCause()) {
      trace.append("\nCaused by: ").append(cause);
    }
    return trace.toString();
  }

  private static final String EXIT = LambdaSystem.Exit.class.getName();

  private static byte[] exitDocument(String requestId, String message) {
    return ("{\"errorType\":\"Runtime.ExitError\",\"errorMessage\":\"RequestId: "
            + requestId
            + " Error: "
            + message
            + "\"}")
        .getBytes(StandardCharsets.UTF_8);
  }

  static byte[] timeoutDocument(String requestId, String seconds) {
    return ("{\"errorType\":\""
            + InvocationResult.TIMEOUT
            + "\",\"errorMessage\":\"RequestId: "
            + requestId
            + " Error: Task timed out after "
            + seconds
            + " seconds\"}")
        .getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Milliseconds with two decimals, as Lambda's REPORT line writes them (without String.format's
   * cost).
   */
  static String millis(Duration duration) {
    long hundredths = (duration.toNanos() + 5_000) / 10_000;
    long fraction = hundredths % 100;
    return (hundredths / 100) + (fraction < 10 ? ".0" : ".") + fraction;
  }

  /** What the console shows of this function now: where it runs, its environments, its counters. */
  FunctionStatus status() {
    FunctionSettings settings = function;
    int busy = Math.min(running.get(), environments.get());
    return counters.status(
        settings.id(),
        settings.definition().runtime(),
        settings.definition().handler(),
        childRuntime == null ? "in-process" : childRuntime.describe(),
        idle.size(),
        busy,
        settings.environment());
  }

  void close() {
    for (ExecutionEnvironment environment; (environment = idle.pollFirst()) != null; ) {
      retire(environment);
    }
  }

  /**
   * Throws an environment away: closed now, and whatever of it still runs after a grace period is
   * stopped.
   */
  private void discard(ExecutionEnvironment environment) {
    retire(environment);
  }
}
