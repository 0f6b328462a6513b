package io.localsam.runtime.process;

import io.localsam.host.HelperThreads;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The one thread that reads every child's output while no invocation is collecting it: a function's
 * background threads, a long invocation's lines as they come, and enough that a full pipe never
 * stalls a child. Java cannot wait on many pipes at once, and a thread blocked reading a pipe would
 * hold it so that an invocation could not take what was written before its answer; so this one
 * looks, reads what is there, and looks again at once while output flows, or after a pause that
 * grows to {@value #MAX_PAUSE_MILLIS} ms while none does. It exists while some child does.
 */
final class OutputPoller {
  private static final long MIN_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
  static final long MAX_PAUSE_MILLIS = 50;

  private static final Set<Watched> watched = ConcurrentHashMap.newKeySet();
  private static Thread thread; // guarded by the class

  /** One child's pipes and whether the child has ended. */
  record Watched(Process process, List<ChildOutput> outputs) {}

  private OutputPoller() {}

  static synchronized void watch(Watched child) {
    watched.add(child);
    if (thread == null) {
      thread = HelperThreads.daemon(OutputPoller::run, "localsam-child-output");
      thread.start();
    }
  }

  private static void run() {
    long pause = MIN_PAUSE_NANOS;
    while (!lastEnded()) {
      boolean read = false;
      for (Watched child : watched) {
        boolean processEnded = !child.process().isAlive();
        boolean done = true;
        for (ChildOutput output : child.outputs()) {
          read |= output.pull(processEnded);
          done &= output.ended();
        }
        if (done) {
          watched.remove(child);
        }
      }
      if (read) {
        pause = MIN_PAUSE_NANOS;
      } else {
        LockSupport.parkNanos(pause);
        pause = Math.min(pause * 2, TimeUnit.MILLISECONDS.toNanos(MAX_PAUSE_MILLIS));
      }
    }
  }

  /** True, and the thread forgotten, when no child is left to watch. */
  private static synchronized boolean lastEnded() {
    if (watched.isEmpty()) {
      thread = null;
      return true;
    }
    return false;
  }
}
