package io.localsam.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Sends keep-alive GETs from a fixed number of connections for a fixed time, as wrk does. */
interface LoadGenerator {
  LoadResult run(int port, String path, int seconds) throws Exception;

  String describe();

  /** wrk when it is installed (or asked for), else the Java generator. */
  static LoadGenerator choose(BenchOptions options) {
    boolean wrk =
        switch (options.loadGenerator()) {
          case "wrk" -> true;
          case "java" -> false;
          default -> onPath("wrk");
        };
    return wrk
        ? new WrkLoad(options.threads(), options.connections())
        : new JavaLoad(options.connections());
  }

  private static boolean onPath(String command) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }
}
