package io.localsam.runtime;

import io.localsam.error.LocalSamException;
import io.localsam.template.EventInvokeConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Lambda's asynchronous invocation ({@code InvocationType: Event}), as its documentation describes
 * it (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html): an
 * accepted event waits in its function's queue until the function has a free place (asynchronous
 * and synchronous calls share {@code ReservedConcurrentExecutions}, so a throttled event waits
 * instead of failing); a function error is retried {@code MaximumRetryAttempts} times (default 2),
 * after a wait that is Lambda's one and then two minutes unless configured shorter; an event older
 * than {@code MaximumEventAgeInSeconds} (default six hours) is dropped; and each final outcome goes
 * to the function's {@code OnSuccess}/{@code OnFailure} destination as Lambda's invocation record.
 * The queue is bounded: past the bound the caller is refused (429) rather than accepted and lost.
 *
 * <p>Threading: attempts run on the environments' threads, never on the caller's; a queue's lock is
 * held only to pick its next event, never while another function's queue is touched.
 */
final class AsyncInvocations implements AutoCloseable {
  /** Lambda's payload limit for asynchronous invocations (1 MB). */
  static final int MAX_EVENT_BYTES = 1024 * 1024;

  /** How many events one function may have waiting or running before new ones are refused. */
  static final int MAX_EVENTS_PER_FUNCTION = 10_000;

  /** How many bytes of events all functions together may hold. */
  static final long MAX_QUEUED_BYTES = 256L * 1024 * 1024;

  /**
   * Starts one attempt when the function has a free place; null, and nothing started, when it has
   * none.
   */
  @FunctionalInterface
  interface Attempts {
    CompletableFuture<InvocationResult> tryStart(String functionId, byte[] event, String requestId);
  }

  /**
   * By function; replaced whole (never changed in place) when the template adds or removes a
   * function.
   */
  private volatile Map<String, FunctionQueue> queues = Map.of();

  private final Attempts attempts;
  private final ScheduledExecutorService timer;
  private final Duration retryDelay;
  private final InvocationListener listener;
  private final Consumer<String> log;
  private final ScheduledFuture<?> expiry;
  private final Object counts = new Object();
  private int outstanding; // accepted and not finished; guarded by counts
  private long queuedBytes; // guarded by counts
  private boolean stopping; // guarded by counts
  private boolean closed; // guarded by counts

  AsyncInvocations(
      Attempts attempts,
      ScheduledExecutorService timer,
      Duration retryDelay,
      InvocationListener listener,
      Consumer<String> log) {
    this.attempts = attempts;
    this.timer = timer;
    this.retryDelay = retryDelay;
    this.listener = listener;
    this.log = log;
    this.expiry = timer.scheduleWithFixedDelay(this::dropExpired, 1, 1, TimeUnit.SECONDS);
  }

  /**
   * Makes {@code function} invocable asynchronously, or gives its queue the function's new settings
   * when the template changed it: events already accepted stay queued, and are retried and
   * delivered as it now says.
   */
  synchronized void put(FunctionSettings function) {
    FunctionQueue queue = queues.get(function.id());
    if (queue != null) {
      queue.configure(function);
      return;
    }
    Map<String, FunctionQueue> next = new LinkedHashMap<>(queues);
    next.put(function.id(), new FunctionQueue(function));
    queues = Collections.unmodifiableMap(next);
  }

  /**
   * The template no longer has the function: new events for it are refused, and those waiting are
   * not run, as Lambda drops the queue of a deleted function (each journaled, their number logged).
   */
  synchronized void remove(String functionId) {
    FunctionQueue queue = queues.get(functionId);
    if (queue == null) {
      return;
    }
    Map<String, FunctionQueue> next = new LinkedHashMap<>(queues);
    next.remove(functionId);
    queues = Collections.unmodifiableMap(next);
    int dropped = notRun(queue);
    if (dropped > 0) {
      log.accept(
          "["
              + functionId
              + "] removed from the template: "
              + dropped
              + " accepted asynchronous invocation(s)"
              + " not run");
    }
  }

