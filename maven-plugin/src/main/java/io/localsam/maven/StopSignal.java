package io.localsam.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) and SIGTERM while a serving goal runs: the first ends the goal cleanly (the
 * server drains, Maven reports success), a second stops the JVM at once. Maven's own handlers are
 * put back when the goal ends.
 */
final class StopSignal implements AutoCloseable {
  private final CountDownLatch requested = new CountDownLatch(1);
  private final List<Signal> signals = new ArrayList<>();
  private final List<SignalHandler> previous = new ArrayList<>();

  static StopSignal install() {
    StopSignal stop = new StopSignal();
    for (String name : List.of("INT", "TERM")) {
      try {
        Signal signal = new Signal(name);
        stop.previous.add(Signal.handle(signal, s -> stop.received(128 + s.getNumber())));
        stop.signals.add(signal);
      } catch (IllegalArgumentException | UnsupportedOperationException e) {
        // not available here (e.g. -Xrs): the JVM's default, ending the process, applies
      }
    }
    return stop;
  }

  private void received(int exitCode) {
    if (requested.getCount() == 0) {
      Runtime.getRuntime().halt(exitCode);
    }
    requested.countDown();
  }

  void await() throws InterruptedException {
    requested.await();
  }

  @Override
  public void close() {
    for (int i = 0; i < signals.size(); i++) {
      Signal.handle(signals.get(i), previous.get(i));
    }
  }
}
