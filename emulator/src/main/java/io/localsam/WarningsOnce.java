package io.localsam;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Passes every line on, except a {@code Warning: } line given before: a reloaded template does not
 * repeat them.
 */
final class WarningsOnce implements Consumer<String> {
  private final Consumer<String> log;
  private final Set<String> given = ConcurrentHashMap.newKeySet();

  WarningsOnce(Consumer<String> log) {
    this.log = log;
  }

  @Override
  public void accept(String line) {
    if (!line.startsWith("Warning: ") || given.add(line)) {
      log.accept(line);
    }
  }
}
