package io.localsam.runtime;

import java.io.IOError;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The execution environments of one function. Like Lambda: a warm environment is reused, one invocation
 * at a time; a request that finds none idle gets a new one (a cold start, its Init outside the timeout);
 * an environment that timed out or whose runtime would have exited is thrown away.
 */
final class FunctionPool {
  private final FunctionSettings function;
  private final ScheduledExecutorService timer;
  private final boolean debugging;
  private final Consumer<String> log;
  private final ConcurrentLinkedDeque<ExecutionEnvironment> idle = new ConcurrentLinkedDeque<>();

  FunctionPool(FunctionSettings function, ScheduledExecutorService timer, boolean debugging, Consumer<String> log) {
    this.function = function;
    this.timer = timer;
    this.debugging = debugging;
    this.log = line -> log.accept("[" + function.id() + "] " + line);
  }

  FunctionSettings function() {
    return function;
  }

  /**
   * Starts one environment ahead of the first request, as {@code --warm-containers EAGER} does. An Init
   * that fails fatally is logged and thrown away; the first request then starts afresh and reports it.
   */
  void warmUp() {
    ExecutionEnvironment environment = new ExecutionEnvironment(function, log);
    environment.init();
    HandlerFault fault = environment.fault();
    if (fault != null && fault.fatal()) {
      environment.close();
    } else {
      idle.offerFirst(environment);
    }
  }

  /**
   * Runs one invocation on the calling (worker) thread and completes {@code result}. Every log line of
   * the invocation, END and REPORT included, is written (and given to {@code lines}) before then.
   */
  void invoke(byte[] event, CompletableFuture<InvocationResult> result, Consumer<String> lines) {
    Consumer<String> log = line -> {
      this.log.accept(line);
      lines.accept(line);
    };
    AtomicBoolean answered = new AtomicBoolean();
    String requestId = UUID.randomUUID().toString();
    ExecutionEnvironment environment = idle.pollFirst();
    Duration init = null;
    if (environment == null) {
      environment = new ExecutionEnvironment(function, log);
      environment.init();
      init = environment.initDuration();
      HandlerFault fault = environment.fault();
      if (fault != null && fault.fatal()) {
        environment.close(); // Init failed: the runtime exits, the next request starts afresh
        log.accept("INIT_REPORT Init Duration: " + millis(init) + " ms\tPhase: init\tStatus: error\tError Type: Runtime.Unknown");
        result.complete(new InvocationResult(requestId, fault.document(), fault.errorType(), Duration.ZERO, init));
        return;
      }
    }
    log.accept("START RequestId: " + requestId + " Version: $LATEST");
    long start = System.nanoTime();
    HandlerFault fault = environment.fault();
    if (fault != null) {
      idle.offerFirst(environment);
      finish(result, new InvocationResult(requestId, fault.document(), errorType(fault), Duration.ZERO, init), answered, log);
      return;
    }
    long timeoutMillis = function.definition().timeoutSeconds() * 1000L;
    LambdaContext context = new LambdaContext(requestId, function, environment.logStream(),
        System.currentTimeMillis() + timeoutMillis, new FunctionLogger(function.id(), log));
    Thread worker = Thread.currentThread();
    Duration initDuration = init;
    ScheduledFuture<?> deadline = debugging ? null : timer.schedule(() -> {
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      String seconds = String.format(Locale.ROOT, "%.2f", elapsed.toNanos() / 1e9);
      InvocationResult timedOut = new InvocationResult(requestId, timeoutDocument(requestId, seconds),
          InvocationResult.TIMEOUT, elapsed, initDuration);
      if (answered.compareAndSet(false, true)) {
        log.accept(java.time.Instant.now() + " " + requestId + " Task timed out after " + seconds + " seconds");
        report(timedOut, log);
        result.complete(timedOut);
        worker.interrupt(); // a handler that honours interrupts stops; one that does not is abandoned
      }
    }, timeoutMillis, TimeUnit.MILLISECONDS);
    InvocationResult outcome;
    boolean keep = true;
    try {
      byte[] payload = environment.invoke(event, context);
      outcome = new InvocationResult(requestId, payload, null, Duration.ofNanos(System.nanoTime() - start), init);
    } catch (Throwable thrown) {
      log.accept(thrown.getLocalizedMessage() + ": " + thrown.getClass().getName() + "\n" + userTrace(thrown));
      // the Java runtime exits after these, so Lambda starts a new environment
      keep = !(thrown instanceof VirtualMachineError || thrown instanceof IOError);
      outcome = new InvocationResult(requestId, ErrorDocument.of(thrown), thrown.getClass().getName(),
          Duration.ofNanos(System.nanoTime() - start), init);
    } finally {
      if (deadline != null) {
        deadline.cancel(false);
      }
    }
    Thread.interrupted(); // the runtime clears the interrupt flag after each invocation
    if (answered.get()) {
      environment.close(); // it timed out: never reuse it
      return;
    }
    if (keep) {
      idle.offerFirst(environment);
    } else {
      environment.close();
    }
    finish(result, outcome, answered, log);
  }

  private void finish(CompletableFuture<InvocationResult> result, InvocationResult outcome, AtomicBoolean answered,
      Consumer<String> log) {
    if (answered.compareAndSet(false, true)) {
      report(outcome, log);
      result.complete(outcome);
    }
  }

  private void report(InvocationResult outcome, Consumer<String> log) {
    log.accept("END RequestId: " + outcome.requestId());
    Duration duration = outcome.duration();
    StringBuilder line = new StringBuilder("REPORT RequestId: ").append(outcome.requestId())
        .append("\tDuration: ").append(millis(duration)).append(" ms")
        .append("\tBilled Duration: ").append(Math.max(1, (long) Math.ceil(duration.toNanos() / 1e6))).append(" ms")
        .append("\tMemory Size: ").append(function.definition().memorySize()).append(" MB")
        .append("\tMax Memory Used: ").append(function.definition().memorySize()).append(" MB");
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
    for (Throwable cause = thrown.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
      trace.append("\nCaused by: ").append(cause);
    }
    return trace.toString();
  }

  private static byte[] timeoutDocument(String requestId, String seconds) {
    return ("{\"errorType\":\"" + InvocationResult.TIMEOUT + "\",\"errorMessage\":\"RequestId: " + requestId
        + " Error: Task timed out after " + seconds + " seconds\"}").getBytes(StandardCharsets.UTF_8);
  }

  private static String millis(Duration duration) {
    return String.format(Locale.ROOT, "%.2f", duration.toNanos() / 1e6);
  }

  void close() {
    for (ExecutionEnvironment environment; (environment = idle.pollFirst()) != null; ) {
      environment.close();
    }
  }
}
