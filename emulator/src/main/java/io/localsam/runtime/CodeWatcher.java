package io.localsam.runtime;

import io.localsam.host.HelperThreads;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Notices rebuilt code (hot reload), on a thread of its own, off the request path. Every function's
 * code is fingerprinted as soon as it is mounted, so a build between start-up and the first request
 * counts as a change too. File events (a {@link WatchService} on the class folders, the folders of
 * the jars and of {@code pom.xml}) reload a function once its files have been quiet for {@link
 * #QUIET_MILLIS}: a build writes over a while, and half-written code is not loaded. Polling every
 * function's fingerprint stays as the fallback for what events miss: every {@link #POLL_MILLIS} ms,
 * or every second where the file system gives no events; a change seen that way is reloaded once it
 * held still from one poll to the next. Idle, the thread sleeps in the watch service but for those
 * polls.
 */
final class CodeWatcher implements AutoCloseable {
  static final long QUIET_MILLIS = 150;
  static final long POLL_MILLIS = 5_000;
  static final long POLL_WITHOUT_EVENTS_MILLIS = 1_000;

  /** Replaces a function's environments with ones built from its current code. */
  interface Reloader {
    void reload(FunctionPool pool);
  }

  /** One function's code, fingerprinted once per pass however many functions share it. */
  private record Code(List<Path> classpath, Path codeUri) {
    static Code of(FunctionPool pool) {
      FunctionSettings function = pool.function();
      return new Code(function.code().classpath(), function.definition().codeUri());
    }
  }

  private volatile List<FunctionPool> pools; // replaced when the template changes its functions
  private volatile boolean poolsChanged;
  private final Reloader reloader;
  private final Consumer<String> log;
  private final Thread thread;
  private volatile boolean closed;
  // Everything below belongs to the watcher's thread.
  private WatchService events; // null: polling alone
  private final Map<WatchKey, Path> folders = new HashMap<>();
  private final Map<Path, Set<FunctionPool>> watchedBy = new HashMap<>();
  private final Set<Path> recursive =
      new HashSet<>(); // class folders: their new subfolders are watched too
  private final Map<FunctionPool, Long> changedAt =
      new HashMap<>(); // last file event, not yet looked at
  private final Map<FunctionPool, Long> pending =
      new HashMap<>(); // a polled change, until it holds still

  CodeWatcher(List<FunctionPool> pools, Reloader reloader, Consumer<String> log) {
    this.pools = List.copyOf(pools);
    this.reloader = reloader;
    this.log = log;
    this.thread = HelperThreads.daemon(this::run, "localsam-code-watcher");
  }

  void start() {
    thread.start();
  }

  private void run() {
    Map<Code, Long> pass = new HashMap<>();
    for (FunctionPool pool : pools) {
      pool.fingerprinted(fingerprint(pool, pass));
    }
    events = WatchServices.openOrNull();
    pools.forEach(this::watch);
    long pollNanos =
        TimeUnit.MILLISECONDS.toNanos(events != null ? POLL_MILLIS : POLL_WITHOUT_EVENTS_MILLIS);
    long nextPoll = System.nanoTime() + pollNanos;
    try {
      while (!closed) {
        adoptChangedPools();
        long wake = nextPoll;
        for (long changed : changedAt.values()) {
          wake = Math.min(wake, changed + TimeUnit.MILLISECONDS.toNanos(QUIET_MILLIS));
        }
        awaitEvents(Math.max(1, TimeUnit.NANOSECONDS.toMillis(wake - System.nanoTime())));
        reloadQuietChanges();
        if (System.nanoTime() - nextPoll >= 0) {
          poll();
          nextPoll = System.nanoTime() + pollNanos;
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // closed
    } finally {
      WatchServices.close(events);
    }
  }

  /**
   * Watches the functions of a new version of the template from the next pass on; functions it
   * dropped are no longer looked at. New pools come fingerprinted (see {@link
   * FunctionRuntime#apply}).
   */
  void update(List<FunctionPool> current) {
    pools = List.copyOf(current);
    poolsChanged = true;
  }

  private void adoptChangedPools() {
    if (!poolsChanged) {
      return;
    }
    poolsChanged = false;
    List<FunctionPool> current = pools;
    changedAt.keySet().retainAll(current);
    pending.keySet().retainAll(current);
    watchedBy.values().forEach(watchers -> watchers.retainAll(current));
    current.forEach(this::watch);
  }

  /** Waits up to {@code millis} for file events, and notes which functions' code they touched. */
  private void awaitEvents(long millis) throws InterruptedException {
    if (events == null) {
      Thread.sleep(millis);
      return;
    }
    WatchKey key = events.poll(millis, TimeUnit.MILLISECONDS);
    while (key != null) {
      Path folder = folders.get(key);
      Set<FunctionPool> touched =
          folder == null ? Set.of() : watchedBy.getOrDefault(folder, Set.of());
      for (WatchEvent<?> event : key.pollEvents()) {
        if (event.context() instanceof Path name
            && Files.isDirectory(folder.resolve(name))
            && (recursive.contains(folder) || isClassFolder(folder.resolve(name), touched))) {
          watchTree(
              folder.resolve(name), touched); // a new package folder, or a class folder made again
        }
      }
      long now = System.nanoTime();
      for (FunctionPool pool : touched) {
        if (changedAt.put(pool, now) == null && pool.inProcess()) {
          // A build began: the new environment's serializer is loaded while it writes.
          SerializerSpare.prepare(1);
        }
      }
      if (!key.reset()) { // the folder is gone; the poll watches it again once it is back
        folders.remove(key);
        if (folder != null) {
          watchedBy.remove(folder);
          recursive.remove(folder);
        }
      }
      key = events.poll();
    }
  }

  /** Functions whose files were quiet long enough: reloaded at once if their code changed. */
  private void reloadQuietChanges() {
    long now = System.nanoTime();
    Map<Code, Long> pass = new HashMap<>();
    for (Iterator<Map.Entry<FunctionPool, Long>> it = changedAt.entrySet().iterator();
        it.hasNext(); ) {
      Map.Entry<FunctionPool, Long> changed = it.next();
      if (now - changed.getValue() >= TimeUnit.MILLISECONDS.toNanos(QUIET_MILLIS)) {
        it.remove();
        FunctionPool pool = changed.getKey();
        if (pools.contains(pool) && !pool.isFingerprint(fingerprint(pool, pass))) {
          reload(pool);
        }
      }
    }
  }

  /**
   * The fallback: every function's fingerprint; a change is reloaded once it is the same two polls
   * running.
   */
  private void poll() {
    Map<Code, Long> pass = new HashMap<>();
    for (FunctionPool pool : pools) {
      long fingerprint = fingerprint(pool, pass);
      if (pool.isFingerprint(fingerprint)) {
        pending.remove(pool);
        continue;
      }
      watch(pool); // the change may be a folder made since (a first build, a clean one)
      if (Long.valueOf(fingerprint).equals(pending.put(pool, fingerprint))) {
        reload(pool);
      }
    }
  }

  private void reload(FunctionPool pool) {
    pending.remove(pool);
    try {
      reloader.reload(pool);
      watch(pool); // the class path may have changed with the code
    } catch (RuntimeException e) {
      log.accept(pool.function().id() + ": cannot reload its code yet (" + e.getMessage() + ")");
    }
  }

  private static long fingerprint(FunctionPool pool, Map<Code, Long> pass) {
    return pass.computeIfAbsent(
        Code.of(pool), code -> CodeFingerprint.of(code.classpath(), code.codeUri()));
  }

  /**
   * Watches the function's class folders (whole trees, and the folder holding each, which sees it
   * deleted and made again by a clean build), its jars' folders and its module folder (pom.xml).
   */
  private void watch(FunctionPool pool) {
    if (events == null) {
      return;
    }
    Code code = Code.of(pool);
    for (Path entry : code.classpath()) {
      if (Files.isDirectory(entry)) {
        watchTree(entry, Set.of(pool));
      }
      if (entry.getParent() != null) {
        watchFolder(entry.getParent(), Set.of(pool));
      }
    }
    if (code.codeUri() != null && Files.isDirectory(code.codeUri())) {
      watchFolder(code.codeUri(), Set.of(pool));
    }
  }

  private static boolean isClassFolder(Path folder, Set<FunctionPool> pools) {
    return pools.stream().anyMatch(pool -> Code.of(pool).classpath().contains(folder));
  }

  private void watchTree(Path root, Set<FunctionPool> pool) {
    try (Stream<Path> tree = Files.walk(root)) {
      tree.filter(Files::isDirectory)
          .forEach(
              folder -> {
                if (watchFolder(folder, pool)) {
                  recursive.add(folder);
                }
              });
    } catch (IOException | RuntimeException e) {
      // being rewritten right now: the poll looks again
    }
  }

  private boolean watchFolder(Path folder, Set<FunctionPool> pool) {
    Set<FunctionPool> watchers = watchedBy.get(folder);
    if (watchers != null) {
      watchers.addAll(pool);
      return true;
    }
    try {
      WatchKey key =
          folder.register(
              events,
              StandardWatchEventKinds.ENTRY_CREATE,
              StandardWatchEventKinds.ENTRY_MODIFY,
              StandardWatchEventKinds.ENTRY_DELETE);
      folders.put(key, folder);
      watchedBy.put(folder, new HashSet<>(pool));
      return true;
    } catch (IOException | RuntimeException e) {
      return false; // gone, or the system's watch limit: the poll covers it
    }
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
  }
}