  /**
   * Accepts an event for {@code functionId} and returns its request id; the function runs as soon
   * as it has a free place.
   *
   * @throws InvocationRejected when the event is over 1 MB, or the queue is full or stopping
   */
  String submit(String functionId, byte[] event) {
    FunctionQueue queue = queues.get(functionId);
    if (queue == null) {
      throw new LocalSamException("Function " + functionId + " not found in template");
    }
    if (event.length > MAX_EVENT_BYTES) {
      throw new InvocationRejected(
          InvocationRejected.Reason.PAYLOAD_TOO_LARGE,
          functionId
              + ": the event is "
              + event.length
              + " bytes, over Lambda's "
              + MAX_EVENT_BYTES
              + "-byte limit for asynchronous invocations",
          MAX_EVENT_BYTES);
    }
    synchronized (counts) {
      if (stopping) {
        throw new InvocationRejected(
            InvocationRejected.Reason.THROTTLED,
            functionId + ": LocalSAM is stopping;" + " the asynchronous invocation is refused");
      }
      if (queue.size >= MAX_EVENTS_PER_FUNCTION || queuedBytes + event.length > MAX_QUEUED_BYTES) {
        throw new InvocationRejected(
            InvocationRejected.Reason.THROTTLED,
            functionId
                + ": "
                + queue.size
                + " asynchronous invocations are waiting already; refused rather than accepted and lost");
      }
      outstanding++;
      queue.size++;
      queuedBytes += event.length;
    }
    QueuedEvent queued = new QueuedEvent(RequestIds.next(), event, System.nanoTime());
    queue.ready.addLast(queued);
    dispatch(queue);
    return queued.requestId;
  }

  /**
   * Starts the function's waiting events while it has free places; called again whenever one frees.
   */
  void dispatch(String functionId) {
    FunctionQueue queue = queues.get(functionId);
    if (queue != null) {
      dispatch(queue);
    }
  }

  private void dispatch(FunctionQueue queue) {
    if (queue.ready.isEmpty()) {
      return; // the common case, on every invocation's end: no lock taken
    }
    List<QueuedEvent> expired = new ArrayList<>();
    synchronized (queue) {
      for (QueuedEvent next; (next = queue.ready.peekFirst()) != null; ) {
        if (queue.tooOld(next)) {
          queue.ready.pollFirst();
          expired.add(next);
          continue;
        }
        // Attempts complete on an environment's thread, never inside tryStart, so no callback runs
        // under this lock.
        CompletableFuture<InvocationResult> attempt =
            attempts.tryStart(queue.functionId, next.event, next.requestId);
        if (attempt == null) {
          break; // every place is taken: the next one to come free calls here again
        }
        queue.ready.pollFirst();
        next.attempts++;
        QueuedEvent started = next;
        attempt.whenComplete((result, error) -> attempted(queue, started, result, error));
      }
    }
    expired.forEach(event -> finish(queue, event, AsyncOutcome.EVENT_AGE_EXCEEDED));
  }

  private void attempted(
      FunctionQueue queue, QueuedEvent event, InvocationResult result, Throwable error) {
    InvocationResult outcome =
        result != null
            ? result
            : new InvocationResult(
                event.requestId,
                ErrorDocument.of(error),
                error.getClass().getName(),
                Duration.ZERO,
                null);
    event.last = outcome;
    if (!outcome.failed()) {
      finish(queue, event, AsyncOutcome.SUCCESS);
      return;
    }
    if (queues.get(queue.functionId) != queue) {
      finish(
          queue,
          event,
          AsyncOutcome.NOT_RUN); // the template removed the function meanwhile: no retry
      return;
    }
    int retries = queue.config.maximumRetryAttempts();
    if (event.attempts > retries) {
      finish(queue, event, AsyncOutcome.RETRIES_EXHAUSTED);
      return;
    }
    Duration wait = retryDelay.multipliedBy(event.attempts); // Lambda: one minute, then two
    boolean queued;
    synchronized (queue) {
      synchronized (counts) {
        queued = !closed;
        if (queued) {
          if (stopping) {
            queue.ready.addLast(event); // stopping: retry at once, within the grace period
          } else {
            queue.delayed.put(
                event,
                timer.schedule(() -> retry(queue, event), wait.toNanos(), TimeUnit.NANOSECONDS));
          }
        }
      }
    }
    if (!queued) {
      finish(
          queue,
          event,
          AsyncOutcome.NOT_RUN); // it was running when the queues closed: no retry will run
      return;
    }
    log.accept(
        "["
            + queue.functionId
            + "] asynchronous invocation "
            + event.requestId
            + " failed ("
            + outcome.errorType()
            + "); retry "
            + event.attempts
            + " of "
            + retries
            + " in "
            + wait.toMillis() / 1000.0
            + " s");
    dispatch(queue);
  }

