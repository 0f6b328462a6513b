package io.localsam.runtime;

import io.localsam.config.Isolation;
import io.localsam.config.RuntimeClient;
import io.localsam.error.LocalSamException;
import io.localsam.fault.Fault;
import io.localsam.fault.Faults;
import io.localsam.runtime.process.JdkLocator;
import io.localsam.template.FunctionDef;
import io.localsam.template.Template;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs the template's functions in-process. The one entry point is {@link #invoke}: event bytes in,
 * response bytes out, exactly the Lambda Invoke contract, so the HTTP gateway, {@code invoke} and
 * the Lambda endpoint share it. Each function keeps its own pool of execution environments, and
 * each environment runs its invocations on its own thread.
 */
public final class FunctionRuntime implements AutoCloseable {
  /** The functions in use, replaced whole when the template changes; unmodifiable. */
  private volatile Map<String, FunctionPool> pools = Map.of();

  /**
   * Every function of the template in use, inline ones too, for telling what a new version changes.
   */
  private volatile Map<String, FunctionDef> definitions;

  private final ScheduledThreadPoolExecutor timer = timer();
  private final InvocationListener listener;

  /** Variables LocalSAM gives functions itself, by function id (README, WebSocket APIs). */
  private final Map<String, Map<String, String>> localEnvironment;

  private final AtomicBoolean outputReleased = new AtomicBoolean();
  private final CodeLocator locator;
  private final Consumer<String> log;
  private final String region;
  private final Isolation isolation;
  private final JdkLocator jdks;
  private final boolean debugging;
  private final CodeWatcher watcher; // null when code changes are not watched
  private final AsyncInvocations async;
  private final Faults faults;

  /**
   * Lambda's wait before the first retry of a failed asynchronous invocation; the second waits
   * twice as long.
   */
  public static final Duration ASYNC_RETRY_DELAY = Duration.ofMinutes(1);

  /** How long an unused environment is kept, as Lambda keeps idle environments for some minutes. */
  static final Duration IDLE_LIMIT = Duration.ofMinutes(10);

  /**
   * How many execution environments one function may have at once when the template sets no
   * ReservedConcurrentExecutions: enough for parallel tests and load runs, bounded so a flood of
   * requests is throttled (429 from the Invoke API, 500 through API Gateway) instead of exhausting
   * memory.
   */
  static final int DEFAULT_CONCURRENCY = 32;

  /**
   * How many execution environments one function has at most when the template sets no
   * ReservedConcurrentExecutions; more concurrent requests wait for one to come free. Each
   * environment loads the function and AWS's serializer anew, so on a laptop a few busy ones serve
   * more than dozens.
   */
  static final int DEFAULT_ENVIRONMENTS =
      Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

  /** Lambda's synchronous payload limit, for the request and the response (6 MB). */
  public static final int MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;

  /**
   * Finds every function's code and prepares its environment; nothing is loaded until the first
   * invocation. Throws {@link LocalSamException} when a function's code cannot be found. In this
   * JVM, with Lambda's retry delay, hot reload on and no faults.
   */
  public FunctionRuntime(
      Template template,
      String region,
      EnvVarsFile envVars,
      Consumer<String> log,
      InvocationListener listener) {
    this(
        template,
        region,
        envVars,
        log,
        listener,
        ASYNC_RETRY_DELAY,
        Isolation.IN_PROCESS,
        true,
        Faults.none(),
        Map.of());
  }

