package io.localsam.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How long the quick commands take, from launch to exit: {@code -V}, {@code --help} and {@code
 * routes} on the sample's template, run in turns so a busy moment slows all alike. What a developer
 * waits for before anything serves.
 */
final class CliStartup {
  private CliStartup() {}

  /** Each command's wall-clock times in milliseconds, keyed by the command as typed. */
  static Map<String, List<Double>> measure(
      Path javaBin, List<String> jvmOptions, Path jar, Path template, int times)
      throws IOException, InterruptedException {
    Map<String, List<String>> commands = new LinkedHashMap<>();
    commands.put("-V", List.of("-V"));
    commands.put("--help", List.of("--help"));
    commands.put("routes template.yaml", List.of("routes", template.toString()));
    Map<String, List<Double>> millis = new LinkedHashMap<>();
    commands.keySet().forEach(name -> millis.put(name, new ArrayList<>()));
    for (int i = 0; i <= times; i++) {
      for (Map.Entry<String, List<String>> command : commands.entrySet()) {
        List<String> line = new ArrayList<>(List.of(javaBin.toString()));
        line.addAll(jvmOptions);
        line.addAll(List.of("-jar", jar.toString()));
        line.addAll(command.getValue());
        long started = System.nanoTime();
        Process process =
            new ProcessBuilder(line)
                .redirectErrorStream(true)
                .redirectOutput(new File("/dev/null"))
                .start();
        int exit = process.waitFor();
        double elapsed = (System.nanoTime() - started) / 1e6;
        if (exit != 0) {
          throw new IllegalStateException(
              "java -jar emulator.jar " + command.getKey() + " exited with " + exit);
        }
        if (i > 0) { // the first turn only warms the OS's file cache
          millis.get(command.getKey()).add(elapsed);
        }
      }
    }
    return millis;
  }
}
