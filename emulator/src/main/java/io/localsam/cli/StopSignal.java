package io.localsam.cli;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;

/**
 * Ctrl-C (SIGINT) and SIGTERM for the serving commands. The first asks for a clean stop: the
 * command stops taking requests, lets those in flight finish (up to {@link #GRACE}) and exits 0. A
 * second one stops at once. Handling the signals, rather than a shutdown hook, is what lets the
 * exit code be 0.
 */
final class StopSignal {
  /**
   * How long a clean stop waits for requests in flight: API Gateway's longest integration timeout.
   */
  static final Duration GRACE = Duration.ofSeconds(30);

  private final CountDownLatch requested = new CountDownLatch(1);
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final AtomicInteger received = new AtomicInteger();

  private StopSignal() {}

  static StopSignal install() {
    StopSignal stop = new StopSignal();
    try {
      for (String name : List.of("INT", "TERM")) {
        Signal.handle(new Signal(name), signal -> stop.received(128 + signal.getNumber()));
      }
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      // signals not available (e.g. the JVM runs with -Xrs): stop from a shutdown hook, exit code
      // as the JVM sets it
      Runtime.getRuntime().addShutdownHook(new Thread(stop::stopFromShutdownHook, "localsam-stop"));
    }
    return stop;
  }

  private void received(int exitCode) {
    if (received.incrementAndGet() > 1) {
      Runtime.getRuntime().halt(exitCode); // asked twice: do not wait any longer
    }
    requested.countDown();
  }

  private void stopFromShutdownHook() {
    requested.countDown();
    try {
      stopped.await(GRACE.toSeconds() + 5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Blocks until a stop is asked for. */
  void await() {
    try {
      requested.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Tells a waiting shutdown hook that the command has finished stopping. */
  void stopped() {
    stopped.countDown();
  }
}
