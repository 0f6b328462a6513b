package io.localsam.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.localsam.Emulator;
import io.localsam.EmulatorOptions;
import io.localsam.Invocation;
import io.localsam.config.Isolation;
import io.localsam.config.RuntimeClient;
import io.localsam.runtime.process.AwsRuntimeClientFiles;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.tools.ToolProvider;

/**
 * What process isolation costs against in-process: a cold start (the first invocation of a new
 * environment, from the call to the answer; and the Init Duration REPORT gives), a warm invocation,
 * and what an idle environment holds (a child's resident set, plus LocalSAM's own memory and
 * threads per environment; in-process, LocalSAM's): memory is the heap after a full GC plus direct
 * buffers. Process mode is measured with LocalSAM's runtime client and, where it runs (Linux
 * x86_64, aarch64), AWS's. Prints a Markdown table.
 *
 * <p>Both modes run side by side in one LocalSAM (functions {@code InN} in-process, {@code PrN} in
 * processes of their own), so a busy machine slows both alike: each round starts a fresh LocalSAM,
 * cold-starts every function, the two modes taking turns to go first, then times warm calls in
 * alternating blocks of {@value #BLOCK} per mode, one call at a time. Warm figures are medians over
 * every call, with the spread of the rounds' medians.
 *
 * <p>{@code java -cp bench/target/classes:bench/target/lib/*:EMULATOR_JAR
 * io.localsam.bench.ProcessIsolationProbe [ENVIRONMENTS] [WARM_CALLS] [ROUNDS]}
 */
public final class ProcessIsolationProbe {
  private static final Pattern INIT =
      Pattern.compile(".*\\[(\\w+)] REPORT .*Init Duration: ([0-9.]+) ms.*");
  private static final int BLOCK = 100;

  private ProcessIsolationProbe() {}

  /** One mode's samples, over all rounds. */
  private static final class Samples {
    final List<Double> coldMillis = new ArrayList<>();
    final List<Double> initMillis = new ArrayList<>();
    final List<Double> warmMicros = new ArrayList<>();
    final List<Double> roundWarmMedians = new ArrayList<>();
    final List<Double> memoryMbPerEnvironment = new ArrayList<>();
    final List<Double> threadsPerEnvironment = new ArrayList<>();
    final List<Double> childMb = new ArrayList<>();
  }

  public static void main(String[] args) throws Exception {
    int environments = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int warmCalls = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    Path folder = Files.createTempDirectory("localsam-isolation-probe");
    Path code = compileFunction(folder);
    StringBuilder template = new StringBuilder("Resources:\n");
    for (String mode : List.of("In", "Pr")) {
      for (int i = 1; i <= environments; i++) {
        template
            .append("  ")
            .append(mode)
            .append(i)
            .append(":\n    Type: AWS::Serverless::Function\n")
            .append("    Properties: {CodeUri: ")
            .append(code)
            .append(", Handler: probe.Hello, Runtime: java17, MemorySize: 512}\n");
      }
    }
    Path file = folder.resolve("template.yaml");
    Files.writeString(file, template.toString());
    Set<String> processFunctions =
        IntStream.rangeClosed(1, environments).mapToObj(i -> "Pr" + i).collect(Collectors.toSet());
    Isolation isolation = new Isolation(false, processFunctions, Map.of(), 0, Set.of());

    Samples inProcess = new Samples();
    Samples process = new Samples();
    for (int round = 0; round < rounds; round++) {
      measure(file, isolation, environments, warmCalls, round % 2 == 0, inProcess, process);
    }
    Samples besideAws = null;
    Samples aws = null;
    if (AwsRuntimeClientFiles.unsupportedPlatform()
        .isEmpty()) { // AWS's client ships Linux native code only
      besideAws = new Samples();
      aws = new Samples();
      for (int round = 0; round < rounds; round++) {
        measure(
            file,
            isolation.withRuntimeClient(RuntimeClient.AWS),
            environments,
            warmCalls,
            round % 2 == 0,
            besideAws,
            aws);
      }
    }
    print(environments, warmCalls, rounds, inProcess, process, besideAws, aws);
  }

