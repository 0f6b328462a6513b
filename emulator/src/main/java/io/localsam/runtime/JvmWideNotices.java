package io.localsam.runtime;

import io.localsam.template.FunctionDef;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Reports what a function does that one shared JVM cannot keep to its own environment (a security
 * provider, a URL handler factory, a signal handler, /proc/self/environ, ...): once per function
 * and kind, however many environments it has, with the way to get Lambda's behaviour.
 */
final class JvmWideNotices {
  private static final Map<FunctionDef, Set<String>> REPORTED =
      Collections.synchronizedMap(new WeakHashMap<>());

  private JvmWideNotices() {}

  /**
   * Where the sandbox of one of the function's environments reports to; {@code log} is the
   * function's log.
   */
  static Consumer<String> of(FunctionDef function, Consumer<String> log) {
    Set<String> reported = REPORTED.computeIfAbsent(function, f -> ConcurrentHashMap.newKeySet());
    return what -> {
      if (reported.add(what)) {
        log.accept(
            "Warning: "
                + function.name()
                + " "
                + what
                + ". In Lambda that stays in its own JVM; to have"
                + " that here, run it with `--isolation process`.");
      }
    };
  }
}
