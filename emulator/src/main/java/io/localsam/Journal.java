package io.localsam;

import io.localsam.gateway.ExchangeListener;
import io.localsam.gateway.GatewayExchange;
import io.localsam.runtime.AsyncOutcome;
import io.localsam.runtime.InvocationListener;
import io.localsam.runtime.InvocationResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The invocation journal: every finished invocation (with its log lines, and the HTTP request that
 * led to it) and every accepted asynchronous one's outcome, the newest {@value #LIMIT} of each. It
 * exists before the server opens, so a request that arrives at once is recorded. {@link
 * Emulator#invocations()} and the admin API both read it.
 */
final class Journal implements InvocationListener, ExchangeListener {
  /** How many entries of each kind are kept; the oldest go first. */
  static final int LIMIT = 1000;

  // Kept as received; turned into text only when asked for, off the request path.
  private final ArrayDeque<Recorded> invocations = new ArrayDeque<>();
  private final ArrayDeque<AsyncOutcome> asyncOutcomes = new ArrayDeque<>();
  private final List<Consumer<? super Invocation>> watchers = new CopyOnWriteArrayList<>();
  private long lastId;

  /** One invocation as recorded; the gateway's exchange joins it when the answer is sent. */
  private static final class Recorded {
    final long id;
    final String functionId;
    final byte[] event;
    final InvocationResult result;
    final List<String> logs;
    final Instant startedAt;
    volatile GatewayExchange exchange;

    Recorded(
        long id,
        String functionId,
        byte[] event,
        InvocationResult result,
        List<String> logs,
        Instant finishedAt) {
      this.id = id;
      this.functionId = functionId;
      this.event = event;
      this.result = result;
      this.logs = logs;
      Duration init = result.initDuration() == null ? Duration.ZERO : result.initDuration();
      this.startedAt = finishedAt.minus(result.duration()).minus(init);
    }

    Invocation invocation() {
      return new Invocation(
          functionId,
          result.requestId(),
          text(event),
          text(result.payload()),
          result.errorType(),
          result.duration(),
          id,
          startedAt,
          result.initDuration(),
          logs,
          exchange,
          result.fault());
    }
  }

  @Override
  public void invoked(String functionId, byte[] event, InvocationResult result) {
    invoked(functionId, event, result, List.of());
  }

  @Override
  public void invoked(String functionId, byte[] event, InvocationResult result, List<String> logs) {
    Recorded recorded;
    synchronized (invocations) {
      recorded = new Recorded(++lastId, functionId, event, result, logs, Instant.now());
      if (invocations.size() == LIMIT) {
        invocations.removeFirst();
      }
      invocations.addLast(recorded);
    }
    tell(recorded);
  }

  /**
   * The gateway answered a request whose function ran: the request joins that invocation's entry.
   */
  @Override
  public void answered(GatewayExchange exchange) {
    Recorded recorded =
        exchange.functionRequestId() == null
            ? null
            : find(r -> r.result.requestId().equals(exchange.functionRequestId()));
    if (recorded != null) {
      recorded.exchange = exchange;
      tell(recorded);
    }
  }

  @Override
  public void asyncFinished(AsyncOutcome outcome) {
    synchronized (asyncOutcomes) {
      if (asyncOutcomes.size() == LIMIT) {
        asyncOutcomes.removeFirst();
      }
      asyncOutcomes.addLast(outcome);
    }
  }

  /**
   * Calls {@code watcher} with each invocation recorded, and again when its HTTP request joins it;
   * until unwatched.
   */
  void watch(Consumer<? super Invocation> watcher) {
    watchers.add(watcher);
  }

  void unwatch(Consumer<? super Invocation> watcher) {
    watchers.remove(watcher);
  }

  private void tell(Recorded recorded) {
    if (watchers.isEmpty()) {
      return; // the usual case: nobody watches, nothing is turned into text
    }
    Invocation invocation = recorded.invocation();
    watchers.forEach(watcher -> watcher.accept(invocation));
  }

  private Recorded find(Predicate<Recorded> test) {
    synchronized (invocations) {
      for (Iterator<Recorded> newest = invocations.descendingIterator(); newest.hasNext(); ) {
        Recorded recorded = newest.next();
        if (test.test(recorded)) {
          return recorded;
        }
      }
    }
    return null;
  }

  /** The entry numbered {@code id}, or null when there is none (any more). */
  Invocation invocation(long id) {
    Recorded recorded = find(r -> r.id == id);
    return recorded == null ? null : recorded.invocation();
  }

  /** The newest entry of the Lambda request {@code requestId}, or null. */
  Invocation byRequestId(String requestId) {
    Recorded recorded = find(r -> r.result.requestId().equals(requestId));
    return recorded == null ? null : recorded.invocation();
  }

  /** The entry of the HTTP request API Gateway numbered {@code gatewayRequestId}, or null. */
  Invocation byGatewayRequestId(String gatewayRequestId) {
    Recorded recorded =
        find(r -> r.exchange != null && r.exchange.gatewayRequestId().equals(gatewayRequestId));
    return recorded == null ? null : recorded.invocation();
  }

  List<Invocation> invocations() {
    List<Recorded> recorded;
    synchronized (invocations) {
      recorded = List.copyOf(invocations);
    }
    return recorded.stream().map(Recorded::invocation).toList();
  }

  List<AsyncInvocation> asyncInvocations() {
    List<AsyncOutcome> outcomes;
    synchronized (asyncOutcomes) {
      outcomes = List.copyOf(asyncOutcomes);
    }
    return outcomes.stream()
        .map(
            o ->
                new AsyncInvocation(
                    o.functionId(),
                    o.requestId(),
                    text(o.event()),
                    o.condition(),
                    o.attempts(),
                    o.last() == null ? null : text(o.last().payload()),
                    o.last() == null ? null : o.last().errorType()))
        .toList();
  }

  /** Forgets every entry; numbering goes on, so an id never names two invocations. */
  void clear() {
    synchronized (invocations) {
      invocations.clear();
    }
    synchronized (asyncOutcomes) {
      asyncOutcomes.clear();
    }
  }

  /**
   * An invocation the journal did not record (it was evicted at once): numbered 0, without a
   * request.
   */
  static Invocation invocation(String functionId, byte[] event, InvocationResult result) {
    return new Recorded(0, functionId, event, result, List.of(), Instant.now()).invocation();
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