  private static void measure(
      Path template,
      Isolation isolation,
      int environments,
      int warmCalls,
      boolean inProcessFirst,
      Samples inProcess,
      Samples process) {
    List<String> logs = Collections.synchronizedList(new ArrayList<>());
    try (Emulator emulator =
        Emulator.start(
            EmulatorOptions.builder(template)
                .port(0)
                .log(logs::add)
                .isolation(isolation)
                .build())) {
      for (String mode : inProcessFirst ? List.of("In", "Pr") : List.of("Pr", "In")) {
        coldStarts(emulator, mode, environments, mode.equals("In") ? inProcess : process, logs);
      }
      for (String line : logs) {
        Matcher matcher = INIT.matcher(line);
        if (matcher.matches()) {
          (matcher.group(1).startsWith("In") ? inProcess : process)
              .initMillis.add(Double.parseDouble(matcher.group(2)));
        }
      }
      warm(
          emulator, warmCalls, null,
          null); // JIT warm-up of both paths (and the children settling after Init), unmeasured
      warm(emulator, warmCalls, inProcess, process);
      process.childMb.add(childResidentMb());
    }
  }

  /**
   * The first call of each of the mode's functions: a new environment each, and what they left on
   * LocalSAM's side.
   */
  private static void coldStarts(
      Emulator emulator, String mode, int environments, Samples samples, List<String> logs) {
    long memoryBefore = usedMemoryAfterGc();
    Set<Long> threadsBefore = liveThreadIds();
    for (int i = 1; i <= environments; i++) {
      long start = System.nanoTime();
      Invocation first = emulator.invoke(mode + i, "{}");
      samples.coldMillis.add((System.nanoTime() - start) / 1e6);
      if (first.failed()) {
        throw new IllegalStateException(mode + i + " failed: " + first.response() + "\n" + logs);
      }
    }
    samples.memoryMbPerEnvironment.add(
        (usedMemoryAfterGc() - memoryBefore) / 1024.0 / 1024.0 / environments);
    // threads started since, not the count's change: the last round's environments may still be
    // ending
    samples.threadsPerEnvironment.add(
        liveThreadIds().stream().filter(id -> !threadsBefore.contains(id)).count()
            / (double) environments);
  }

  /**
   * {@code calls} calls of In1 and of Pr1, in alternating blocks; the samples are null for an
   * unmeasured warm-up.
   */
  private static void warm(Emulator emulator, int calls, Samples inProcess, Samples process) {
    double[] in = new double[calls];
    double[] pr = new double[calls];
    for (int done = 0; done < calls; done += BLOCK) {
      int block = Math.min(BLOCK, calls - done);
      boolean inFirst = (done / BLOCK) % 2 == 0;
      timeBlock(emulator, inFirst ? "In1" : "Pr1", inFirst ? in : pr, done, block);
      timeBlock(emulator, inFirst ? "Pr1" : "In1", inFirst ? pr : in, done, block);
    }
    if (inProcess != null) {
      record(inProcess, in);
      record(process, pr);
    }
  }

  private static void timeBlock(
      Emulator emulator, String function, double[] micros, int from, int count) {
    for (int i = from; i < from + count; i++) {
      long start = System.nanoTime();
      emulator.invoke(function, "{}");
      micros[i] = (System.nanoTime() - start) / 1e3;
    }
  }

  private static void record(Samples samples, double[] micros) {
    List<Double> round = Arrays.stream(micros).boxed().toList();
    samples.warmMicros.addAll(round);
    samples.roundWarmMedians.add(Stats.median(round));
  }

  /**
   * The table; {@code aws} (measured beside {@code besideAws}, in-process in the same LocalSAM) is
   * null where it cannot run.
   */
  private static void print(
      int environments,
      int warmCalls,
      int rounds,
      Samples inProcess,
      Samples process,
      Samples besideAws,
      Samples aws) {
    System.out.printf(
        Locale.ROOT,
        "%d rounds, each a fresh LocalSAM with %d functions per mode side by side; %d warm calls per mode"
            + " and round, in alternating blocks of %d. Cold start and Init Duration: median (lowest–highest); warm invocation: median"
            + " (90th percentile) of all calls [lowest–highest round's median].%n%n",
        rounds,
        environments,
        warmCalls,
        BLOCK);
    System.out.println(
        "| isolation | cold start (first call) | Init Duration | warm invocation, median (p90) | memory per idle environment |");
    System.out.println("|---|---|---|---|---|");
    System.out.printf(
        Locale.ROOT,
        "| in-process | %s | %s | %s | %.1f MB of LocalSAM's memory after GC, %.1f threads |%n",
        ms(inProcess.coldMillis),
        ms(inProcess.initMillis),
        warm(inProcess),
        Stats.median(inProcess.memoryMbPerEnvironment),
        Stats.median(inProcess.threadsPerEnvironment));
    printProcessRow("process", process);
    if (aws != null) {
      printProcessRow("process, AWS's runtime client", aws);
    }
    printDifference("process over in-process", rounds, inProcess, process);
    if (aws != null) {
      printDifference("process on AWS's runtime client over in-process", rounds, besideAws, aws);
    }
  }