  private void retry(FunctionQueue queue, QueuedEvent event) {
    synchronized (queue) {
      if (queue.delayed.remove(event) == null) {
        return; // already moved forward by a shutdown
      }
      queue.ready.addLast(event);
    }
    dispatch(queue);
  }

  /**
   * The event is done with: its outcome journaled and sent to its destination, then it stops
   * counting.
   */
  private void finish(FunctionQueue queue, QueuedEvent event, String condition) {
    AsyncOutcome outcome =
        new AsyncOutcome(
            queue.functionId, event.requestId, event.event, condition, event.attempts, event.last);
    try {
      listener.asyncFinished(outcome);
      if (!outcome.succeeded()) {
        log.accept(
            "["
                + queue.functionId
                + "] asynchronous invocation "
                + event.requestId
                + " given up: "
                + condition
                + " after "
                + event.attempts
                + " attempt(s)"
                + (event.last != null ? ", the last failing with " + event.last.errorType() : ""));
      }
      EventInvokeConfig.Destination destination =
          switch (condition) {
            case AsyncOutcome.SUCCESS -> queue.config.onSuccess();
            case AsyncOutcome.RETRIES_EXHAUSTED, AsyncOutcome.EVENT_AGE_EXCEEDED ->
                queue.config.onFailure();
            default -> null;
          };
      if (destination != null) {
        deliver(queue, outcome, destination);
      }
    } finally {
      synchronized (counts) {
        outstanding--;
        queue.size--;
        queuedBytes -= event.event.length;
        if (outstanding == 0) {
          counts.notifyAll();
        }
      }
    }
  }

  private void deliver(
      FunctionQueue queue, AsyncOutcome outcome, EventInvokeConfig.Destination destination) {
    byte[] record = DestinationRecord.of(outcome, queue.functionArn);
    String which = outcome.succeeded() ? "OnSuccess" : "OnFailure";
    if (destination.functionId() == null) {
      log.accept(
          "["
              + queue.functionId
              + "] "
              + which
              + " destination "
              + destination.type()
              + " "
              + (destination.arn() == null ? "" : destination.arn() + " ")
              + "is not emulated; its record: "
              + new String(record, StandardCharsets.UTF_8));
      return;
    }
    try {
      submit(
          destination.functionId(), record); // Lambda invokes a destination function asynchronously
    } catch (LocalSamException e) {
      log.accept(
          "["
              + queue.functionId
              + "] "
              + which
              + " destination "
              + destination.functionId()
              + " could not be invoked ("
              + e.getMessage()
              + "); its record: "
              + new String(record, StandardCharsets.UTF_8));
    }
  }

  /**
   * Events waiting past their function's MaximumEventAgeInSeconds are dropped, as Lambda drops
   * them.
   */
  private void dropExpired() {
    for (FunctionQueue queue : queues.values()) {
      if (queue.ready.isEmpty()) {
        continue;
      }
      List<QueuedEvent> expired = new ArrayList<>();
      synchronized (queue) {
        queue.ready.removeIf(event -> queue.tooOld(event) && expired.add(event));
      }
      expired.forEach(event -> finish(queue, event, AsyncOutcome.EVENT_AGE_EXCEEDED));
    }
  }

