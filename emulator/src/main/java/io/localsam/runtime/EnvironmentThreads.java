package io.localsam.runtime;

import java.lang.Thread.UncaughtExceptionHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The threads of one execution environment: its runtime thread and every thread the function
 * starts, which join its thread group as threads do. Not every thread of the group is the
 * environment's, though: the JDK starts some shared threads lazily on whatever thread first needs
 * them, and those land in the group of the function that happened to run; they serve every function
 * afterwards, so they are never interrupted or stopped here.
 */
final class EnvironmentThreads {
  /**
   * How long threads of a discarded environment have to end on their interrupt before they are
   * stopped.
   */
  static final long GRACE_MILLIS = 2_000;

  private final ThreadGroup group;

  /**
   * {@code handler}: the default uncaught-exception handler the function set for its own threads,
   * if any.
   */
  EnvironmentThreads(String name, AtomicReference<UncaughtExceptionHandler> handler) {
    this.group = new Group(name, handler);
  }

  /**
   * Sends its threads' uncaught exceptions to the function's own default handler, where it set one.
   */
  private static final class Group extends ThreadGroup {
    private final AtomicReference<UncaughtExceptionHandler> handler;

    Group(String name, AtomicReference<UncaughtExceptionHandler> handler) {
      super(name);
      this.handler = handler;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable thrown) {
      UncaughtExceptionHandler own = handler.get();
      if (own != null && !sharedByTheJdk(thread)) {
        own.uncaughtException(thread, thrown);
      } else {
        super.uncaughtException(thread, thrown);
      }
    }
  }

  Thread newThread(Runnable task, String name) {
    return new Thread(group, task, name);
  }

  /**
   * True for the JDK's shared threads: common-pool workers (parallel streams, {@code
   * CompletableFuture}'s async methods when the pool is parallel) and {@code CompletableFuture}'s
   * delay scheduler. Threads the JDK starts for one object the function made ({@code Timer}, an
   * executor, an {@code HttpClient}) or one per task ({@code CompletableFuture} on a one-core pool)
   * are the function's own.
   */
  static boolean sharedByTheJdk(Thread thread) {
    return thread instanceof ForkJoinWorkerThread worker
            && worker.getPool() == ForkJoinPool.commonPool()
        || thread.getName().equals("CompletableFutureDelayScheduler");
  }

  /**
   * Starts {@code CompletableFuture}'s delay scheduler now, on LocalSAM's thread. Started by a
   * function ({@code orTimeout}, {@code delayedExecutor}), the JVM's one such thread would keep
   * that function's class loader (its context class loader) for good, and every function's delayed
   * work would run on a thread of that function's group.
   */
  static void startSharedDelayScheduler() {
    if (DELAY_SCHEDULER_STARTED.compareAndSet(false, true)) {
      CompletableFuture.delayedExecutor(0, TimeUnit.MILLISECONDS, Runnable::run).execute(() -> {});
    }
  }

  private static final AtomicBoolean DELAY_SCHEDULER_STARTED = new AtomicBoolean();

  /** The environment's own live threads, but for the calling one. */
  List<Thread> own() {
    Thread[] found = new Thread[group.activeCount() + 8];
    int count = group.enumerate(found, true);
    List<Thread> own = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Thread thread = found[i];
      if (thread != Thread.currentThread() && thread.isAlive() && !sharedByTheJdk(thread)) {
        own.add(thread);
      }
    }
    return own;
  }

  /**
   * Asks every own thread but the {@code spared} ones to stop, as the end of an environment does.
   */
  void interrupt(Predicate<Thread> spared) {
    own().stream().filter(spared.negate()).forEach(Thread::interrupt);
  }

  /**
   * Ends own threads that ignored the interrupt (a busy loop, a swallowed {@code
   * InterruptedException}): Lambda destroys such an environment whole. {@code Thread.stop} is the
   * only way in a shared JVM; it exists up to Java 19. On newer JVMs the threads keep running, and
   * with them the environment's class loader stays in memory: that is reported once, naming the
   * loader.
   */
  void stopStragglers(ClassLoader loader, Predicate<Thread> spared, Consumer<String> report) {
    List<String> unstoppable = new ArrayList<>();
    for (Thread straggler : own()) {
      if (spared.test(straggler)) {
        continue; // the runtime thread outside the handler: LocalSAM's own work, which ends by
        // itself
      }
      try {
        Thread.class.getMethod("stop").invoke(straggler);
      } catch (ReflectiveOperationException | UnsupportedOperationException e) {
        unstoppable.add(straggler.getName());
      }
    }
    if (!unstoppable.isEmpty()) {
      report.accept(
          unstoppable.size()
              + " thread(s) of a discarded environment "
              + unstoppable
              + " ignore interrupts and cannot be stopped on Java "
              + Runtime.version().feature()
              + "; they keep running until LocalSAM exits, and class loader "
              + loader
              + " with all it loaded stays in memory (leaked)");
    }
  }
}
