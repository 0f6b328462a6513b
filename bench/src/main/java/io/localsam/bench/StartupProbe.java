package io.localsam.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Starts LocalSAM on a template a few times and prints the time to the first 200 and of the first
 * request, for looking into start-up without the whole bench.
 *
 * <p>{@code java -cp bench/target/classes io.localsam.bench.StartupProbe EMULATOR_JAR TEMPLATE PATH
 * [TIMES] [JVM flags...]}; in place of the jar, the {@code localsam} launcher (its class data
 * sharing archive made by the first start).
 */
public final class StartupProbe {
  private StartupProbe() {}

  public static void main(String[] args) throws Exception {
    int times = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    Path log = Path.of(System.getProperty("java.io.tmpdir"), "localsam-startup-probe.log");
    for (int i = 0; i < times; i++) {
      int port = ServerProcess.freePort();
      List<String> command = new ArrayList<>();
      if (args[0].endsWith(".jar")) {
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(args.length > 4 ? List.of(args).subList(4, args.length) : List.of());
        command.addAll(List.of("-jar", args[0]));
      } else {
        command.add(args[0]); // the localsam launcher beside the jar
      }
      command.addAll(List.of(args[1], "-p", Integer.toString(port)));
      try (ServerProcess server = ServerProcess.launch("LocalSAM", command, log, port)) {
        ServerProcess.Startup startup = server.awaitFirst200(args[2]);
        System.out.printf(
            Locale.ROOT,
            "first 200 after %s, first request %s%n",
            Stats.millis(startup.toFirst200Millis()),
            Stats.millis(startup.firstRequestMillis()));
      }
    }
  }
}
