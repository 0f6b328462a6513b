package io.localsam.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** One line about the machine the numbers came from: they mean little without it. */
final class Machine {
  private Machine() {}

  static String describe() {
    String cpu = firstValue(Path.of("/proc/cpuinfo"), "model name");
    String memory = firstValue(Path.of("/proc/meminfo"), "MemTotal");
    long gib =
        memory == null
            ? 0
            : Math.round(Long.parseLong(memory.replaceAll("\\D", "")) / 1024.0 / 1024.0);
    return Runtime.getRuntime().availableProcessors()
        + " cores"
        + (cpu == null ? "" : " (" + cpu + ")")
        + (gib > 0 ? ", " + gib + " GiB" : "")
        + ", "
        + System.getProperty("os.name")
        + " "
        + System.getProperty("os.version")
        + ", Java "
        + Runtime.version()
        + " ("
        + System.getProperty("java.vm.name")
        + ")";
  }

  /** The 1-minute load average: above the core count, others were using the machine. */
  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "n/a";
    }
  }

  private static String firstValue(Path file, String key) {
    try {
      List<String> lines = Files.readAllLines(file);
      for (String line : lines) {
        if (line.startsWith(key)) {
          return line.substring(line.indexOf(':') + 1).strip().replaceAll("\\s+", " ");
        }
      }
    } catch (IOException e) {
      // not Linux: leave it out
    }
    return null;
  }
}
