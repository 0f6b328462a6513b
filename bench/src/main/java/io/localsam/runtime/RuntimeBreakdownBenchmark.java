package io.localsam.runtime;

import io.localsam.template.TemplateLoader;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Deque;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Where the time of one warm invocation goes, layer by layer, to set against {@code
 * InvokeBenchmark.runtimeInvoke} (which adds the worker hand-off and the listener): {@code
 * environmentInvoke} is AWS's serializer reading the event, the handler and the serializer writing
 * the response; {@code poolInvoke} adds what {@code FunctionPool} does around it (request id,
 * context, timeout timer, START/END/REPORT lines), on the calling thread.
 *
 * <p>Bench-only: it lives in the emulator's package to reach package-private classes, and reads
 * private fields, so it breaks when they change. Run it with {@code JMH_COMPONENTS=1 bench/run}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RuntimeBreakdownBenchmark {
  @Param("sample-app")
  public String sample;

  private FunctionRuntime runtime;
  private FunctionPool pool;
  private ExecutionEnvironment environment;
  private LambdaContext context;
  private byte[] event;

  @Setup
  @SuppressWarnings("unchecked")
  public void setUp() throws Exception {
    Path folder = Path.of(sample);
    runtime =
        new FunctionRuntime(
            TemplateLoader.load(folder.resolve("template.yaml"), Map.of(), "us-east-1"),
            "us-east-1",
            EnvVarsFile.NONE,
            line -> {},
            (id, event, result) -> {});
    event = Files.readAllBytes(folder.resolve("events/event.json"));
    runtime.invoke("HelloWorldFunction", event).join();
    pool =
        ((Map<String, FunctionPool>) field(FunctionRuntime.class, "pools").get(runtime))
            .get("HelloWorldFunction");
    // A second, private environment for environmentInvoke, so the pool keeps its own.
    environment = new ExecutionEnvironment(pool.function(), line -> {});
    CompletableFuture.runAsync(environment::init, environment::execute)
        .join(); // Init on its own thread, as the pool does
    context =
        new LambdaContext(
            UUID.randomUUID().toString(),
            pool.function(),
            environment.logStream(),
            Long.MAX_VALUE,
            new FunctionLogger(line -> {}, "bench", null, null));
    if (((Deque<?>) field(FunctionPool.class, "idle").get(pool)).isEmpty()) {
      throw new IllegalStateException("the pool kept no warm environment");
    }
  }

  private static Field field(Class<?> type, String name) throws NoSuchFieldException {
    Field field = type.getDeclaredField(name);
    field.setAccessible(true);
    return field;
  }

  @TearDown
  public void tearDown() {
    environment.close();
    runtime.close();
  }

  @Benchmark
  public byte[] environmentInvoke() throws Throwable {
    return environment.invoke(event, context);
  }

  @Benchmark
  public InvocationResult poolInvoke() {
    CompletableFuture<InvocationResult> result = new CompletableFuture<>();
    pool.tryInvoke(event, null, result, line -> {});
    return result.join();
  }
}