  private static void printProcessRow(String name, Samples process) {
    System.out.printf(
        Locale.ROOT,
        "| %s | %s | %s | %s | %.1f MB child's resident set (%s), plus %.1f MB of LocalSAM's memory"
            + " and %.1f threads |%n",
        name,
        ms(process.coldMillis),
        ms(process.initMillis),
        warm(process),
        Stats.median(process.childMb),
        range(process.childMb, "%.1f"),
        Stats.median(process.memoryMbPerEnvironment),
        Stats.median(process.threadsPerEnvironment));
  }

  private static void printDifference(String what, int rounds, Samples inProcess, Samples process) {
    List<Double> differences =
        IntStream.range(0, rounds)
            .mapToObj(i -> process.roundWarmMedians.get(i) - inProcess.roundWarmMedians.get(i))
            .toList();
    System.out.printf(
        Locale.ROOT,
        "%nWarm invocation, %s: %+.0f µs median (rounds: %s µs).%n",
        what,
        Stats.median(process.warmMicros) - Stats.median(inProcess.warmMicros),
        range(differences, "%+.0f"));
  }

  private static String ms(List<Double> millis) {
    return String.format(Locale.ROOT, "%.0f ms (%s)", Stats.median(millis), range(millis, "%.0f"));
  }

  private static String warm(Samples samples) {
    return String.format(
        Locale.ROOT,
        "%.0f µs (%.0f µs) [%s]",
        Stats.median(samples.warmMicros),
        percentile(samples.warmMicros, 0.9),
        range(samples.roundWarmMedians, "%.0f"));
  }

  private static String range(List<Double> values, String format) {
    double low = values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    double high = values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    return String.format(Locale.ROOT, format + "–" + format, low, high);
  }

  private static double percentile(List<Double> values, double share) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return sorted.length == 0
        ? Double.NaN
        : sorted[(int) Math.min(sorted.length - 1, Math.floor(sorted.length * share))];
  }

  private static Set<Long> liveThreadIds() {
    return Thread.getAllStackTraces().keySet().stream()
        .map(Thread::getId)
        .collect(Collectors.toSet());
  }

  /** The median resident set of this JVM's child processes (the environments), in MB. */
  private static double childResidentMb() {
    List<Double> sizes = new ArrayList<>();
    ProcessHandle.current()
        .children()
        .forEach(
            child -> {
              try {
                for (String line :
                    Files.readAllLines(Path.of("/proc", Long.toString(child.pid()), "status"))) {
                  if (line.startsWith("VmRSS:")) {
                    sizes.add(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0);
                  }
                }
              } catch (Exception notLinux) {
                // no /proc: no figure
              }
            });
    return Stats.median(sizes);
  }

  /** LocalSAM's used heap after full GCs, plus its direct buffers (Undertow's, off the heap). */
  private static long usedMemoryAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    long direct =
        ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
            .filter(pool -> pool.getName().equals("direct"))
            .mapToLong(BufferPoolMXBean::getMemoryUsed)
            .sum();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() + direct;
  }

  private static Path compileFunction(Path folder) throws Exception {
    Path source = folder.resolve("src/probe/Hello.java");
    Files.createDirectories(source.getParent());
    Files.writeString(
        source,
        """
        package probe;
        import com.amazonaws.services.lambda.runtime.Context;
        import com.amazonaws.services.lambda.runtime.RequestHandler;
        import java.util.Map;
        public class Hello implements RequestHandler<Map<String, Object>, Map<String, Object>> {
          public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
            return Map.of("statusCode", 200, "body", "{\\"message\\":\\"hello world\\"}");
          }
        }
        """);
    Path code = folder.resolve("code");
    String coreApi =
        Path.of(RequestHandler.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .toString();
    if (ToolProvider.getSystemJavaCompiler()
            .run(null, null, null, "-d", code.toString(), "-cp", coreApi, source.toString())
        != 0) {
      throw new IllegalStateException("the probe function does not compile");
    }
    return code;
  }
}