  /**
   * Like the other constructor, with the wait before a failed asynchronous invocation's first retry
   * ({@link #ASYNC_RETRY_DELAY} in Lambda; shorter makes tests of retries quick), where each
   * function runs (in this JVM, or in processes of its own), {@code watchCode} false to turn hot
   * reload off (SAM CLI's {@code --no-watch}), the faults injected into functions ({@code
   * Emulator.faults()}, {@code --fault}), and variables LocalSAM itself gives some functions, by
   * function id (a WebSocket API's {@code LOCALSAM_WEBSOCKET_ENDPOINT}), set whatever the template
   * declares.
   */
  public FunctionRuntime(
      Template template,
      String region,
      EnvVarsFile envVars,
      Consumer<String> log,
      InvocationListener listener,
      Duration asyncRetryDelay,
      Isolation isolation,
      boolean watchCode,
      Faults faults,
      Map<String, Map<String, String>> localEnvironment) {
    this.localEnvironment = Map.copyOf(localEnvironment);
    this.listener = listener;
    this.faults = faults;
    this.async = new AsyncInvocations(this::tryStart, timer, asyncRetryDelay, listener, log);
    EnvironmentThreads.startSharedDelayScheduler();
    if (!isolation.processByDefault()) {
      SerializerSpare.prepare(1); // AWS's serializer loaded while LocalSAM starts, not on a request
    }
    this.log = log;
    this.region = region;
    this.isolation = isolation;
    this.locator = new CodeLocator(template.file().toAbsolutePath().getParent(), log);
    this.jdks =
        new JdkLocator(isolation.jdks(), System.getenv(), Path.of(System.getProperty("user.home")));
    this.debugging =
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
            .anyMatch(a -> a.contains("jdwp"));
    if (debugging) {
      log.accept("A debugger is attached: function timeouts are suspended.");
    }
    FunctionOutput.acquire(); // released by close, or below if mounting fails
    try {
      Map<String, FunctionPool> mounted = mount(template.functions().values(), envVars);
      noteAwsClientUnused(template.functions().values());
      mounted.values().forEach(this::serve);
      pools = Collections.unmodifiableMap(mounted);
      definitions = template.functions();
      SerializerSpare.prepare(inProcessFunctions()); // one for each function's first request
    } catch (RuntimeException | Error e) {
      timer.shutdownNow();
      releaseOutput();
      throw e;
    }
    watcher = watchCode ? new CodeWatcher(List.copyOf(pools.values()), this::reload, log) : null;
    if (watcher != null) {
      watcher.start(); // fingerprints the code as mounted, in the background
    }
    timer.scheduleWithFixedDelay(this::closeIdleEnvironments, 1, 1, TimeUnit.SECONDS);
  }

  /**
   * Finds the code of {@code functions} (Maven modules resolved side by side) and gives each a
   * pool, not yet in use; inline code gets none.
   */
  private Map<String, FunctionPool> mount(Collection<FunctionDef> functions, EnvVarsFile envVars) {
    ExecutorService locating = Executors.newFixedThreadPool(4, daemon("localsam-locate-"));
    try {
      Map<String, CompletableFuture<FunctionCode>> located = new LinkedHashMap<>();
      for (FunctionDef function : functions) {
        if (!function.inlineCode() && inProcess(isolation, function)) {
          checkJavaVersion(function, log);
        }
        if (!function.inlineCode()) {
          // Several Maven modules resolve side by side; functions of one module wait for its one
          // resolution.
          located.put(
              function.logicalId(),
              CompletableFuture.supplyAsync(() -> locator.locate(function), locating));
        }
      }
      Map<String, FunctionPool> mounted = new LinkedHashMap<>();
      for (FunctionDef function : functions) {
        if (!function.inlineCode()) {
          mounted.put(
              function.logicalId(),
              pool(function, join(located.get(function.logicalId())), envVars));
        }
      }
      return mounted;
    } finally {
      locating.shutdown();
    }
  }

