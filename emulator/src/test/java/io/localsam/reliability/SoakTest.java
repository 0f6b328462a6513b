package io.localsam.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.localsam.Emulator;
import io.localsam.EmulatorOptions;
import io.localsam.Invocation;
import io.localsam.reliability.LoadMix.Result;
import io.localsam.reliability.LoadMix.Target;
import io.localsam.runtime.InvocationRejected;
import io.localsam.testsupport.TestApi;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bounded soak, run on demand and never in the default build ({@code emulator/soak}, or {@code
 * mvn -f emulator/pom.xml test -Dgroups=soak -Dsoak.seconds=60}): concurrent clients on 127.0.0.1
 * against good, slow, failing and misbehaving functions for {@code soak.seconds}, while the code of
 * another function is rebuilt {@code soak.reloads} times. Prints a summary block (also written to
 * target/soak-summary.txt): requests served, answers by kind, heap and threads before and after,
 * class loaders left, what the log recorded.
 */
@Tag("soak")
class SoakTest {
  private static final int SECONDS = Integer.getInteger("soak.seconds", 60);
  private static final int RELOADS = Integer.getInteger("soak.reloads", 100);
  private static final int CLIENTS = Integer.getInteger("soak.clients", LoadTest.CLIENTS);

  /**
   * LoadTest's mix plus functions that time out, overflow their stack, run out of memory or answer
   * too much.
   */
  private static final List<Target> MIX;

  static {
    List<Target> mix = new ArrayList<>(LoadTest.MIX);
    mix.add(new Target("bad-fine", "POST", "/bad?do=fine", Set.of(200, 500)));
    mix.add(new Target("stuck-timeout", "POST", "/stuck?do=block", Set.of(502, 500)));
    mix.add(new Target("bad-stack-overflow", "POST", "/bad?do=recurse", Set.of(502, 500)));
    mix.add(new Target("bad-out-of-memory", "POST", "/bad?do=oom", Set.of(502, 500)));
    mix.add(new Target("bad-over-6mb", "POST", "/bad?do=huge", Set.of(502, 500)));
    mix.add(new Target("no-route", "GET", "/nothing/here", Set.of(403)));
    MIX = List.copyOf(mix);
  }

  /**
   * What the log said, by kind, first match wins (the gateway's "X failed: ..." line quotes the
   * runtime's timeout message, so it is matched first). Lines are counted, never kept: a soak would
   * otherwise grow the heap itself.
   */
  private static final Map<String, String> LOG_KINDS =
      orderedKinds(
          " failed: ", "function errors answered 502/500",
          "Task timed out after", "timeouts",
          "; throttled", "throttled (500)",
          "returned a response API Gateway would reject", "rejected responses",
          "matches no route", "unmatched routes",
          "code changed; the next request starts a fresh environment", "hot reloads",
          "cannot be stopped", "threads that could not be stopped");

