package io.localsam.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Java heap plus metaspace in use after a full GC, asked of the server with {@code jcmd}: steadier
 * than RSS for what one more idle function costs. NaN when jcmd is not there.
 */
final class HeapInfo {
  private static final Pattern HEAP =
      Pattern.compile("(?:heap|generation)\\s+total \\d+K, used (\\d+)K");
  private static final Pattern METASPACE = Pattern.compile("Metaspace\\s+used (\\d+)K");

  private HeapInfo() {}

  static double usedAfterGcKb(long pid) throws InterruptedException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    if (!Files.isExecutable(jcmd)) {
      return Double.NaN;
    }
    try {
      run(jcmd, pid, "GC.run");
      String info = run(jcmd, pid, "GC.heap_info");
      long used = 0;
      for (Matcher m = HEAP.matcher(info); m.find(); ) {
        used += Long.parseLong(m.group(1));
      }
      Matcher metaspace = METASPACE.matcher(info);
      if (metaspace.find()) {
        used += Long.parseLong(metaspace.group(1));
      }
      return used == 0 ? Double.NaN : used;
    } catch (IOException e) {
      return Double.NaN;
    }
  }

  private static String run(Path jcmd, long pid, String command)
      throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(jcmd.toString(), Long.toString(pid), command)
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    return output;
  }
}
