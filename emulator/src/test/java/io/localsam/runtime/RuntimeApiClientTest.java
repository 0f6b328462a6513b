package io.localsam.runtime;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.localsam.runtime.process.RuntimeApiServer;
import io.localsam.runtime.process.RuntimeReply;
import io.localsam.runtime.process.RuntimeRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The child's Runtime API client over real sockets: against LocalSAM's server, and against servers
 * that end connections.
 */
class RuntimeApiClientTest {
  @Test
  void takesInvocationsAndAnswersThemOverLocalSamsServer() throws Exception {
    try (RuntimeApiServer server = RuntimeApiServer.start()) {
      RuntimeApiClient client = new RuntimeApiClient(server.address());
      for (String id : List.of("a-1", "a-2", "a-3")) {
        CompletableFuture<RuntimeReply> reply =
            server.invoke(
                new RuntimeRequest(
                    id,
                    1_700_000_000_000L,
                    "arn:aws:lambda:us-east-1:123456789012:function:F",
                    "Root=1-x",
                    "{\"n\":1}".getBytes(UTF_8)));
        RuntimeApiClient.Next next = client.next();
        assertEquals(id, next.requestId());
        assertEquals(1_700_000_000_000L, next.deadlineMillis());
        assertEquals("arn:aws:lambda:us-east-1:123456789012:function:F", next.functionArn());
        assertEquals("Root=1-x", next.traceId());
        assertEquals("{\"n\":1}", new String(next.event(), UTF_8));
        client.response(id, ("\"done " + id + "\"").getBytes(UTF_8));
        assertEquals(
            "\"done " + id + "\"", new String(reply.get(10, TimeUnit.SECONDS).payload(), UTF_8));
      }
      CompletableFuture<RuntimeReply> failed =
          server.invoke(new RuntimeRequest("e-1", 0, "arn", null, new byte[0]));
      RuntimeApiClient.Next next = client.next();
      assertNull(next.traceId());
      client.error("e-1", "{\"errorMessage\":\"no\"}".getBytes(UTF_8), "Runtime.Test");
      RuntimeReply error = failed.get(10, TimeUnit.SECONDS);
      assertEquals("Runtime.Test", error.errorType());
      assertEquals("{\"errorMessage\":\"no\"}", new String(error.payload(), UTF_8));
    }
  }

  @Test
  void aConnectionTheServerEndedBetweenRequestsIsReplacedAndTheRequestSentAgain() throws Exception {
    // each connection gets one answer and is then closed, without saying so: as a server's idle
    // timeout does
    try (ScriptedServer server =
        new ScriptedServer(2, "HTTP/1.1 202 Accepted\r\nContent-Length: 2\r\n\r\nok")) {
      RuntimeApiClient client = new RuntimeApiClient(server.address());
      client.response("r-1", "\"one\"".getBytes(UTF_8));
      client.response("r-2", "\"two\"".getBytes(UTF_8));
      String first = server.requests.poll(10, TimeUnit.SECONDS);
      String second = server.requests.poll(10, TimeUnit.SECONDS);
      assertEquals(
          "POST /2018-06-01/runtime/invocation/r-1/response HTTP/1.1",
          first.lines().findFirst().orElseThrow());
      assertEquals(
          "POST /2018-06-01/runtime/invocation/r-2/response HTTP/1.1",
          second.lines().findFirst().orElseThrow());
      assertEquals("\"two\"", second.substring(second.indexOf("\r\n\r\n") + 4));
    }
  }

  @Test
  void aChunkedEventIsReadWhole() throws Exception {
    String chunked =
        "HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: c-1\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "4\r\n{\"a\"\r\n5;ext=1\r\n:\"bc\"\r\n1\r\n}\r\n0\r\n\r\n";
    try (ScriptedServer server = new ScriptedServer(1, chunked)) {
      RuntimeApiClient.Next next = new RuntimeApiClient(server.address()).next();
      assertEquals("c-1", next.requestId());
      assertEquals(Long.MAX_VALUE, next.deadlineMillis(), "no deadline header");
      assertArrayEquals("{\"a\":\"bc\"}".getBytes(UTF_8), next.event());
      assertFalse(server.requests.isEmpty());
    }
  }

  /**
   * Accepts {@code connections} connections; on each, reads one request, sends {@code answer} and
   * closes it.
   */
  private static final class ScriptedServer implements AutoCloseable {
    final BlockingQueue<String> requests = new LinkedBlockingQueue<>();
    private final ServerSocket socket;
    private final Thread thread;

    ScriptedServer(int connections, String answer) throws IOException {
      socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      socket.setSoTimeout(10_000);
      thread =
          new Thread(
              () -> {
                for (int i = 0; i < connections; i++) {
                  try (Socket connection = socket.accept()) {
                    connection.setSoTimeout(10_000);
                    requests.add(readRequest(connection.getInputStream()));
                    OutputStream out = connection.getOutputStream();
                    out.write(answer.getBytes(UTF_8));
                    out.flush();
                  } catch (IOException e) {
                    return;
                  }
                }
              },
              "scripted-runtime-api");
      thread.start();
    }

    String address() {
      return "127.0.0.1:" + socket.getLocalPort();
    }

    /** The request line, headers and a body of the Content-Length they give. */
    private static String readRequest(InputStream in) throws IOException {
      ByteArrayOutputStream request = new ByteArrayOutputStream();
      while (!request.toString(UTF_8).endsWith("\r\n\r\n")) {
        int b = in.read();
        if (b < 0) {
          throw new IOException("the request ended early");
        }
        request.write(b);
      }
      String head = request.toString(UTF_8);
      int length =
          head.lines()
              .filter(line -> line.regionMatches(true, 0, "Content-Length:", 0, 15))
              .mapToInt(line -> Integer.parseInt(line.substring(15).trim()))
              .findFirst()
              .orElse(0);
      request.write(in.readNBytes(length));
      return request.toString(UTF_8);
    }

    @Override
    public void close() throws Exception {
      socket.close();
      thread.join(10_000);
    }
  }
}
