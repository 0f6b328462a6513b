package io.localsam.runtime.process;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Runtime API as a runtime sees it, over real HTTP: the paths, headers and status codes Lambda
 * documents.
 */
class RuntimeApiServerTest {
  private final HttpClient http = HttpClient.newHttpClient();
  private RuntimeApiServer server;
  private String base;

  @BeforeEach
  void start() {
    server = RuntimeApiServer.start();
    base = "http://" + server.address() + "/2018-06-01/runtime";
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void listensOnLoopbackAndAFreePort() {
    assertTrue(server.address().startsWith("127.0.0.1:"));
    assertFalse(server.address().endsWith(":0"));
  }

  @Test
  void initEndsWhenTheRuntimeFirstAsksForWorkAndTheEventComesWithLambdasHeaders() throws Exception {
    CompletableFuture<HttpResponse<String>> next =
        http.sendAsync(get("/invocation/next"), HttpResponse.BodyHandlers.ofString());
    RuntimeReply init = server.init().get(10, TimeUnit.SECONDS);
    assertFalse(init.failed());

    CompletableFuture<RuntimeReply> reply =
        server.invoke(
            new RuntimeRequest(
                "req-1",
                1_700_000_000_123L,
                "arn:aws:lambda:us-east-1:123456789012:function:F",
                "Root=1-abc",
                "{\"a\":1}".getBytes(UTF_8)));
    HttpResponse<String> event = next.get(10, TimeUnit.SECONDS);
    assertEquals(200, event.statusCode());
    assertEquals("{\"a\":1}", event.body());
    assertEquals(
        "req-1", event.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow());
    assertEquals(
        "1700000000123", event.headers().firstValue("Lambda-Runtime-Deadline-Ms").orElseThrow());
    assertEquals(
        "arn:aws:lambda:us-east-1:123456789012:function:F",
        event.headers().firstValue("Lambda-Runtime-Invoked-Function-Arn").orElseThrow());
    assertEquals("Root=1-abc", event.headers().firstValue("Lambda-Runtime-Trace-Id").orElseThrow());
    assertFalse(reply.isDone());

    HttpResponse<String> posted =
        http.send(
            post("/invocation/req-1/response", "\"done\"", null),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(202, posted.statusCode());
    RuntimeReply answer = reply.get(10, TimeUnit.SECONDS);
    assertFalse(answer.failed());
    assertEquals("\"done\"", new String(answer.payload(), UTF_8));
  }

  @Test
  void anErrorCarriesTheRuntimesErrorType() throws Exception {
    CompletableFuture<RuntimeReply> reply =
        server.invoke(new RuntimeRequest("req-2", 0, "arn", null, new byte[0]));
    HttpResponse<String> event =
        http.send(get("/invocation/next"), HttpResponse.BodyHandlers.ofString());
    assertTrue(event.headers().firstValue("Lambda-Runtime-Trace-Id").isEmpty());

    String document =
        "{\"errorMessage\":\"boom\",\"errorType\":\"java.lang.IllegalStateException\"}";
    assertEquals(
        202,
        http.send(
                post("/invocation/req-2/error", document, "java.lang.IllegalStateException"),
                HttpResponse.BodyHandlers.ofString())
            .statusCode());
    RuntimeReply error = reply.get(10, TimeUnit.SECONDS);
    assertEquals("java.lang.IllegalStateException", error.errorType());
    assertEquals(document, new String(error.payload(), UTF_8));
  }

  @Test
  void anErrorWithoutATypeIsUnhandled() throws Exception {
    CompletableFuture<RuntimeReply> reply =
        server.invoke(new RuntimeRequest("req-3", 0, "arn", null, new byte[0]));
    http.send(get("/invocation/next"), HttpResponse.BodyHandlers.ofString());
    http.send(post("/invocation/req-3/error", "{}", null), HttpResponse.BodyHandlers.ofString());
    assertEquals("Unhandled", reply.get(10, TimeUnit.SECONDS).errorType());
  }

  @Test
  void anInitErrorEndsInit() throws Exception {
    HttpResponse<String> posted =
        http.send(
            post("/init/error", "{\"errorMessage\":\"no\"}", "Runtime.Unknown"),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(202, posted.statusCode());
    RuntimeReply init = server.init().get(10, TimeUnit.SECONDS);
    assertEquals("Runtime.Unknown", init.errorType());
    assertEquals("{\"errorMessage\":\"no\"}", new String(init.payload(), UTF_8));
  }

  @Test
  void anUnknownRequestIdIsRefused() throws Exception {
    HttpResponse<String> posted =
        http.send(
            post("/invocation/nobody/response", "{}", null), HttpResponse.BodyHandlers.ofString());
    assertEquals(400, posted.statusCode());
    assertTrue(posted.body().contains("InvalidRequestID"), posted.body());
  }

  @Test
  void aChunkedBodyIsReadWhole() throws Exception {
    CompletableFuture<RuntimeReply> reply =
        server.invoke(new RuntimeRequest("req-5", 0, "arn", null, new byte[0]));
    http.send(get("/invocation/next"), HttpResponse.BodyHandlers.ofString());
    byte[] body = "{\"big\":\"".concat("x".repeat(100_000)).concat("\"}").getBytes(UTF_8);
    // a body of unknown length: the JDK's client sends it chunked
    HttpRequest chunked =
        HttpRequest.newBuilder(URI.create(base + "/invocation/req-5/response"))
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
            .build();
    assertEquals(202, http.send(chunked, HttpResponse.BodyHandlers.ofString()).statusCode());
    assertArrayEquals(body, reply.get(10, TimeUnit.SECONDS).payload());
  }

  @Test
  void aLongPollWaitsWithoutAThreadAndClosingEndsIt() throws Exception {
    CompletableFuture<HttpResponse<String>> next =
        http.sendAsync(get("/invocation/next"), HttpResponse.BodyHandlers.ofString());
    server.init().get(10, TimeUnit.SECONDS);
    assertTrue(
        Thread.getAllStackTraces().keySet().stream()
            .noneMatch(thread -> thread.getName().startsWith("localsam-runtime-api task")),
        "no thread of ours waits for the poll's answer");
    server.close();
    ExecutionException ended =
        assertThrows(ExecutionException.class, () -> next.get(10, TimeUnit.SECONDS));
    assertInstanceOf(IOException.class, ended.getCause());
  }

  @Test
  void environmentsShareOneIoThread() throws Exception {
    long ioThreadsForOne = ioThreads(); // this test's server is open: the worker runs
    List<RuntimeApiServer> servers = new ArrayList<>();
    try {
      for (int i = 0; i < 5; i++) {
        servers.add(RuntimeApiServer.start());
      }
      List<CompletableFuture<HttpResponse<String>>> polls = new ArrayList<>();
      for (RuntimeApiServer each : servers) {
        polls.add(
            http.sendAsync(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://" + each.address() + "/2018-06-01/runtime/invocation/next"))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString()));
        each.init().get(10, TimeUnit.SECONDS);
      }
      assertTrue(ioThreads() <= ioThreadsForOne, "six environments, the I/O thread of one");
      for (int i = 0; i < servers.size(); i++) {
        CompletableFuture<RuntimeReply> reply =
            servers.get(i).invoke(new RuntimeRequest("s-" + i, 0, "arn", null, new byte[0]));
        assertEquals(
            "s-" + i,
            polls
                .get(i)
                .get(10, TimeUnit.SECONDS)
                .headers()
                .firstValue("Lambda-Runtime-Aws-Request-Id")
                .orElseThrow());
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://"
                            + servers.get(i).address()
                            + "/2018-06-01/runtime/invocation/s-"
                            + i
                            + "/response"))
                .POST(HttpRequest.BodyPublishers.ofString("" + i))
                .build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals("" + i, new String(reply.get(10, TimeUnit.SECONDS).payload(), UTF_8));
      }
    } finally {
      servers.forEach(RuntimeApiServer::close);
    }
  }

  private static long ioThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().startsWith("localsam-runtime-api I/O"))
        .count();
  }

  @Test
  void closingFailsWhatWasNotAnswered() {
    CompletableFuture<RuntimeReply> reply =
        server.invoke(new RuntimeRequest("req-4", 0, "arn", null, new byte[0]));
    server.close();
    assertTrue(reply.isCompletedExceptionally());
  }

  private HttpRequest get(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).GET().build();
  }

  private HttpRequest post(String path, String body, String errorType) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (errorType != null) {
      request.header("Lambda-Runtime-Function-Error-Type", errorType);
    }
    return request.build();
  }
}
