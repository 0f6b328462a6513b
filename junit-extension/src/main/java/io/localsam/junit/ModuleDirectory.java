package io.localsam.junit;

import java.nio.file.Path;

/** Where relative paths in {@code @LocalApi} and the builder start: the module being tested. */
final class ModuleDirectory {

  private ModuleDirectory() {}

  /**
   * Surefire sets {@code basedir} to the module; IDEs usually run from it, so fall back to the
   * working directory.
   */
  static Path get() {
    String basedir = System.getProperty("basedir");
    String dir = basedir == null || basedir.isBlank() ? System.getProperty("user.dir") : basedir;
    return Path.of(dir).toAbsolutePath().normalize();
  }

  static Path resolve(String path) {
    return get().resolve(path).normalize();
  }
}
