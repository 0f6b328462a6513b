package io.localsam.runtime;

import io.localsam.host.HelperThreads;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.zip.CRC32;

/**
 * Notices edits to the template's files (the template, its nested stacks and included files, the
 * env vars file) the way {@link CodeWatcher} notices rebuilt code: file events on the folders that
 * hold them, acted on once the files have been quiet for {@link CodeWatcher#QUIET_MILLIS} (an
 * editor writes over a while), and a poll of their content every {@link CodeWatcher#POLL_MILLIS} ms
 * for what events miss (every second where the file system gives none), a change seen that way
 * acted on once it held still from one poll to the next. A change is a change of content: saving
 * the same text again is not one.
 *
 * <p>{@code onChange} runs on the watcher's own thread, one change at a time.
 */
public final class TemplateWatcher implements AutoCloseable {
  private volatile Runnable onChange = () -> {};
  private final Consumer<String> log;
  private final Thread thread;
  private volatile Set<Path> files;
  private volatile boolean filesChanged;
  private volatile boolean closed;
  // Everything below belongs to the watcher's thread (set up by start(), before the thread starts).
  private WatchService events; // null: polling alone
  private final Map<WatchKey, Path> folders = new HashMap<>();
  private long fingerprint;
  private long changedAt = -1; // last file event not yet looked at, in nanos; -1 for none
  private Long pending; // a polled change, until it holds still

  /** The name of the thread that watches {@code template}'s files. */
  public static String threadName(Path template) {
    return "localsam-template-watcher " + template;
  }

  /**
   * Takes the state of {@code files} (those {@code template} was just read from) now, so an edit
   * made while the rest of LocalSAM starts is a change too; {@link #start} begins watching.
   */
  public TemplateWatcher(Path template, Set<Path> files, Consumer<String> log) {
    this.files = Set.copyOf(files);
    this.log = log;
    this.fingerprint = fingerprint(this.files); // as loaded: an edit from now on is a change
    this.thread = HelperThreads.daemon(this::run, threadName(template));
  }

  /**
   * Registers for file events now, so an edit made as soon as this returns is seen, then watches on
   * a thread of its own, running {@code onChange} for each change (one made since construction
   * included).
   */
  public void start(Runnable onChange) {
    this.onChange = onChange;
    events = WatchServices.openOrNull();
    registerFolders();
    if (fingerprint(files) != fingerprint) {
      changedAt = System.nanoTime(); // edited while starting: acted on once quiet, as any edit
    }
    thread.start();
  }

  /**
   * Watches {@code next} from the next pass on (a reload may add or drop nested stacks and included
   * files).
   */
  public void watch(Set<Path> next) {
    files = Set.copyOf(next);
    filesChanged = true;
  }

  private void run() {
    long pollNanos =
        TimeUnit.MILLISECONDS.toNanos(
            events != null ? CodeWatcher.POLL_MILLIS : CodeWatcher.POLL_WITHOUT_EVENTS_MILLIS);
    long nextPoll = System.nanoTime() + pollNanos;
    try {
      while (!closed) {
        if (filesChanged) {
          filesChanged = false;
          fingerprint = fingerprint(files);
          registerFolders();
        }
        long wake =
            changedAt < 0
                ? nextPoll
                : Math.min(
                    nextPoll, changedAt + TimeUnit.MILLISECONDS.toNanos(CodeWatcher.QUIET_MILLIS));
        awaitEvents(Math.max(1, TimeUnit.NANOSECONDS.toMillis(wake - System.nanoTime())));
        if (changedAt >= 0
            && System.nanoTime() - changedAt
                >= TimeUnit.MILLISECONDS.toNanos(CodeWatcher.QUIET_MILLIS)) {
          changedAt = -1;
          long current = fingerprint(files);
          if (current != fingerprint) {
            changed(current);
          }
        }
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

  /** The fallback: a change is acted on once it is the same two polls running. */
  private void poll() {
    long current = fingerprint(files);
    if (current == fingerprint) {
      pending = null;
    } else if (Long.valueOf(current).equals(pending)) {
      changed(current);
    } else {
      pending = current;
      registerFolders(); // the change may be a folder made since
    }
  }

  private void changed(long current) {
    fingerprint =
        current; // taken before the files are read again: a later edit is a change once more
    pending = null;
    try {
      onChange.run();
    } catch (RuntimeException e) {
      log.accept(
          "Template not reloaded: "
              + e); // the last good version keeps serving; the next edit tries again
    }
  }

  private void awaitEvents(long millis) throws InterruptedException {
    if (events == null) {
      Thread.sleep(millis);
      return;
    }
    Set<Path> watched = files;
    WatchKey key = events.poll(millis, TimeUnit.MILLISECONDS);
    while (key != null) {
      Path folder = folders.get(key);
      for (WatchEvent<?> event : key.pollEvents()) {
        if (event.kind() == StandardWatchEventKinds.OVERFLOW
            || folder != null
                && event.context() instanceof Path name
                && watched.contains(folder.resolve(name))) {
          changedAt = System.nanoTime();
        }
      }
      if (!key.reset()) {
        folders.remove(key); // the folder is gone; the poll registers it again once it is back
      }
      key = events.poll();
    }
  }

  private void registerFolders() {
    if (events == null) {
      return;
    }
    Set<Path> wanted = new LinkedHashSet<>();
    files.forEach(
        file -> {
          if (file.getParent() != null) {
            wanted.add(file.getParent());
          }
        });
    wanted.removeAll(folders.values());
    for (Path folder : wanted) {
      try {
        folders.put(
            folder.register(
                events,
                StandardWatchEventKinds.ENTRY_CREATE,
                StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE),
            folder);
      } catch (IOException | RuntimeException e) {
        // gone, or the system's watch limit: the poll covers it
      }
    }
  }

  /** The files' contents, summed up; a missing file counts as one state of its own. */
  static long fingerprint(Set<Path> files) {
    long hash = 17;
    for (Path file : files.stream().sorted().toList()) {
      CRC32 crc = new CRC32();
      long size;
      try {
        byte[] bytes = Files.readAllBytes(file);
        crc.update(bytes);
        size = bytes.length;
      } catch (NoSuchFileException e) {
        size = -1;
      } catch (IOException e) {
        size = -2; // being written right now: settles on the next look
      }
      hash = hash * 31 + file.hashCode();
      hash = hash * 31 + size;
      hash = hash * 31 + crc.getValue();
    }
    return hash;
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
  }
}
