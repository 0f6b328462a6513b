package io.localsam.runtime.process;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.localsam.runtime.RuntimeApiBootstrap;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Test functions in child JVMs on LocalSAM's own runtime, over the Runtime API: a process
 * environment, working directory, heap and flags of their own, and Lambda's outcomes for exits,
 * crashes and timeouts.
 */
class ChildEnvironmentTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration INIT_LIMIT = Duration.ofSeconds(30);
  private final List<ChildEnvironment> started = new ArrayList<>();
  private final List<String> initOutput = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    started.forEach(ChildEnvironment::close);
  }

  private ChildEnvironment start(String handler, int memorySize, Map<String, String> extra)
      throws IOException {
    Map<String, String> env =
        new LinkedHashMap<>(FixtureFunctions.lambdaEnvironment("Fn", handler, memorySize));
    env.putAll(extra);
    ChildEnvironment environment =
        ChildEnvironment.start(
            api ->
                ChildLaunch.java(
                    FixtureFunctions.currentJdk(),
                    RuntimeApiBootstrap.class,
                    memorySize,
                    FixtureFunctions.classpath(),
                    env,
                    api,
                    0),
            initOutput::add);
    started.add(environment);
    return environment;
  }

  private static RuntimeRequest request(String id, String event) {
    return new RuntimeRequest(
        id,
        System.currentTimeMillis() + 30_000,
        "arn:aws:lambda:us-east-1:123456789012:function:Fn",
        null,
        event.getBytes(UTF_8));
  }

  private static RuntimeReply replied(ChildEnvironment.Outcome outcome) {
    return assertInstanceOf(ChildEnvironment.Outcome.Replied.class, outcome).reply();
  }

  @Test
  void aFunctionHasItsOwnProcessEnvironmentDirectoryHeapAndFlags() throws Exception {
    ChildEnvironment environment =
        start(
            "fixtures.ProcessProbe",
            256,
            Map.of("JAVA_TOOL_OPTIONS", "-Dprobe.flag=from-template"));
    assertFalse(replied(environment.init(INIT_LIMIT)).failed());
    List<String> output = new CopyOnWriteArrayList<>();
    RuntimeReply reply =
        replied(environment.invoke(request("r-1", "{}"), Duration.ofSeconds(30), output::add));
    assertFalse(reply.failed(), new String(reply.payload(), UTF_8));
    JsonNode probe = JSON.readTree(reply.payload());

    TreeSet<String> expected =
        new TreeSet<>(
            FixtureFunctions.lambdaEnvironment("Fn", "fixtures.ProcessProbe", 256).keySet());
    expected.add("AWS_LAMBDA_RUNTIME_API");
    expected.add("JAVA_TOOL_OPTIONS");
    if (probe.get("environNames").size()
        > 0) { // Linux: what the OS itself says the process's environment is
      assertEquals(
          expected, new TreeSet<>(JSON.convertValue(probe.get("environNames"), List.class)));
    }
    assertEquals(FixtureFunctions.codeRoot().toString(), probe.get("workingDirectory").asText());
    assertTrue(probe.get("relativeRead").asBoolean());
    assertEquals(
        "from-template",
        probe.get("probeFlag").asText(),
        "the template's JAVA_TOOL_OPTIONS reaches the JVM");
    assertTrue(
        probe.get("jvmArguments").toString().contains("-XX:MaxHeapSize=222822k"),
        probe.get("jvmArguments").toString());
    assertTrue(probe.get("maxHeapBytes").asLong() <= 222822L * 1024, probe.toString());
    assertEquals("UTC", probe.get("timeZone").asText());
    assertEquals("Fn", probe.get("functionName").asText());
    assertEquals("r-1", probe.get("requestId").asText());
    assertTrue(probe.get("remainingMillis").asInt() > 20_000);
    assertTrue(output.contains("probe ran for r-1"), output.toString());
    assertTrue(
        environment.maxMemoryUsedMb().isEmpty() || environment.maxMemoryUsedMb().getAsLong() > 10);
  }

  @Test
  void anEnvironmentIsReusedOneInvocationAtATime() throws Exception {
    ChildEnvironment environment = start("fixtures.Counter", 128, Map.of());
    replied(environment.init(INIT_LIMIT));
    String[] first =
        JSON.readTree(
                replied(environment.invoke(request("a", "{}"), Duration.ofSeconds(30), line -> {}))
                    .payload())
            .get("body")
            .asText()
            .split(" ");
    String[] second =
        JSON.readTree(
                replied(environment.invoke(request("b", "{}"), Duration.ofSeconds(30), line -> {}))
                    .payload())
            .get("body")
            .asText()
            .split(" ");
    assertEquals("1", first[0]);
    assertEquals("2", second[0], "the same instance counts on");
    assertEquals(first[1], second[1], "the class was loaded once");
  }

  @Test
  void everythingPrintedBeforeTheAnswerIsHandedOnBeforeTheInvocationReturns() throws Exception {
    ChildEnvironment environment = start("fixtures.Printer", 128, Map.of());
    replied(environment.init(INIT_LIMIT));
    for (String id : List.of("p-1", "p-2", "p-3")) {
      List<String> output = new CopyOnWriteArrayList<>();
      // more than a pipe holds (64 KiB), so the child also needs its output read while it runs
      RuntimeReply reply =
          replied(
              environment.invoke(
                  request(id, "{\"lines\":5000}"), Duration.ofSeconds(30), output::add));
      assertEquals("\"printed 5000\"", new String(reply.payload(), UTF_8));
      assertEquals(5000, output.size(), "all of its lines, and nothing of the invocation before");
      assertTrue(output.stream().allMatch(line -> line.endsWith(" of " + id)), output.get(0));
      assertTrue(output.contains("line 5000 of " + id) && output.contains("line 4999 of " + id));
    }
  }

  @Test
  void whatAChildPrintsAfterItAnsweredStillComesOut() throws Exception {
    ChildEnvironment environment = start("fixtures.Printer", 128, Map.of());
    replied(environment.init(INIT_LIMIT));
    BlockingQueue<String> output = new LinkedBlockingQueue<>();
    replied(
        environment.invoke(
            request("l-1", "{\"later\":\"from a thread after l-1\"}"),
            Duration.ofSeconds(30),
            output::add));
    assertEquals(
        "from a thread after l-1",
        output.poll(10, TimeUnit.SECONDS),
        "nobody reads the child's output meanwhile");
  }

  @Test
  void theLastWordsBeforeAnExitComeOutEvenWithoutALineEnd() throws Exception {
    ChildEnvironment environment = start("fixtures.Printer", 128, Map.of());
    replied(environment.init(INIT_LIMIT));
    List<String> output = new CopyOnWriteArrayList<>();
    ChildEnvironment.Outcome outcome =
        environment.invoke(
            request("x-1", "{\"lines\":3,\"lastWords\":\"goodbye\"}"),
            Duration.ofSeconds(30),
            output::add);
    assertEquals(7, assertInstanceOf(ChildEnvironment.Outcome.Exited.class, outcome).status());
    assertEquals(List.of("line 1 of x-1", "line 2 of x-1", "line 3 of x-1", "goodbye"), output);
  }

  @Test
  void anExitIsTheRuntimesExitError() throws Exception {
    ChildEnvironment environment = start("fixtures.Exiter", 128, Map.of());
    replied(environment.init(INIT_LIMIT));
    ChildEnvironment.Outcome outcome =
        environment.invoke(request("x", "{\"how\":\"exit\"}"), Duration.ofSeconds(30), line -> {});
    ChildEnvironment.Outcome.Exited exited =
        assertInstanceOf(ChildEnvironment.Outcome.Exited.class, outcome);
    assertEquals("Runtime exited with error: exit status 3", exited.message());
  }

  @Test
  void aHaltIsAnExitToo() throws Exception {
    ChildEnvironment environment = start("fixtures.Exiter", 128, Map.of());
    replied(environment.init(INIT_LIMIT));
    ChildEnvironment.Outcome outcome =
        environment.invoke(request("h", "{\"how\":\"halt\"}"), Duration.ofSeconds(30), line -> {});
    assertEquals(5, assertInstanceOf(ChildEnvironment.Outcome.Exited.class, outcome).status());
  }

  @Test
  void aTimeoutLeavesTheCallerToKillTheChild() throws Exception {
    ChildEnvironment environment = start("fixtures.Sleepy", 128, Map.of());
    replied(environment.init(INIT_LIMIT));
    ChildEnvironment.Outcome outcome =
        environment.invoke(request("s", "{}"), Duration.ofMillis(300), line -> {});
    assertInstanceOf(ChildEnvironment.Outcome.TimedOut.class, outcome);
    environment.kill();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (environment.isAlive() && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertFalse(environment.isAlive());
  }

  @Test
  void aClassThatFailsToInitialiseEndsInitWithTheRuntimesError() throws Exception {
    ChildEnvironment environment = start("fixtures.Handlers$FailingStaticInit", 128, Map.of());
    ChildEnvironment.Outcome outcome = environment.init(INIT_LIMIT);
    if (outcome instanceof ChildEnvironment.Outcome.Replied replied) {
      assertTrue(replied.reply().failed());
      assertTrue(
          new String(replied.reply().payload(), UTF_8)
              .contains("Error loading class fixtures.Handlers$FailingStaticInit"));
    } else {
      // the child may exit before its /init/error is read; either way Init failed
      assertInstanceOf(ChildEnvironment.Outcome.Exited.class, outcome);
    }
  }

  @Test
  void aMissingClassFailsEveryInvocationWithTheRuntimesMessage() throws Exception {
    ChildEnvironment environment = start("fixtures.DoesNotExist", 128, Map.of());
    assertFalse(replied(environment.init(INIT_LIMIT)).failed());
    RuntimeReply reply =
        replied(environment.invoke(request("m", "{}"), Duration.ofSeconds(30), line -> {}));
    assertEquals("java.lang.ClassNotFoundException", reply.errorType());
    assertEquals(
        "{\"errorMessage\":\"Class not found: fixtures.DoesNotExist\",\"errorType\":\"java.lang.ClassNotFoundException\"}",
        new String(reply.payload(), UTF_8));
  }

  @Test
  void aThrowingHandlerAnswersWithTheErrorDocument() throws Exception {
    ChildEnvironment environment = start("fixtures.Failing", 128, Map.of());
    replied(environment.init(INIT_LIMIT));
    RuntimeReply reply =
        replied(environment.invoke(request("f", "{}"), Duration.ofSeconds(30), line -> {}));
    assertTrue(reply.failed());
    JsonNode document = JSON.readTree(reply.payload());
    assertEquals(reply.errorType(), document.get("errorType").asText());
    assertTrue(document.get("stackTrace").isArray());
  }
}
