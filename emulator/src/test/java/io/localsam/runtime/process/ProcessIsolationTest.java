package io.localsam.runtime.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.localsam.Invocation;
import io.localsam.config.Isolation;
import io.localsam.testsupport.HttpTestClient;
import io.localsam.testsupport.TestApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Functions in processes of their own behind the real gateway and {@code FunctionRuntime.invoke}:
 * exits, crashes and timeouts cost only that process (the hostile-function suite runs in this mode
 * too, in {@code HostileFunctionProcessTest}), a custom runtime's shell bootstrap answers HTTP
 * requests, and what cannot start says why.
 */
class ProcessIsolationTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> PROCESS =
      Set.of("Probe", "Exiter", "Sleepy", "Hello", "NoJdk", "Printer");

  @TempDir static Path folder;

  static TestApi api;
  static boolean shell;

  @BeforeAll
  static void start() throws Exception {
    Path shellCode = Files.createDirectories(folder.resolve("shell"));
    shell = CustomRuntimeTest.writeBootstrap(shellCode);
    api =
        TestApi.start(
            folder,
            """
        Globals:
          Function: {Runtime: java17, CodeUri: ${CODE}, Timeout: 20}
        Resources:
          Probe:
            Type: AWS::Serverless::Function
            Properties:
              Handler: fixtures.ProcessProbe
              MemorySize: 512
              Environment: {Variables: {JAVA_TOOL_OPTIONS: -Dprobe.flag=from-template}}
          Exiter:
            Type: AWS::Serverless::Function
            Properties: {Handler: fixtures.Exiter}
          Sleepy:
            Type: AWS::Serverless::Function
            Properties: {Handler: fixtures.Sleepy, Timeout: 1}
          Printer:
            Type: AWS::Serverless::Function
            Properties: {Handler: fixtures.Printer}
          Hello:
            Type: AWS::Serverless::Function
            Properties:
              Handler: fixtures.Hello
              Events: {Get: {Type: Api, Properties: {Path: /hello, Method: get}}}
          NoJdk:
            Type: AWS::Serverless::Function
            Properties:
              Handler: fixtures.Hello
              Runtime: java99
              Events: {Get: {Type: Api, Properties: {Path: /nojdk, Method: get}}}
          InProcess:
            Type: AWS::Serverless::Function
            Properties: {Handler: fixtures.EnvDump}
          Shell:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: provided.al2023
              Handler: bootstrap
              CodeUri: SHELL
              Events: {Get: {Type: Api, Properties: {Path: /shell, Method: get}}}
        """
                .replace("SHELL", shellCode.toString()),
            options -> options.isolation(new Isolation(false, PROCESS, Map.of(), 0, Set.of())));
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  private static JsonNode invoke(String function, String event) {
    Invocation invocation = api.emulator().invoke(function, event);
    try {
      return JSON.readTree(invocation.response());
    } catch (IOException e) {
      throw new AssertionError(invocation.response(), e);
    }
  }

  @Test
  void startUpLinesSayWhichFunctionRunsHow() {
    assertTrue(api.logged("Hello: runs in a process of its own: Java "), api.logs().toString());
    assertTrue(api.logged("InProcess: runs in-process"));
    assertTrue(
        api.logged(
            "Shell: runs in a process of its own: provided.al2023, the bootstrap in its code"));
    assertTrue(
        api.logged(
            "NoJdk: runs in a process of its own, which cannot start: Function NoJdk: No JDK 99 or newer found"
                + " for Runtime java99."));
  }

  @Test
  void aJavaFunctionAnswersThroughTheGateway() {
    HttpTestClient.Response response = api.http().get("/hello?name=child");
    assertEquals(200, response.status(), response.body());
    assertEquals("{\"message\":\"hello child\",\"function\":\"Hello\"}", response.body());
  }

  @Test
  void theProcessEnvironmentWorkingDirectoryHeapAndFlagsAreTheFunctions() throws Exception {
    JsonNode probe = invoke("Probe", "{}");

    List<?> names = JSON.convertValue(probe.get("environNames"), List.class);
    if (!names.isEmpty()) { // Linux: /proc/self/environ is what the OS gave the process
      assertFalse(names.contains("HOME"), names.toString());
      assertFalse(names.contains("USER"), names.toString());
      assertTrue(
          names.containsAll(
              List.of(
                  "AWS_LAMBDA_FUNCTION_NAME",
                  "AWS_LAMBDA_RUNTIME_API",
                  "LAMBDA_TASK_ROOT",
                  "TZ",
                  "LANG",
                  "_HANDLER",
                  "JAVA_TOOL_OPTIONS")),
          names.toString());
    }
    assertEquals(TestApi.codeFolder().toString(), probe.get("workingDirectory").asText());
    assertTrue(
        probe.get("relativeRead").asBoolean(), "a relative read finds the code, as in /var/task");
    assertEquals(
        "from-template", probe.get("probeFlag").asText(), "the template's JAVA_TOOL_OPTIONS");
    assertTrue(
        probe.get("jvmArguments").toString().contains("-XX:MaxHeapSize=445645k"),
        probe.get("jvmArguments").toString());
    assertTrue(probe.get("jvmArguments").toString().contains("-XX:+UseSerialGC"));
  }

  @Test
  void reportGivesTheChildsRealMaxMemoryUsed() {
    invoke("Probe", "{}");
    Pattern report =
        Pattern.compile("\\[Probe] REPORT .*Memory Size: 512 MB\\tMax Memory Used: (\\d+) MB.*");
    int used =
        api.logs().stream()
            .map(report::matcher)
            .filter(Matcher::matches)
            .mapToInt(m -> Integer.parseInt(m.group(1)))
            .reduce((first, last) -> last)
            .orElseThrow(() -> new AssertionError("no REPORT for Probe in " + api.logs()));
    if (Files.isDirectory(Path.of("/proc/self"))) {
      assertTrue(
          used > 10 && used < 512, "a JVM's own peak resident memory, not MemorySize: " + used);
    }
  }

  @Test
  void anExitIsTheRuntimesExitErrorAndTheNextRequestGetsAFreshProcess() throws Exception {
    Invocation exited = api.emulator().invoke("Exiter", "{\"how\":\"exit\"}");
    assertEquals("Runtime.ExitError", exited.error(), exited.response());
    assertEquals(
        "RequestId: " + exited.requestId() + " Error: Runtime exited with error: exit status 3",
        JSON.readTree(exited.response()).get("errorMessage").asText());
    Invocation halted = api.emulator().invoke("Exiter", "{\"how\":\"halt\"}");
    assertTrue(
        JSON.readTree(halted.response()).get("errorMessage").asText().endsWith("exit status 5"),
        halted.response());
    assertEquals(
        "\"alive after 1\"",
        api.emulator().invoke("Exiter", "{}").response(),
        "a fresh process: static state starts over");
    assertEquals(
        "\"alive after 2\"",
        api.emulator().invoke("Exiter", "{}").response(),
        "and is then reused");
  }

  @Test
  void aCrashGivesTheCloudsErrorAndTheNextRequestAFreshProcess() throws Exception {
    Invocation outOfHeap = api.emulator().invoke("Exiter", "{\"how\":\"oom\"}");
    assertEquals("java.lang.OutOfMemoryError", outOfHeap.error(), outOfHeap.response());
    assertEquals(
        "Java heap space",
        JSON.readTree(outOfHeap.response()).get("errorMessage").asText(),
        "the 108 MB heap of 128 MB");
    assertEquals(
        "\"alive after 1\"",
        api.emulator().invoke("Exiter", "{}").response(),
        "the runtime ends after it, as Java's does");

    Invocation outOfStack = api.emulator().invoke("Exiter", "{\"how\":\"stack\"}");
    assertEquals("java.lang.StackOverflowError", outOfStack.error(), outOfStack.response());
    assertEquals("\"alive after 1\"", api.emulator().invoke("Exiter", "{}").response());

    if (Files.isDirectory(Path.of("/proc/self"))) { // a Unix with kill(1)
      Invocation killed = api.emulator().invoke("Exiter", "{\"how\":\"kill\"}");
      assertEquals("Runtime.ExitError", killed.error(), killed.response());
      assertEquals(
          "RequestId: " + killed.requestId() + " Error: Runtime exited with error: signal: killed",
          JSON.readTree(killed.response()).get("errorMessage").asText());
      assertEquals("\"alive after 1\"", api.emulator().invoke("Exiter", "{}").response());
    }
    assertEquals(200, api.http().get("/hello").status(), "LocalSAM lives on");
  }

  @Test
  void everyLineAFunctionPrintsIsLoggedBetweenItsInvocationsStartAndEnd() {
    for (int i = 0; i < 3; i++) {
      String id = api.emulator().invoke("Printer", "{\"lines\":1000}").requestId();
      List<String> logs = api.logs();
      int start = logs.indexOf("[Printer] START RequestId: " + id + " Version: $LATEST");
      int end = logs.indexOf("[Printer] END RequestId: " + id);
      assertTrue(start >= 0 && end > start, logs.toString());
      List<String> between =
          logs.subList(start + 1, end).stream()
              .filter(line -> line.startsWith("[Printer] "))
              .toList();
      assertEquals(
          1000, between.size(), "its 1000 lines and nothing else of Printer's: " + between);
      assertTrue(between.stream().allMatch(line -> line.endsWith(" of " + id)), between.toString());
    }
  }

  @Test
  void aTimeoutKillsTheProcessAndTheNextRequestGetsAFreshOne() {
    Invocation timedOut = api.emulator().invoke("Sleepy", "{}");
    assertEquals("Sandbox.Timedout", timedOut.error(), timedOut.response());
    Invocation next = api.emulator().invoke("Sleepy", "{\"queryStringParameters\":{\"ms\":\"5\"}}");
    assertFalse(next.failed(), next.response());
    assertTrue(next.response().contains("slept 5"), next.response());
  }

  @Test
  void aCustomRuntimesShellBootstrapAnswersThroughTheGateway() throws Exception {
    assumeTrue(shell, "a shell bootstrap with curl needs a Unix with /usr/bin/curl");
    HttpTestClient.Response response = api.http().get("/shell");
    assertEquals(200, response.status(), response.body());
    assertEquals(
        "from shell in " + folder.resolve("shell").toRealPath() + " as Shell", response.body());
  }

  @Test
  void noJdkForTheRuntimeIsOneClearErrorAndTheServerLivesOn() {
    HttpTestClient.Response response = api.http().get("/nojdk");
    assertEquals(502, response.status(), response.body());
    assertFalse(response.body().contains("at io.localsam"), response.body());
    Invocation invocation = api.emulator().invoke("NoJdk", "{}");
    assertTrue(
        invocation.response().contains("No JDK 99 or newer found for Runtime java99"),
        invocation.response());
    assertEquals(200, api.http().get("/hello").status());
  }

  @Test
  void anInProcessFunctionBesideThemKeepsLocalSamsSpeedAndEnvironment() throws Exception {
    JsonNode env = JSON.readTree(invoke("InProcess", "{}").get("body").asText());
    assertFalse(
        env.has("AWS_LAMBDA_RUNTIME_API"), "no Runtime API for a function in LocalSAM's JVM");
    assertEquals(
        new TreeSet<>(List.of("InProcess")),
        new TreeSet<>(List.of(env.get("AWS_LAMBDA_FUNCTION_NAME").asText())));
  }
}