  private static FunctionCode join(CompletableFuture<FunctionCode> located) {
    try {
      return located.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  /**
   * {@code --runtime-client aws} with no Java function in a process of its own runs nothing: said
   * once, at start-up.
   */
  private void noteAwsClientUnused(Collection<FunctionDef> functions) {
    boolean javaInProcesses =
        functions.stream()
            .anyMatch(
                function ->
                    !inProcess(isolation, function) && !ChildRuntime.isCustom(function.runtime()));
    if (isolation.runtimeClient() == RuntimeClient.AWS && !javaInProcesses) {
      log.accept(
          "Note: AWS's runtime interface client (--runtime-client aws) runs Java functions in process isolation, and"
              + " no Java function runs in a process of its own here.");
    }
  }

  /** One function's pool of execution environments, as Lambda would run it. */
  private FunctionPool pool(FunctionDef function, FunctionCode code, EnvVarsFile envVars) {
    log.accept(function.logicalId() + ": code from " + code.description());
    ChildRuntime childRuntime =
        inProcess(isolation, function)
            ? null
            : ChildRuntime.of(
                function.logicalId(),
                function.runtime(),
                jdks,
                isolation.debugPort(function.logicalId()),
                isolation.runtimeClient());
    log.accept(
        function.logicalId()
            + ": runs "
            + (childRuntime == null ? "in-process" : childRuntime.describe()));
    FunctionSettings settings =
        new FunctionSettings(function, code, environment(function, envVars), region);
    Integer reserved = function.reservedConcurrency();
    return new FunctionPool(
        settings,
        reserved != null ? reserved : DEFAULT_CONCURRENCY,
        reserved != null ? reserved : DEFAULT_ENVIRONMENTS,
        timer,
        debugging || (childRuntime != null && childRuntime.debugging()),
        log,
        childRuntime);
  }

  private Map<String, String> environment(FunctionDef function, EnvVarsFile envVars) {
    Map<String, String> environment =
        FunctionEnvironment.of(function, region, envVars, System.getenv());
    Map<String, String> local = localEnvironment.get(function.logicalId());
    if (local == null) {
      return environment;
    }
    Map<String, String> merged = new LinkedHashMap<>(environment);
    merged.putAll(local);
    return merged;
  }

  /**
   * Makes a pool's function invocable asynchronously too; a function's queue is kept across
   * reloads.
   */
  private void serve(FunctionPool pool) {
    String id = pool.function().id();
    pool.onSlotFreed(() -> async.dispatch(id));
    async.put(pool.function());
  }

  /**
   * Readies the functions of a new version of the template, without using them yet: a function
   * whose definition and environment are unchanged keeps its pool (and its warm environments); a
   * new or changed one gets a new pool, its code found now.
   *
   * @throws LocalSamException when the code of a new or changed function cannot be found
   */
  public FunctionUpdate prepare(Template next, EnvVarsFile envVars) {
    Map<String, FunctionPool> current = pools;
    Map<String, FunctionDef> before = definitions;
    List<FunctionDef> fresh = new ArrayList<>();
    List<String> added = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    for (FunctionDef function : next.functions().values()) {
      FunctionPool pool = current.get(function.logicalId());
      boolean same =
          function.sameDefinition(before.get(function.logicalId()))
              && (pool == null
                  || pool.function().environment().equals(environment(function, envVars)));
      if (!same) {
        (before.containsKey(function.logicalId()) ? changed : added).add(function.logicalId());
        fresh.add(function);
      }
    }
    List<String> removed = new ArrayList<>(before.keySet());
    removed.removeAll(next.functions().keySet());
    Map<String, FunctionPool> created = mount(fresh, envVars);
    Map<String, FunctionPool> nextPools = new LinkedHashMap<>();
    for (FunctionDef function : next.functions().values()) {
      String id = function.logicalId();
      FunctionPool pool = created.containsKey(id) ? created.get(id) : current.get(id);
      if (pool != null && !function.inlineCode()) {
        nextPools.put(id, pool);
      }
    }
    List<FunctionPool> displaced = new ArrayList<>(current.values());
    displaced.removeAll(nextPools.values());
    return new FunctionUpdate(
        next.functions(),
        nextPools,
        List.copyOf(created.values()),
        displaced,
        new FunctionChanges(added, changed, removed),
        this);
  }

  /**
   * Puts a prepared version in use: new requests reach its functions; the pools it replaced take no
   * new work of their own (requests already routed to them still finish there) and close as they go
   * idle.
   */
  public void apply(FunctionUpdate update) {
    for (FunctionPool pool : update.created) {
      // fingerprinted now, as mounted: a build from here on is a change the watcher reloads
      pool.fingerprinted(
          CodeFingerprint.of(
              pool.function().code().classpath(), pool.function().definition().codeUri()));
      serve(pool);
    }
    pools = update.pools;
    definitions = update.definitions;
    update.changes().removed().forEach(async::remove);
    if (watcher != null) {
      watcher.update(List.copyOf(update.pools.values()));
    }
    update.displaced.forEach(FunctionPool::retire);
  }

  /** The functions in use now, for what routes to them. */
  public FunctionSet current() {
    return new FunctionSet(pools, this);
  }

  /**
   * A custom runtime ({@code provided.al2023}) runs its own bootstrap, which only a process of its
   * own can do.
   */
  private static boolean inProcess(Isolation isolation, FunctionDef function) {
    return isolation.inProcess(function.logicalId()) && !ChildRuntime.isCustom(function.runtime());
  }

  /** Once a second: close long-idle environments, as Lambda recycles unused ones. */
  private void closeIdleEnvironments() {
    long cutoff = System.nanoTime() - IDLE_LIMIT.toNanos();
    pools.values().forEach(pool -> pool.reap(cutoff));
  }

  /**
   * The function's code changed (hot reload): locate it again, and start fresh environments from
   * it.
   */
  private void reload(FunctionPool pool) {
    FunctionSettings current = pool.function();
    if (current.definition().codeUri() != null) {
      locator.forget(current.definition().codeUri());
    }
    FunctionCode code = locator.locate(current.definition());
    pool.reload(
        new FunctionSettings(current.definition(), code, current.environment(), current.region()),
        CodeFingerprint.of(code.classpath(), current.definition().codeUri()));
    log.accept(current.id() + ": code changed; the next request starts a fresh environment");
  }

  private static void checkJavaVersion(FunctionDef function, Consumer<String> log) {
    String digits = function.runtime().replaceAll("\\D", "");
    int jvm = Runtime.version().feature();
    if (!digits.isEmpty() && Integer.parseInt(digits) > jvm) {
      log.accept(
          "Warning: "
              + function.logicalId()
              + " declares "
              + function.runtime()
              + " but LocalSAM runs on Java "
              + jvm
              + "; classes compiled for a newer Java will not load (run LocalSAM with Java "
              + digits
              + " or newer, or run the function"
              + " on a local JDK "
              + digits
              + " in a JVM of its own with --isolation-process "
              + function.logicalId()
              + ").");
    }
  }

  public boolean hasFunction(String functionId) {
    return pools.containsKey(functionId);
  }

  /**
   * Invokes a function with an event, as Lambda's synchronous Invoke does. The future completes
   * with the response or the error document; it never completes exceptionally for a function's own
   * failure.
   */
  public CompletableFuture<InvocationResult> invoke(String functionId, byte[] event) {
    return invoke(functionId, event, line -> {});
  }

  /**
   * Like {@link #invoke(String, byte[])}, and also hands {@code lines} every log line of this one
   * invocation (START to REPORT), as Lambda's {@code LogType: Tail} returns them, before the future
   * completes.
   */
  public CompletableFuture<InvocationResult> invoke(
      String functionId, byte[] event, Consumer<String> lines) {
    return invoke(pool(functionId), functionId, event, lines, null);
  }

  /**
   * One synchronous invocation on {@code pool}, of whichever version of the template routed to it;
   * {@code routeFault} is the latency a route's fault added before it, recorded with it, or null.
   */
  CompletableFuture<InvocationResult> invoke(
      FunctionPool pool,
      String functionId,
      byte[] event,
      Consumer<String> lines,
      Fault routeFault) {
    if (event.length > MAX_PAYLOAD_BYTES) {
      return CompletableFuture.failedFuture(
          new InvocationRejected(
              InvocationRejected.Reason.PAYLOAD_TOO_LARGE,
              functionId
                  + ": the event is "
                  + event.length
                  + " bytes, over Lambda's "
                  + MAX_PAYLOAD_BYTES
                  + "-byte limit for synchronous invocations"));
    }
    Fault fault = faults.nextForFunction(functionId);
    if (fault != null && fault.kind() == Fault.Kind.THROTTLE) {
      log.accept("[" + functionId + "] Fault injected: " + fault.describe());
      listener.invoked(
          functionId,
          event,
          new InvocationResult(
              RequestIds.next(), THROTTLED_DOCUMENT, THROTTLED_TYPE, Duration.ZERO, null, fault));
      return CompletableFuture.failedFuture(
          new InvocationRejected(
              InvocationRejected.Reason.THROTTLED,
              functionId + ": throttled by an injected fault"));
    }
    CompletableFuture<InvocationResult> result =
        tryStart(pool, functionId, event, null, lines, fault != null ? fault : routeFault);
    if (result == null) {
      return CompletableFuture.failedFuture(
          new InvocationRejected(
              InvocationRejected.Reason.THROTTLED,
              functionId
                  + ": all "
                  + pool.concurrencyLimit()
                  + " execution environments it may have are busy; throttled"));
    }
    return result;
  }

  /**
   * Invokes a function asynchronously, as Lambda's {@code Event} invocation type does: the event is
   * queued and runs when the function has a free place, failures are retried per its {@code
   * EventInvokeConfig}, and the outcome reaches its destination and the listener. Returns the
   * request id every attempt carries.
   *
   * @throws InvocationRejected when the event is over Lambda's 1 MB limit or the queue is full
   */
  public String invokeAsync(String functionId, byte[] event) {
    return async.submit(
        functionId, event); // refuses an unknown function with the same message as invoke
  }

  /**
   * Waits until every accepted asynchronous invocation has finished; true when they did within
   * {@code timeout}.
   */
  public boolean awaitAsync(Duration timeout) {
    return async.awaitIdle(timeout);
  }

  /**
   * Stops accepting asynchronous invocations and runs those still waiting (retries at once) for up
   * to {@code grace}; returns how many had not finished by then.
   */
  public int drainAsync(Duration grace) {
    return async.drain(grace);
  }

  private CompletableFuture<InvocationResult> tryStart(
      String functionId, byte[] event, String requestId) {
    FunctionPool pool = pools.get(functionId);
    if (pool == null) { // removed by a template reload while its event waited
      return CompletableFuture.failedFuture(
          new LocalSamException("Function " + functionId + " not found in template"));
    }
    Fault fault = faults.nextForFunction(functionId);
    // Lambda retries throttled events for hours: a throttle fault would only hold an event back, so
    // it is not applied
    return tryStart(
        pool,
        functionId,
        event,
        requestId,
        line -> {},
        fault == null || fault.kind() == Fault.Kind.THROTTLE ? null : fault);
  }

  /**
   * One invocation started now (after the fault's latency, holding its place meanwhile), or
   * answered by the fault instead; its outcome, marked with the fault, told to the listener. Null
   * when the function is throttled.
   */
  private CompletableFuture<InvocationResult> tryStart(
      FunctionPool pool,
      String functionId,
      byte[] event,
      String requestId,
      Consumer<String> lines,
      Fault fault) {
    CompletableFuture<InvocationResult> result = new CompletableFuture<>();
    InvocationLogs logs = new InvocationLogs(lines);
    if (fault != null && fault.replacesOutcome()) {
      faulted(pool, fault, requestId != null ? requestId : RequestIds.next(), result);
    } else if (!pool.tryInvoke(
        event, requestId, result, logs, fault == null ? Duration.ZERO : fault.latency())) {
      return null;
    }
    return result.thenApply(
        outcome -> {
          InvocationResult recorded = fault == null ? outcome : outcome.withFault(fault);
          listener.invoked(functionId, event, recorded, logs.lines());
          return recorded;
        });
  }

  /**
   * An error fault answers at once; a timeout fault once the function's Timeout has passed, as
   * Lambda's timeout does.
   */
  private void faulted(
      FunctionPool pool,
      Fault fault,
      String requestId,
      CompletableFuture<InvocationResult> result) {
    String functionId = pool.function().id();
    log.accept(
        "["
            + functionId
            + "] Fault injected: "
            + fault.describe()
            + " (RequestId: "
            + requestId
            + ")");
    if (fault.kind() == Fault.Kind.TIMEOUT) {
      int seconds = pool.function().definition().timeoutSeconds();
      timer.schedule(
          () ->
              result.complete(
                  new InvocationResult(
                      requestId,
                      FunctionPool.timeoutDocument(requestId, seconds + ".00"),
                      InvocationResult.TIMEOUT,
                      Duration.ofSeconds(seconds),
                      null)),
          seconds,
          java.util.concurrent.TimeUnit.SECONDS);
    } else {
      result.complete(
          new InvocationResult(
              requestId,
              ErrorDocument.of(fault.errorMessage(), fault.errorType(), null),
              fault.errorType(),
              Duration.ZERO,
              null));
    }
  }

  /** Lambda's answer to a throttled Invoke, as the journal records an injected throttle. */
  private static final byte[] THROTTLED_DOCUMENT =
      "{\"Reason\":\"ReservedFunctionConcurrentInvocationLimitExceeded\",\"Type\":\"User\",\"message\":\"Rate Exceeded.\"}"
          .getBytes(java.nio.charset.StandardCharsets.UTF_8);

  private static final String THROTTLED_TYPE = "TooManyRequestsException";

  /**
   * Records an outcome no function gave (a route's fault answered), as the journal shows
   * invocations.
   */
  void journal(String functionId, byte[] event, InvocationResult answered) {
    listener.invoked(functionId, event, answered);
  }

  /** The faults injected into functions, for the facade. */
  public Faults faults() {
    return faults;
  }

  private FunctionPool pool(String functionId) {
    return FunctionSet.pool(pools, functionId);
  }

  /**
   * Each function in use now: where it runs, its environments warm and busy, its counters; in
   * template order.
   */
  public List<FunctionStatus> status() {
    return pools.values().stream().map(FunctionPool::status).toList();
  }

  /**
   * Initialises one execution environment per function now, as {@code --warm-containers EAGER}
   * does.
   */
  public void warmUp() {
    pools.values().forEach(FunctionPool::warmUp);
  }

  /**
   * Discards every execution environment: idle ones close now, busy ones when their invocation
   * ends, so each function's next invocation is a cold start with fresh static state. Queued
   * asynchronous events still run.
   */
  public void reset() {
    pools.values().forEach(FunctionPool::reset);
    SerializerSpare.prepare(inProcessFunctions()); // the cold starts that follow take them
  }

  private int inProcessFunctions() {
    return (int) pools.values().stream().filter(FunctionPool::inProcess).count();
  }

  @Override
  public void close() {
    async.close();
    if (watcher != null) {
      watcher.close();
    }
    timer.shutdownNow();
    pools.values().forEach(FunctionPool::close);
    releaseOutput();
  }

  /** Once per runtime, however often it is closed. */
  private void releaseOutput() {
    if (outputReleased.compareAndSet(false, true)) {
      FunctionOutput.release();
    }
  }

  /** One timer thread for every function's timeouts; cancelled timeouts leave its queue at once. */
  private static ScheduledThreadPoolExecutor timer() {
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(1, daemon("localsam-timeouts-"));
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }

  private static ThreadFactory daemon(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
