package io.localsam.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.localsam.Emulator;
import io.localsam.EmulatorOptions;
import io.localsam.Invocation;
import io.localsam.runtime.Isolation;
import io.localsam.runtime.RuntimeClient;
import io.localsam.runtime.process.AwsRuntimeClientFiles;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.ToolProvider;

/**
 * What process isolation costs against in-process, per mode: a cold start (the first invocation of a new
 * environment, from the call to the answer; and the Init Duration REPORT gives), a warm invocation, and
 * the memory an idle environment holds (a child's resident set in process mode; LocalSAM's heap growth
 * per environment after a full GC in-process). Process mode is measured with LocalSAM's runtime client
 * and, where it runs (Linux x86_64, aarch64), AWS's. Prints a Markdown table.
 *
 * <p>{@code java -cp bench/target/classes:bench/target/lib/*:EMULATOR_JAR io.localsam.bench.ProcessIsolationProbe [ENVIRONMENTS] [WARM_CALLS]}
 */
public final class ProcessIsolationProbe {
  private static final Pattern INIT = Pattern.compile(".*REPORT .*Init Duration: ([0-9.]+) ms.*");

  private ProcessIsolationProbe() {}

  private record Figures(double coldMillis, double initMillis, double warmMicros, double idleMb) {}

  public static void main(String[] args) throws Exception {
    int environments = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int warmCalls = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    Path folder = Files.createTempDirectory("localsam-isolation-probe");
    Path code = compileFunction(folder);
    StringBuilder template = new StringBuilder("Resources:\n");
    for (int i = 1; i <= environments; i++) {
      template.append("  Fn").append(i).append(":\n    Type: AWS::Serverless::Function\n")
          .append("    Properties: {CodeUri: ").append(code).append(", Handler: probe.Hello, Runtime: java17, MemorySize: 512}\n");
    }
    Path file = folder.resolve("template.yaml");
    Files.writeString(file, template.toString());

    Figures inProcess = measure(file, Isolation.IN_PROCESS, environments, warmCalls);
    Figures process = measure(file, new Isolation(true, Set.of(), Map.of(), 0, Set.of()), environments, warmCalls);
    System.out.println("| isolation | cold start (first call) | Init Duration | warm invocation | memory per idle environment |");
    System.out.println("|---|---|---|---|---|");
    print("in-process", inProcess, "LocalSAM heap after GC");
    print("process", process, "child's resident set");
    if (AwsRuntimeClientFiles.unsupportedPlatform().isEmpty()) {
      Figures awsClient = measure(file, Isolation.IN_PROCESS.withRuntimeClient(RuntimeClient.AWS), environments, warmCalls);
      print("process, AWS's runtime client", awsClient, "child's resident set");
    }
  }

  private static void print(String mode, Figures figures, String memory) {
    System.out.printf(Locale.ROOT, "| %s | %.0f ms | %.0f ms | %.0f µs | %.1f MB (%s) |%n", mode, figures.coldMillis(),
        figures.initMillis(), figures.warmMicros(), figures.idleMb(), memory);
  }

  private static Figures measure(Path template, Isolation isolation, int environments, int warmCalls) {
    List<String> logs = Collections.synchronizedList(new ArrayList<>());
    try (Emulator emulator = Emulator.start(EmulatorOptions.builder(template).port(0).log(logs::add).isolation(isolation).build())) {
      long heapBefore = usedHeapAfterGc();
      List<Double> cold = new ArrayList<>();
      for (int i = 1; i <= environments; i++) {
        long start = System.nanoTime();
        Invocation first = emulator.invoke("Fn" + i, "{}");
        cold.add((System.nanoTime() - start) / 1e6);
        if (first.failed()) {
          throw new IllegalStateException("Fn" + i + " failed in " + isolation + ": " + first.response() + "\n" + logs);
        }
      }
      long heapAfter = usedHeapAfterGc();
      List<Double> init = new ArrayList<>();
      for (String line : logs) {
        Matcher matcher = INIT.matcher(line);
        if (matcher.matches()) {
          init.add(Double.parseDouble(matcher.group(1)));
        }
      }
      for (int i = 0; i < warmCalls / 4; i++) {
        emulator.invoke("Fn1", "{}"); // JIT warm-up, unmeasured
      }
      long start = System.nanoTime();
      for (int i = 0; i < warmCalls; i++) {
        emulator.invoke("Fn1", "{}");
      }
      double warmMicros = (System.nanoTime() - start) / 1e3 / warmCalls;
      double idleMb = isolation.equals(Isolation.IN_PROCESS)
          ? (heapAfter - heapBefore) / 1024.0 / 1024.0 / environments
          : childResidentMb();
      return new Figures(median(cold), median(init), warmMicros, idleMb);
    }
  }

  /** The median resident set of this JVM's child processes (the environments), in MB. */
  private static double childResidentMb() {
    List<Double> sizes = new ArrayList<>();
    ProcessHandle.current().children().forEach(child -> {
      try {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(child.pid()), "status"))) {
          if (line.startsWith("VmRSS:")) {
            sizes.add(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0);
          }
        }
      } catch (Exception notLinux) {
        // no /proc: no figure
      }
    });
    return sizes.isEmpty() ? Double.NaN : median(sizes);
  }

  private static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2);
  }

  private static Path compileFunction(Path folder) throws Exception {
    Path source = folder.resolve("src/probe/Hello.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, """
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
    String coreApi = Path.of(RequestHandler.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    if (ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", code.toString(), "-cp", coreApi, source.toString()) != 0) {
      throw new IllegalStateException("the probe function does not compile");
    }
    return code;
  }
}
