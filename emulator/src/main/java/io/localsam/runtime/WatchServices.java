package io.localsam.runtime;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.WatchService;

/** The file-event service {@link CodeWatcher} and {@link TemplateWatcher} share the handling of. */
final class WatchServices {
  private WatchServices() {}

  /**
   * A new watch service, or null where the file system gives no events (the watchers then poll
   * alone).
   */
  static WatchService openOrNull() {
    try {
      return FileSystems.getDefault().newWatchService();
    } catch (IOException | UnsupportedOperationException e) {
      return null; // also the system's limit on watch services: polling alone
    }
  }

  static void close(WatchService events) {
    if (events != null) {
      try {
        events.close();
      } catch (IOException ignored) {
        // nothing to do: it is being thrown away
      }
    }
  }
}
