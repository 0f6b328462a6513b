package io.localsam.runtime.process;

import static io.localsam.testsupport.AwsClientAssumption.assumeAwsClientRunsHere;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.localsam.Invocation;
import io.localsam.config.Isolation;
import io.localsam.config.RuntimeClient;
import io.localsam.runtime.child.AwsRuntimeClientMain;
import io.localsam.testsupport.HttpTestClient;
import io.localsam.testsupport.TestApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Java functions in processes of their own on AWS's runtime interface client ({@code
 * --runtime-client aws}), behind the real gateway: the client's answers, errors and exits go
 * through LocalSAM's Runtime API as Lambda's would. The client runs only on Linux x86_64 and
 * aarch64; elsewhere those tests are skipped with the reason, and the refusal is what is tested.
 */
class AwsRuntimeClientTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Optional<String> UNSUPPORTED = AwsRuntimeClientFiles.unsupportedPlatform();

  @TempDir static Path folder;

  static TestApi api;

  @BeforeAll
  static void start() throws Exception {
    Path oldJdk = fakeJdk11();
    api =
        TestApi.start(
            folder,
            """
        Globals:
          Function: {Runtime: java17, CodeUri: ${CODE}, Timeout: 20}
        Resources:
          Hello:
            Type: AWS::Serverless::Function
            Properties:
              Handler: fixtures.Hello
              Events: {Get: {Type: Api, Properties: {Path: /hello, Method: get}}}
          Failing:
            Type: AWS::Serverless::Function
            Properties:
              Handler: fixtures.Failing
              Events: {Get: {Type: Api, Properties: {Path: /failing, Method: get}}}
          Exiter:
            Type: AWS::Serverless::Function
            Properties: {Handler: fixtures.Exiter}
          Probe:
            Type: AWS::Serverless::Function
            Properties: {Handler: fixtures.ProcessProbe, MemorySize: 512}
          Misbehaving:
            Type: AWS::Serverless::Function
            Properties: {Handler: fixtures.Misbehaving}
          OldJdk:
            Type: AWS::Serverless::Function
            Properties:
              Handler: fixtures.Hello
              Runtime: java11
              Events: {Get: {Type: Api, Properties: {Path: /old, Method: get}}}
        """,
            options ->
                options.isolation(
                    new Isolation(false, Set.of(), Map.of("java11", oldJdk), 0, Set.of())
                        .withRuntimeClient(RuntimeClient.AWS)));
  }

  /**
   * A JDK 11 as LocalSAM recognises one (a release file and a launcher), which its launcher cannot
   * run on.
   */
  private static Path fakeJdk11() throws Exception {
    Path home = Files.createDirectories(folder.resolve("jdk-11"));
    Files.writeString(home.resolve("release"), "JAVA_VERSION=\"11.0.2\"\n");
    Files.writeString(Files.createDirectories(home.resolve("bin")).resolve("java"), "never run\n");
    return home;
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void startUpLinesSayTheFunctionsRunOnAwsRuntimeClient() {
    assumeAwsClientRunsHere();
    assertTrue(
        api.logged(
            "Hello: runs in a process of its own on AWS's runtime interface client: Java 17"),
        api.logs().toString());
  }

  @Test
  void aFunctionAnswersThroughTheGatewayFromAwsClient() throws Exception {
    assumeAwsClientRunsHere();
    HttpTestClient.Response response = api.http().get("/hello?name=ric");
    assertEquals(200, response.status(), response.body());
    assertEquals("{\"message\":\"hello ric\",\"function\":\"Hello\"}", response.body());

    JsonNode probe = JSON.readTree(api.emulator().invoke("Probe", "{}").response());
    String jvm = probe.get("jvmArguments").toString();
    assertTrue(
        jvm.contains("-XX:MaxHeapSize=445645k") && jvm.contains("-XX:+UseSerialGC"),
        "Lambda's flags: " + jvm);
    assertTrue(
        jvm.contains("-D" + AwsRuntimeClientMain.NATIVE_LIBRARY + "="),
        "the client loads the library LocalSAM unpacked: " + jvm);
    assertEquals("Probe", probe.get("functionName").asText(), "AWS's client builds the context");
    assertEquals(TestApi.codeFolder().toString(), probe.get("workingDirectory").asText());
  }

  @Test
  void aThrownExceptionIsTheDocumentTheClientPosted() throws Exception {
    assumeAwsClientRunsHere();
    Invocation failed = api.emulator().invoke("Failing", "{}");
    assertEquals(
        "Runtime.UserException",
        failed.error(),
        "the kind AWS's client names in the error-type header");
    JsonNode document = JSON.readTree(failed.response());
    assertEquals("outer boom", document.get("errorMessage").asText());
    assertEquals("java.lang.IllegalStateException", document.get("errorType").asText());
    assertTrue(
        document.get("stackTrace").get(0).asText().startsWith("fixtures.Failing.handleRequest"),
        failed.response());

    HttpTestClient.Response response = api.http().get("/failing");
    assertEquals(502, response.status(), response.body());
    assertEquals(
        200, api.http().get("/hello").status(), "the function's process is reused after an error");
  }

  @Test
  void systemExitIsTheRuntimesExitErrorAndTheNextRequestGetsAFreshProcess() throws Exception {
    assumeAwsClientRunsHere();
    Invocation exited = api.emulator().invoke("Exiter", "{\"how\":\"exit\"}");
    assertEquals("Runtime.ExitError", exited.error(), exited.response());
    assertEquals(
        "RequestId: " + exited.requestId() + " Error: Runtime exited with error: exit status 3",
        JSON.readTree(exited.response()).get("errorMessage").asText());
    assertEquals(
        "\"alive after 1\"", api.emulator().invoke("Exiter", "{}").response(), "a fresh process");
  }

  @Test
  void anErrorAfterWhichTheClientEndsItsLoopGetsTheNextRequestAFreshProcess() throws Exception {
    assumeAwsClientRunsHere();
    Invocation overflow = api.emulator().invoke("Misbehaving", "{\"do\":\"recurse\"}");
    assertEquals(
        "java.lang.StackOverflowError",
        JSON.readTree(overflow.response()).get("errorType").asText());

    Invocation next = api.emulator().invoke("Misbehaving", "{}");
    assertFalse(
        next.failed(),
        "answered by a fresh process, not left waiting for one that stopped asking: "
            + next.response());
  }

  @Test
  void aJdkItCannotStartOnIsOneClearErrorAtStartUpAndOnEveryInvocationAndTheServerLivesOn()
      throws Exception {
    assertTrue(
        api.logged(
            "OldJdk: runs in a process of its own, which cannot start: Function OldJdk: AWS's runtime interface"
                + " client "),
        api.logs().toString());
    for (int i = 0; i < 2; i++) {
      Invocation refused = api.emulator().invoke("OldJdk", "{}");
      assertEquals("Runtime.InvalidRuntime", refused.error(), refused.response());
      String message = JSON.readTree(refused.response()).get("errorMessage").asText();
      assertTrue(message.startsWith("Function OldJdk: AWS's runtime interface client "), message);
      assertTrue(
          UNSUPPORTED.isPresent()
              || message.contains("needs Java 17 or newer, and the JDK chosen is Java 11"),
          message);
    }
    HttpTestClient.Response response = api.http().get("/old");
    assertEquals(502, response.status(), response.body());
    List<String> refusals = api.logs().stream().filter(line -> line.contains("OldJdk")).toList();
    assertFalse(
        refusals.stream().anyMatch(line -> line.contains("\tat ")), "no stack trace: " + refusals);
    assertEquals(
        UNSUPPORTED.isEmpty() ? 200 : 502,
        api.http().get("/hello").status(),
        "the server lives on");
  }

  @Test
  void whereTheClientDoesNotRunEveryJavaFunctionSaysSo() {
    assumeTrue(UNSUPPORTED.isPresent(), "AWS's runtime interface client runs on this machine");
    assertTrue(
        api.logged(
            "Hello: runs in a process of its own, which cannot start: Function Hello: "
                + UNSUPPORTED.get()),
        api.logs().toString());
    Invocation refused = api.emulator().invoke("Hello", "{}");
    assertEquals("Runtime.InvalidRuntime", refused.error(), refused.response());
  }
}
