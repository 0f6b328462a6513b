package io.localsam.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.localsam.testsupport.TestApi;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /__localsam/api/stream}: invocations pushed as Server-Sent Events, as they happen. */
class InvocationStreamTest {
  @TempDir Path folder;

  @Test
  void each_invocation_is_pushed_with_its_status_once_answered_and_a_reset_is_told()
      throws Exception {
    try (TestApi api = TestApi.start(folder, TestApi.HELLO_TEMPLATE)) {
      BlockingQueue<String> lines = new LinkedBlockingQueue<>();
      HttpClient client = HttpClient.newHttpClient();
      HttpResponse<Stream<String>> stream =
          client.send(
              HttpRequest.newBuilder(api.emulator().uri("/__localsam/api/stream")).build(),
              HttpResponse.BodyHandlers.ofLines());
      assertEquals(200, stream.statusCode());
      assertTrue(
          stream.headers().firstValue("content-type").orElse("").startsWith("text/event-stream"));
      Thread reader =
          new Thread(
              () -> {
                try {
                  stream.body().forEach(lines::add);
                } catch (java.io.UncheckedIOException closed) {
                  // the test closed the stream: reading ends
                }
              });
      reader.setDaemon(true);
      reader.start();
      awaitLine(lines, "event:hello");

      api.http().get("/hello?name=streamed");

      String data = awaitLine(lines, "\"status\":200");
      assertTrue(data.startsWith("data:"), data);
      assertTrue(data.contains("\"path\":\"/hello?name=streamed\""), data);
      assertTrue(data.contains("\"cold\":true"), data);
      api.http().post("/__localsam/api/reset", "");
      awaitLine(lines, "event:reset");
      stream.body().close();
    }
  }

  /** The first line containing {@code text}, waiting up to 10 s for it. */
  private static String awaitLine(BlockingQueue<String> lines, String text)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    StringBuilder seen = new StringBuilder();
    while (System.nanoTime() < deadline) {
      String line = lines.poll(100, TimeUnit.MILLISECONDS);
      if (line != null) {
        seen.append(line).append('\n');
        if (line.contains(text)) {
          return line;
        }
      }
    }
    throw new AssertionError("no line with " + text + " in:\n" + seen);
  }
}
