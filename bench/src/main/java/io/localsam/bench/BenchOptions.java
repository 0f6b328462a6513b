package io.localsam.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What {@code bench/run} measures and for how long, read from environment variables so the script
 * stays one command: {@code ROUNDS=5 DURATION=20 bench/run}.
 *
 * @param repo the repository root (where emulator/ and sample-app/ are)
 * @param rounds server starts and load runs per server; every number printed is the median over
 *     them
 * @param warmupSeconds load before each measured run, not counted
 * @param durationSeconds each measured load run
 * @param threads load generator threads
 * @param connections concurrent keep-alive connections
 * @param jvmOptions flags given to both servers, so their memory compares
 * @param loadGenerator {@code auto} (wrk when installed), {@code wrk} or {@code java}
 * @param templateSizes function counts of the generated start-up templates; empty skips them
 * @param jmh whether to run the JMH invocation benchmarks
 * @param jmhIterations JMH measurement iterations of one second (warm-up: the same number)
 * @param jmhComponents whether JMH also runs the component benchmarks (gateway, runtime layers,
 *     ids)
 * @param emulatorJar the LocalSAM jar to measure: the build's, or another build to compare
 * @param peer whether serverless-offline is measured beside LocalSAM (when bench/run could install
 *     it)
 */
record BenchOptions(
    Path repo,
    int rounds,
    int warmupSeconds,
    int durationSeconds,
    int threads,
    int connections,
    List<String> jvmOptions,
    String loadGenerator,
    List<Integer> templateSizes,
    boolean jmh,
    int jmhIterations,
    boolean jmhComponents,
    Path emulatorJar,
    boolean peer) {

  static BenchOptions from(Path repo, Map<String, String> env) {
    return new BenchOptions(
        repo.toAbsolutePath().normalize(),
        positive(env, "ROUNDS", 3),
        positive(env, "WARMUP", 10),
        positive(env, "DURATION", 10),
        positive(env, "THREADS", 2),
        positive(env, "CONNECTIONS", 32),
        words(env.getOrDefault("JVM_OPTS", "")),
        env.getOrDefault("LOADGEN", "auto"),
        words(env.getOrDefault("TEMPLATE_SIZES", "1 50 200").replace(',', ' ')).stream()
            .map(Integer::parseInt)
            .toList(),
        !env.getOrDefault("JMH", "1").equals("0"),
        positive(env, "JMH_ITERATIONS", 5),
        env.getOrDefault("JMH_COMPONENTS", "0").equals("1"),
        Path.of(
                env.getOrDefault(
                    "EMULATOR_JAR", repo.resolve("emulator/target/emulator.jar").toString()))
            .toAbsolutePath(),
        !env.getOrDefault("PEER", "1").equals("0"));
  }

  Path sampleTemplate() {
    return repo.resolve("sample-app/template.yaml");
  }

  Path helloWorldModule() {
    return repo.resolve("sample-app/HelloWorldFunction");
  }

  private static int positive(Map<String, String> env, String name, int fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    int parsed = Integer.parseInt(value.strip());
    if (parsed < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, not " + value);
    }
    return parsed;
  }

  private static List<String> words(String text) {
    return text.isBlank() ? List.of() : Arrays.asList(text.strip().split("\\s+"));
  }
}
