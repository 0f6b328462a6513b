package io.localsam.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Finding the build tool a module is built with: its project's wrapper when it has one, else the
 * one on the PATH.
 */
final class BuildTools {
  private BuildTools() {}

  /**
   * The nearest executable {@code wrapper} (Windows: {@code windowsWrapper}) in the module's folder
   * or above it, else {@code tool} (Windows: {@code windowsTool}) for the PATH to find.
   */
  static String executable(
      Path module, String wrapper, String windowsWrapper, String tool, String windowsTool) {
    boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
    for (Path dir = module.toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(windows ? windowsWrapper : wrapper);
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    return windows ? windowsTool : tool;
  }
}