  private static Map<String, String> orderedKinds(String... pairs) {
    Map<String, String> kinds = new LinkedHashMap<>();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      kinds.put(pairs[i], pairs[i + 1]);
    }
    return kinds;
  }

  /**
   * The functions' ReservedConcurrentExecutions added up (Good 8, Slow 4, Failing 4, Held 2, Bad 4,
   * Stuck 2, Queued 2), plus Hot's one.
   */
  private static final int CAPS = 8 + 4 + 4 + 2 + 4 + 2 + 2 + 1;

  /**
   * Event invocations are sent in bursts of this many, ten times a second: ten times Queued's two
   * places.
   */
  private static final int EVENT_BURST = 20;

  /** Threads of execution environments: each has one, named after its function. */
  private static long environmentThreads() {
    Set<String> names = Set.of("Good", "Slow", "Failing", "Held", "Bad", "Stuck", "Queued", "Hot");
    return JvmGauges.threads().stream()
        .filter(
            t ->
                t.getName().startsWith("localsam-")
                    && names.contains(t.getName().substring("localsam-".length())))
        .count();
  }

  @TempDir Path folder;

  private final Map<String, LongAdder> logCounts = new ConcurrentHashMap<>();
  private final LongAdder logLines = new LongAdder();

  /** The gateway's line for a function error: "Bad failed: java.lang.StackOverflowError: ...". */
  private static final Pattern FAILED = Pattern.compile("^(\\w+) failed: ([\\w.$]+)");

  private final Map<String, LongAdder> errorTypes = new ConcurrentHashMap<>();

  /**
   * How often each asynchronous request id started (its START line): each accepted one must start
   * exactly once.
   */
  private final Map<String, LongAdder> eventStarts = new ConcurrentHashMap<>();

  private static final String EVENT_START = "[Queued] START RequestId: ";

  private void log(String line) {
    logLines.increment();
    if (line.startsWith(EVENT_START)) {
      String id = line.substring(EVENT_START.length(), line.indexOf(' ', EVENT_START.length()));
      eventStarts.computeIfAbsent(id, k -> new LongAdder()).increment();
    }
    Matcher failed = FAILED.matcher(line);
    if (failed.find()) {
      errorTypes
          .computeIfAbsent(failed.group(1) + ": " + failed.group(2), k -> new LongAdder())
          .increment();
    }
    for (Map.Entry<String, String> kind : LOG_KINDS.entrySet()) {
      if (line.contains(kind.getKey())) {
        logCounts.computeIfAbsent(kind.getValue(), k -> new LongAdder()).increment();
        return;
      }
    }
  }

  @Test
  void soak() throws Exception {
    // Each generation of Hot starts a thread that ignores interrupts: reloads must end it all the
    // same.
    HotReloads rebuilds = HotReloads.compileWithStubbornThread(folder);
    HotReloads.forget();
    Path template =
        TestApi.writeTemplate(
            folder,
            LoadTest.TEMPLATE
                + """
          Bad:
            Type: AWS::Serverless::Function
            Properties:
              Handler: fixtures.Misbehaving
              ReservedConcurrentExecutions: 4
              Events:
                Api: {Type: Api, Properties: {Path: /bad, Method: post}}
          Stuck:
            Type: AWS::Serverless::Function
            Properties:
              Handler: fixtures.Misbehaving
              Timeout: 1
              ReservedConcurrentExecutions: 2
              Events:
                Api: {Type: Api, Properties: {Path: /stuck, Method: post}}
          Queued:
            Type: AWS::Serverless::Function
            Properties: {Handler: fixtures.Sleepy, ReservedConcurrentExecutions: 2}
          Hot:
            Type: AWS::Serverless::Function
            Properties: {Handler: hot.Generation, CodeUri: HOT}
        """
                    .replace("HOT", rebuilds.code().toString()));
    try (Emulator emulator =
        Emulator.start(EmulatorOptions.builder(template).port(0).log(this::log).build())) {
      LoadMix.run(
          emulator.baseUri(), CLIENTS, Duration.ofSeconds(3), MIX); // every environment warm
      emulator.invoke("Hot", "{}");
      JvmGauges.await(30, SoakTest::functionCodeSettled);
      long heapBefore = JvmGauges.usedHeapAfterGc();
      int threadsBefore = JvmGauges.threads().size();
      logCounts.clear();
      errorTypes.clear();
      long environmentsBefore = environmentThreads();

      long start = System.nanoTime();
      CompletableFuture<Integer> reloading =
          CompletableFuture.supplyAsync(
              () -> {
                for (int generation = 1; generation <= RELOADS; generation++) {
                  rebuilds.reloadTo(emulator, "Hot", generation);
                }
                return RELOADS;
              });
      CompletableFuture<EventLoad> events =
          CompletableFuture.supplyAsync(() -> sendEvents(emulator, Duration.ofSeconds(SECONDS)));
      Result load = LoadMix.run(emulator.baseUri(), CLIENTS, Duration.ofSeconds(SECONDS), MIX);
      int reloaded = reloading.get(RELOADS * 30L + 60, TimeUnit.SECONDS);
      EventLoad sent = events.get(SECONDS + 60L, TimeUnit.SECONDS);
      boolean eventsDone = emulator.awaitAsyncInvocations(Duration.ofSeconds(120));
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      long ranOnce = sent.accepted().stream().filter(id -> starts(id) == 1).count();
      long ranTwice = sent.accepted().stream().filter(id -> starts(id) > 1).count();
      long neverRan = sent.accepted().stream().filter(id -> starts(id) == 0).count();

      boolean settled = JvmGauges.await(60, SoakTest::functionCodeSettled);
      boolean stubbornEnded = JvmGauges.await(30, () -> stubbornThreads() == 1);
      long liveLoaders = HotReloads.liveLoadersAfterGc(1);
      long heapAfter = JvmGauges.usedHeapAfterGc();
      int threadsAfter = JvmGauges.threads().size();
      long environmentsAfter = environmentThreads();
      List<Invocation> journal = emulator.invocations();

      String summary =
          summary(
                  load,
                  elapsed,
                  reloaded,
                  liveLoaders,
                  heapBefore,
                  heapAfter,
                  threadsBefore,
                  threadsAfter,
                  journal)
              .replace(
                  "%ENVIRONMENTS%",
                  "before "
                      + environmentsBefore
                      + ", after "
                      + environmentsAfter
                      + " (at most "
                      + CAPS
                      + ")");
      summary = summary.replace("%STUBBORN%", stubbornThreads() + " (the current generation's)");
      summary =
          summary.replace(
              "%EVENTS%",
              "accepted "
                  + sent.accepted().size()
                  + ", refused (429) "
                  + sent.refused()
                  + "; ran exactly once "
                  + ranOnce
                  + ", more than once "
                  + ranTwice
                  + ", never "
                  + neverRan);
      System.out.println(summary);
      Files.writeString(Path.of("target", "soak-summary.txt"), summary, StandardCharsets.UTF_8);

      assertEquals(
          0, load.unexpected(), "every answer is the function's own or its throttle: " + load);
      assertTrue(eventsDone, "every accepted event finished: " + summary);
      assertEquals(
          sent.accepted().size(), ranOnce, "every accepted event ran exactly once: " + summary);
      assertEquals(
          sent.accepted().size(),
          eventStarts.size(),
          "nothing ran that was not accepted: " + summary);
      assertTrue(settled, "no thread still runs a function's code");
      assertEquals(1, liveLoaders, "only the current generation's class loader is alive");
      assertTrue(
          stubbornEnded,
          "every replaced generation's interrupt-ignoring thread was stopped: " + summary);
      assertTrue(
          heapAfter < heapBefore + 128L * 1024 * 1024, "heap flat within 128 MB: " + summary);
      assertTrue(
          environmentsAfter <= CAPS, "no more environments than the functions' caps: " + summary);
      assertTrue(
          threadsAfter - environmentsAfter <= threadsBefore - environmentsBefore + 2,
          "apart from execution environments (bounded by the caps), the thread count is back where it was: "
              + summary);
      assertTrue(
          journal.size() > 0 && journal.size() <= 1000,
          "the journal keeps the last 1000 invocations, no more");
      long errorAnswers =
          load.counts().entrySet().stream()
              .filter(e -> e.getKey().endsWith(" 502") || e.getKey().endsWith(" 500"))
              .mapToLong(Map.Entry::getValue)
              .sum();
      assertEquals(
          errorAnswers,
          count("function errors answered 502/500"),
          "each function error is logged once, none lost");
      assertEquals(
          0, logCounts.getOrDefault("threads that could not be stopped", new LongAdder()).sum());
    } finally {
      HotReloads.forget();
    }
  }

  private String summary(
      Result load,
      Duration elapsed,
      int reloaded,
      long liveLoaders,
      long heapBefore,
      long heapAfter,
      int threadsBefore,
      int threadsAfter,
      List<Invocation> journal) {
    StringBuilder out = new StringBuilder();
    String rule = "=".repeat(72);
    out.append(rule)
        .append('\n')
        .append("LocalSAM soak: ")
        .append(CLIENTS)
        .append(" clients on 127.0.0.1 for ")
        .append(SECONDS)
        .append(" s, ")
        .append(RELOADS)
        .append(" hot reloads alongside; Java ")
        .append(Runtime.version().feature())
        .append(", ")
        .append(Runtime.getRuntime().availableProcessors())
        .append(" cores\n")
        .append(rule)
        .append('\n');
    line(
        out,
        "requests answered",
        String.format(
            Locale.ROOT,
            "%d (%.0f/s)",
            load.total(),
            load.total() / (load.elapsed().toMillis() / 1000.0)));
    line(
        out,
        "unexpected answers",
        load.unexpected() + " (a status the function did not give, or no answer)");
    out.append("answers by kind:\n");
    load.counts()
        .forEach(
            (kind, count) ->
                out.append(String.format(Locale.ROOT, "    %-44s %8d%n", kind, count)));
    out.append("log lines by kind:\n");
    new TreeMap<>(Map.copyOf(toLongs(logCounts)))
        .forEach(
            (kind, count) ->
                out.append(String.format(Locale.ROOT, "    %-44s %8d%n", kind, count)));
    line(out, "log lines in all", Long.toString(logLines.sum()));
    line(
        out,
        "hot reloads",
        reloaded
            + " in "
            + elapsed.toSeconds()
            + " s; class loaders alive after GC: "
            + liveLoaders
            + " of "
            + HotReloads.loaders().size());
    line(out, "stubborn threads", "%STUBBORN%");
    line(
        out,
        "heap used after GC",
        "before "
            + JvmGauges.megabytes(heapBefore)
            + ", after "
            + JvmGauges.megabytes(heapAfter)
            + String.format(
                Locale.ROOT, " (%+.1f MB)", (heapAfter - heapBefore) / (1024.0 * 1024.0)));
    out.append("function errors by type (log):\n");
    toLongs(errorTypes)
        .forEach(
            (kind, count) ->
                out.append(String.format(Locale.ROOT, "    %-44s %8d%n", kind, count)));
    line(out, "live threads", "before " + threadsBefore + ", after " + threadsAfter);
    line(out, "environment threads", "%ENVIRONMENTS%");
    line(out, "journal", journal.size() + " invocations kept (bounded at 1000)");
    line(out, "async events", "%EVENTS%");
    return out.append(rule).append('\n').toString();
  }

  /** Accepted Event invocations and refusals of the queue. */
  private record EventLoad(List<String> accepted, int refused) {}

  /**
   * Sends Event invocations to Queued in bursts ten times its two places, ten bursts a second, so
   * most wait in its queue behind a throttle; the pause paces the sender, it waits for nothing.
   */
  private static EventLoad sendEvents(Emulator emulator, Duration duration) {
    List<String> accepted = new ArrayList<>();
    int refused = 0;
    long end = System.nanoTime() + duration.toNanos();
    while (System.nanoTime() < end) {
      for (int i = 0; i < EVENT_BURST; i++) {
        try {
          accepted.add(
              emulator.invokeAsync("Queued", "{\"queryStringParameters\":{\"ms\":\"5\"}}"));
        } catch (InvocationRejected e) {
          refused++;
        }
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
    }
    return new EventLoad(accepted, refused);
  }

  private long starts(String requestId) {
    LongAdder count = eventStarts.get(requestId);
    return count == null ? 0 : count.sum();
  }

  /**
   * No thread runs a function's code but Hot's current generation's interrupt-ignoring thread,
   * which is meant to.
   */
  private static boolean functionCodeSettled() {
    return JvmGauges.threadsRunningFunctionCode() == stubbornThreads();
  }

  private static long stubbornThreads() {
    return JvmGauges.threads().stream()
        .filter(t -> t.getName().equals(HotReloads.STUBBORN))
        .count();
  }

  private long count(String kind) {
    LongAdder count = logCounts.get(kind);
    return count == null ? 0 : count.sum();
  }

  private static Map<String, Long> toLongs(Map<String, LongAdder> counts) {
    Map<String, Long> values = new TreeMap<>();
    counts.forEach((kind, count) -> values.put(kind, count.sum()));
    return values;
  }

  private static void line(StringBuilder out, String name, String value) {
    out.append(String.format(Locale.ROOT, "%-22s %s%n", name, value));
  }
}