  /**
   * Waits until every accepted event has finished (destinations included); true when they all did
   * in time.
   */
  boolean awaitIdle(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (counts) {
      while (outstanding > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(counts, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return true;
    }
  }

  /** How many accepted events have not finished yet. */
  int outstanding() {
    synchronized (counts) {
      return outstanding;
    }
  }

  /**
   * Stops accepting events and runs the waiting ones now, retries included, for up to {@code
   * grace}; returns how many were still unfinished then.
   */
  int drain(Duration grace) {
    synchronized (counts) {
      stopping = true;
    }
    for (FunctionQueue queue : queues.values()) {
      synchronized (queue) {
        queue.delayed.forEach(
            (event, retry) -> {
              if (retry.cancel(false)) {
                queue.ready.addLast(event);
              }
            });
        queue.delayed.clear();
      }
      dispatch(queue);
    }
    awaitIdle(grace);
    return outstanding();
  }

  /**
   * Stops the queues. Events that never ran are journaled as {@link AsyncOutcome#NOT_RUN} and their
   * number is logged by function, so an accepted event is never lost in silence.
   */
  @Override
  public void close() {
    expiry.cancel(false);
    synchronized (counts) {
      stopping = true;
      closed = true;
    }
    Map<String, Integer> lost = new LinkedHashMap<>();
    for (FunctionQueue queue : queues.values()) {
      int left = notRun(queue);
      if (left > 0) {
        lost.put(queue.functionId, left);
      }
    }
    if (!lost.isEmpty()) {
      List<String> named = new ArrayList<>();
      lost.forEach((function, count) -> named.add(function + " (" + count + ")"));
      log.accept(
          "Stopped with "
              + lost.values().stream().mapToInt(Integer::intValue).sum()
              + " accepted asynchronous invocation(s) not run: "
              + String.join(", ", named));
    }
  }

  /**
   * Takes every waiting event off the queue (retries cancelled) and finishes it as not run; returns
   * how many.
   */
  private int notRun(FunctionQueue queue) {
    List<QueuedEvent> left = new ArrayList<>();
    synchronized (queue) {
      queue.delayed.forEach(
          (event, retry) -> {
            retry.cancel(false);
            left.add(event);
          });
      queue.delayed.clear();
      for (QueuedEvent event; (event = queue.ready.pollFirst()) != null; ) {
        left.add(event);
      }
    }
    left.forEach(event -> finish(queue, event, AsyncOutcome.NOT_RUN));
    return left.size();
  }

  /** One accepted event; the same request id on every attempt, as in Lambda. */
  private static final class QueuedEvent {
    final String requestId;
    final byte[] event;
    final long acceptedNanos;
    volatile int attempts;
    volatile InvocationResult last;

    QueuedEvent(String requestId, byte[] event, long acceptedNanos) {
      this.requestId = requestId;
      this.event = event;
      this.acceptedNanos = acceptedNanos;
    }
  }

  /** One function's events: ready to run, or waiting for a retry. */
  private static final class FunctionQueue {
    final String functionId;
    volatile String functionArn; // these two change when the template changes the function
    volatile EventInvokeConfig config;
    final ConcurrentLinkedDeque<QueuedEvent> ready = new ConcurrentLinkedDeque<>();
    final Map<QueuedEvent, ScheduledFuture<?>> delayed = new LinkedHashMap<>(); // guarded by this
    int size; // accepted and not finished; guarded by the outer counts lock

    FunctionQueue(FunctionSettings function) {
      this.functionId = function.id();
      configure(function);
    }

    void configure(FunctionSettings function) {
      functionArn = function.arn() + ":$LATEST";
      config = function.definition().eventInvokeConfig();
    }

    boolean tooOld(QueuedEvent event) {
      return System.nanoTime() - event.acceptedNanos
          > TimeUnit.SECONDS.toNanos(config.maximumEventAgeSeconds());
    }
  }
}
