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
 * routes} on the sample's template, with {@code java -jar} and with the {@code localsam} launcher,
 * run in turns so a busy moment slows all alike. What a developer waits for before anything serves.
 */
final class CliStartup {
  private CliStartup() {}

  /** Each command's wall-clock times in milliseconds, keyed by the command as typed. */
  static Map<String, List<Double>> measure(
      Path javaBin, List<String> jvmOptions, Path jar, Path template, int times)
      throws IOException, InterruptedException {
    return measure(javaBin, jvmOptions, jar, null, template, times);
  }

  /**
   * As above, and the same commands through the {@code localsam} launcher (null: not measured),
   * whose archives the unmeasured first turn makes in {@link Launcher#archives}.
   */
  static Map<String, List<Double>> measure(
      Path javaBin, List<String> jvmOptions, Path jar, Launcher launcher, Path template, int times)
      throws IOException, InterruptedException {
    List<List<String>> arguments =
        List.of(List.of("-V"), List.of("--help"), List.of("routes", template.toString()));
    Map<String, List<String>> commands = new LinkedHashMap<>();
    for (List<String> args : arguments) {
      List<String> line = new ArrayList<>(List.of(javaBin.toString()));
      line.addAll(jvmOptions);
      line.addAll(List.of("-jar", jar.toString()));
      line.addAll(args);
      commands.put("java -jar emulator.jar " + shown(args), line);
    }
    if (launcher != null) {
      for (List<String> args : arguments) {
        List<String> line = new ArrayList<>(List.of(launcher.script().toString()));
        line.addAll(args);
        commands.put("localsam " + shown(args), line);
      }
    }
    Map<String, List<Double>> millis = new LinkedHashMap<>();
    commands.keySet().forEach(name -> millis.put(name, new ArrayList<>()));
    for (int i = 0; i <= times; i++) {
      for (Map.Entry<String, List<String>> command : commands.entrySet()) {
        ProcessBuilder builder =
            new ProcessBuilder(command.getValue())
                .redirectErrorStream(true)
                .redirectOutput(new File("/dev/null"));
        if (launcher != null) {
          builder.environment().putAll(launcher.environment());
        }
        long started = System.nanoTime();
        Process process = builder.start();
        int exit = process.waitFor();
        double elapsed = (System.nanoTime() - started) / 1e6;
        if (exit != 0) {
          throw new IllegalStateException(command.getKey() + " exited with " + exit);
        }
        if (i > 0) { // the first turn only warms the OS's file cache
          millis.get(command.getKey()).add(elapsed);
        }
      }
    }
    return millis;
  }

  private static String shown(List<String> args) {
    return args.size() > 1 ? args.get(0) + " template.yaml" : args.get(0);
  }
}
