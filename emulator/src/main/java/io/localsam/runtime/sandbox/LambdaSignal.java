package io.localsam.runtime.sandbox;

import java.util.Set;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * What a function's {@code sun.misc.Signal.handle} calls are rewritten to. Signals reach the
 * process, so they belong to LocalSAM: a function's handler for INT, TERM or HUP would take Ctrl-C
 * and shutdown away from it and is not installed; a handler for another signal is, for every
 * function, and reported.
 */
public final class LambdaSignal {
  private static final Set<String> EMULATORS = Set.of("INT", "TERM", "HUP");

  private LambdaSignal() {}

  public static SignalHandler handle(Signal signal, SignalHandler handler) {
    if (EMULATORS.contains(signal.getName())) {
      LambdaSystem.notice(
          "handles SIG"
              + signal.getName()
              + ": LocalSAM needs that signal to stop, so the handler is not"
              + " installed");
      return SignalHandler.SIG_DFL;
    }
    LambdaSystem.notice(
        "handles SIG"
            + signal.getName()
            + ": signals reach LocalSAM's whole process, so the handler"
            + " is installed for every function");
    return Signal.handle(signal, handler);
  }
}
