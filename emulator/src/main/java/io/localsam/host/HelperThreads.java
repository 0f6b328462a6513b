package io.localsam.host;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * LocalSAM's own background threads. A new thread joins the group of the thread that creates it,
 * and LocalSAM may start one while a function's thread runs (a discard after a timeout, a reload):
 * these are created in a group of their own under the JVM's root group, so none is ever taken for,
 * or ended with, an execution environment's threads.
 */
public final class HelperThreads {
  private static final ThreadGroup GROUP = new ThreadGroup(root(), "localsam");

  /**
   * Runs the delayed ends of discarded environments; its one thread exists only while there is
   * work.
   */
  private static final ScheduledThreadPoolExecutor LATER = later();

  private HelperThreads() {}

  public static Thread daemon(Runnable task, String name) {
    Thread thread = new Thread(GROUP, task, name);
    thread.setDaemon(true);
    return thread;
  }

  /**
   * The group of LocalSAM's own threads, for a library that starts threads of its own for LocalSAM.
   */
  public static ThreadGroup group() {
    return GROUP;
  }

  public static void schedule(Runnable task, long delayMillis) {
    LATER.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
  }

  private static ScheduledThreadPoolExecutor later() {
    ScheduledThreadPoolExecutor executor =
        new ScheduledThreadPoolExecutor(1, task -> daemon(task, "localsam-discards"));
    executor.setKeepAliveTime(5, TimeUnit.SECONDS);
    executor.allowCoreThreadTimeOut(true);
    return executor;
  }

  private static ThreadGroup root() {
    ThreadGroup group = Thread.currentThread().getThreadGroup();
    while (group.getParent() != null) {
      group = group.getParent();
    }
    return group;
  }
}
