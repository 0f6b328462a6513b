package io.localsam.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The bench driver behind {@code bench/run}: the bare-Undertow ceiling, the issue's lean prototype
 * and LocalSAM serving the sample app, started the same way, under the same load, {@code ROUNDS}
 * times each; then start-up and idle memory of generated 1-, 50- and 200-function templates; then
 * JMH for one warm invocation. Prints a Markdown report (also written to {@code
 * bench/target/bench-results.md}).
 *
 * <p>{@code java -cp bench/target/classes:bench/target/lib/* io.localsam.bench.Bench REPO}
 */
public final class Bench {
  static final String CEILING = "bare Undertow, worker thread (ceiling)";
  static final String CEILING_IO = "bare Undertow, I/O thread";
  static final String LEAN = "lean prototype (first issue)";
  static final String LOCALSAM = "LocalSAM, sample app";
  static final String LOCALSAM_PROCESS = "LocalSAM, --isolation process";
  static final String LOCALSAM_LAUNCHER = "LocalSAM, localsam launcher (class data sharing)";
  static final String PEER = "serverless-offline 13, Node hello world";

  private final BenchOptions options;
  private final LoadGenerator load;
  private final Path work;
  private final Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
  private Map<String, String> launcherEnvironment = Map.of();

  /** One server start, its load runs and its memory after them. */
  record ServerRound(
      ServerProcess.Startup startup,
      LoadResult load,
      double rssKb,
      long coldStarts,
      double cpuMicrosPerRequest) {}

  /** One start of a generated template: its first 200, then its memory with one function used. */
  record TemplateRound(ServerProcess.Startup startup, double rssKb, double heapKb) {}

  private Bench(BenchOptions options, Path work) {
    this.options = options;
    this.load = LoadGenerator.choose(options);
    this.work = work;
  }

  public static void main(String[] args) throws Exception {
    BenchOptions options =
        BenchOptions.from(Path.of(args.length > 0 ? args[0] : "."), System.getenv());
    Path work = options.repo().resolve("bench/target/run");
    Files.createDirectories(work);
    String report = new Bench(options, work).run();
    System.out.println(report);
    Path results = options.repo().resolve("bench/target/bench-results.md");
    Files.writeString(results, report);
    System.err.println("Written to " + options.repo().relativize(results));
  }

  private String run() throws Exception {
    long started = System.nanoTime();
    String loadBefore = Machine.loadAverage();
    progress("Machine: " + Machine.describe());
    progress(
        "Load: "
            + load.describe()
            + "; "
            + options.rounds()
            + " rounds of "
            + options.warmupSeconds()
            + " s warm-up + "
            + options.durationSeconds()
            + " s measured; JVM flags: "
            + (options.jvmOptions().isEmpty()
                ? "(defaults)"
                : String.join(" ", options.jvmOptions())));

    progress("CLI: -V, --help, routes (" + options.rounds() * 3 + " times each)");
    Launcher launcher = Launcher.beside(options.emulatorJar(), work);
    if (launcher == null) {
      progress("The localsam launcher is not measured: none beside " + options.emulatorJar());
    }
    Map<String, List<Double>> cli =
        CliStartup.measure(
            javaBin,
            options.jvmOptions(),
            options.emulatorJar(),
            launcher,
            options.sampleTemplate(),
            options.rounds() * 3);
    Map<String, List<String>> commands = new LinkedHashMap<>();
    commands.put(CEILING, ceilingCommand("worker"));
    commands.put(CEILING_IO, ceilingCommand("io"));
    commands.put(LEAN, leanCommand());
    commands.put(LOCALSAM, localSamCommand(options.sampleTemplate()));
    commands.put(LOCALSAM_PROCESS, withIsolation(localSamCommand(options.sampleTemplate())));
    if (launcher != null) {
      commands.put(
          LOCALSAM_LAUNCHER,
          List.of(launcher.script().toString(), options.sampleTemplate().toString(), "-p", "PORT"));
      launcherEnvironment = new HashMap<>(ServerlessOffline.ENVIRONMENT);
      launcherEnvironment.putAll(launcher.environment());
    }
    String peerMissing = ServerlessOffline.missing(options);
    if (peerMissing == null) {
      commands.put(PEER, ServerlessOffline.command(options));
    } else {
      progress("serverless-offline is not measured: " + peerMissing);
    }
    // Unmeasured first starts: LocalSAM resolves and caches the sample's class path, the OS caches
    // the jars.
    for (Map.Entry<String, List<String>> server : commands.entrySet()) {
      measure(server.getKey(), server.getValue(), "/hello", false);
    }

    Map<String, List<ServerRound>> servers = new LinkedHashMap<>();
    commands.keySet().forEach(name -> servers.put(name, new ArrayList<>()));
    for (int round = 1; round <= options.rounds(); round++) {
      progress("Round " + round + "/" + options.rounds());
      for (Map.Entry<String, List<String>> server : commands.entrySet()) {
        servers
            .get(server.getKey())
            .add(measure(server.getKey(), server.getValue(), "/hello", true));
      }
    }

    Map<Integer, List<TemplateRound>> templates = new LinkedHashMap<>();
    for (int functions : options.templateSizes()) {
      Path template = Templates.write(work, functions, options.helloWorldModule());
      List<TemplateRound> rounds = new ArrayList<>();
      for (int round = 1; round <= options.rounds(); round++) {
        rounds.add(startTemplate(functions, template));
      }
      templates.put(functions, rounds);
    }

    Map<String, JmhRun.Score> jmh = Map.of();
    if (options.jmh()) {
      progress(
          "JMH: InvokeBenchmark ("
              + options.jmhIterations()
              + " x 1 s warm-up, "
              + options.jmhIterations()
              + " x 1 s measured)");
      jmh = JmhRun.run(options, work, javaBin);
    }
    progress(String.format(Locale.ROOT, "Done in %.0f s", (System.nanoTime() - started) / 1e9));
    return new Report(
            options, load.describe(), servers, templates, jmh, loadBefore, peerMissing, cli)
        .markdown();
  }

  private ServerRound measure(String name, List<String> command, String path, boolean measured)
      throws Exception {
    int port = ServerProcess.freePort();
    int secondPort = ServerProcess.freePort();
    Path log = work.resolve(name.replaceAll("[^A-Za-z0-9]+", "-") + ".log");
    List<String> withPort = new ArrayList<>(command);
    withPort.replaceAll(
        part ->
            part.equals("PORT")
                ? Integer.toString(port)
                : part.equals("PORT2") ? Integer.toString(secondPort) : part);
    Path directory = name.equals(PEER) ? ServerlessOffline.directory(options) : null;
    try (ServerProcess server =
        ServerProcess.launch(
            name,
            withPort,
            log,
            port,
            directory,
            name.equals(LOCALSAM_LAUNCHER) ? launcherEnvironment : ServerlessOffline.ENVIRONMENT)) {
      ServerProcess.Startup startup = server.awaitFirst200(path);
      if (!measured) {
        return null;
      }
      load.run(port, path, options.warmupSeconds());
      double cpuBefore = server.cpuMillis();
      LoadResult result = load.run(port, path, options.durationSeconds());
      double cpuPerRequest =
          (server.cpuMillis() - cpuBefore) * 1000 / Math.max(1, result.requests());
      double rss = server.rssKb();
      long coldStarts = server.countLogLines("Init Duration");
      progress(
          String.format(
              Locale.ROOT,
              "  %-24s %8s req/s  p50 %-8s p99 %-8s CPU %-6s first 200 after %-7s first request %-8s RSS %s%s%s",
              name,
              Stats.count(result.requestsPerSecond()),
              Stats.millis(result.p50Millis()),
              Stats.millis(result.p99Millis()),
              Stats.micros(cpuPerRequest),
              Stats.millis(startup.toFirst200Millis()),
              Stats.millis(startup.firstRequestMillis()),
              Stats.megabytes(rss),
              name.startsWith("LocalSAM") ? ", " + coldStarts + " execution environments" : "",
              result.errors() > 0 ? ", " + result.errors() + " errors" : ""));
      return new ServerRound(startup, result, rss, coldStarts, cpuPerRequest);
    } finally {
      Files.deleteIfExists(
          log); // LocalSAM writes three lines per request: hundreds of MB over a run
    }
  }

  private TemplateRound startTemplate(int functions, Path template) throws Exception {
    int port = ServerProcess.freePort();
    Path log = work.resolve("template-" + functions + ".log");
    List<String> command = new ArrayList<>(localSamCommand(template));
    command.replaceAll(part -> part.equals("PORT") ? Integer.toString(port) : part);
    try (ServerProcess server =
        ServerProcess.launch(functions + " functions", command, log, port)) {
      ServerProcess.Startup startup = server.awaitFirst200("/hello1");
      double rss = server.rssKb();
      double heap = HeapInfo.usedAfterGcKb(server.pid());
      progress(
          String.format(
              Locale.ROOT,
              "  %3d functions: first 200 after %-7s first request %-7s RSS %s, heap + metaspace after GC %s",
              functions,
              Stats.millis(startup.toFirst200Millis()),
              Stats.millis(startup.firstRequestMillis()),
              Stats.megabytes(rss),
              Stats.megabytes(heap)));
      return new TemplateRound(startup, rss, heap);
    }
  }

  private List<String> ceilingCommand(String thread) {
    List<String> command = new ArrayList<>();
    command.add(javaBin.toString());
    command.addAll(options.jvmOptions());
    command.add("-cp");
    command.add(classpath(false));
    command.add(CeilingServer.class.getName());
    command.add("PORT");
    command.add(thread);
    return command;
  }

  private static List<String> withIsolation(List<String> command) {
    List<String> isolated = new ArrayList<>(command);
    isolated.addAll(List.of("--isolation", "process"));
    return isolated;
  }

  private List<String> leanCommand() {
    List<String> command = new ArrayList<>();
    command.add(javaBin.toString());
    command.addAll(options.jvmOptions());
    command.add("-cp");
    command.add(
        classpath(true)
            + File.pathSeparator
            + options.helloWorldModule().resolve("target/classes"));
    command.add(LeanPrototype.class.getName());
    command.add("PORT");
    return command;
  }

  private List<String> localSamCommand(Path template) {
    List<String> command = new ArrayList<>();
    command.add(javaBin.toString());
    command.addAll(options.jvmOptions());
    command.add("-jar");
    command.add(options.emulatorJar().toString());
    command.add(template.toString());
    command.add("-p");
    command.add("PORT");
    return command;
  }

  /**
   * The driver's class path less what the server never loads (JMH; the Lambda libraries unless
   * asked for).
   */
  private static String classpath(boolean lambda) {
    List<String> entries = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      String name = Path.of(entry).getFileName().toString();
      if (!name.startsWith("jmh-")
          && !name.startsWith("jopt-")
          && !name.startsWith("commons-math")
          && (lambda
              || !name.startsWith("aws-lambda-")
                  && !name.startsWith("joda-")
                  && !name.startsWith("jackson-"))) {
        entries.add(entry);
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  static void progress(String line) {
    System.err.println(line);
  }
}
