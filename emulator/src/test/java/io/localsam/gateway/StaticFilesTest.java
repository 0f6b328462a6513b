package io.localsam.gateway;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.localsam.testsupport.HttpTestClient.Response;
import io.localsam.testsupport.TestApi;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SAM CLI's static folder: `public` beside the template served at /, routes first, nothing outside
 * it.
 */
class StaticFilesTest {
  private static final String NO_ROUTE = "{\"message\":\"Missing Authentication Token\"}";

  @TempDir Path folder;

  @Test
  void serves_files_of_the_public_folder_and_nothing_outside_it() throws Exception {
    Files.createDirectories(folder.resolve("app/public/css"));
    Files.writeString(folder.resolve("app/public/index.html"), "<h1>home</h1>");
    Files.writeString(folder.resolve("app/public/css/site.css"), "h1{}");
    Files.writeString(folder.resolve("app/secret.txt"), "do not serve");
    try (TestApi api =
        TestApi.start(
            Files.createDirectories(folder.resolve("app")),
            """
        Resources:
          Hello:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: ${CODE}
              Handler: fixtures.Hello
              Runtime: java17
              Events:
                Get: {Type: Api, Properties: {Path: /index.html, Method: get}}
        """)) {
      Response css = api.http().get("/css/site.css");
      assertEquals(200, css.status());
      assertEquals("h1{}", css.body());
      assertEquals("text/css", css.header("Content-Type"));
      assertTrue(
          api.http().get("/index.html").body().contains("hello world"), "a route wins over a file");
      assertEquals(
          403, api.http().post("/css/site.css", "").status(), "only GET and HEAD reach files");
      assertEquals(403, api.http().get("/css").status(), "no directory listing");
      assertEquals(403, api.http().get("/%2e%2e/secret.txt").status());
      assertEquals(403, rawGet(api, "/../secret.txt"), "a raw .. path never leaves the folder");
      assertTrue(api.logged("Mounting static files from"));
    }
  }

  @Test
  void a_link_is_served_only_when_its_real_target_is_inside_the_folder() throws Exception {
    Path app = Files.createDirectories(folder.resolve("app"));
    Path pub = Files.createDirectories(app.resolve("public"));
    Files.createDirectories(pub.resolve("assets"));
    Files.writeString(pub.resolve("index.html"), "<h1>home</h1>");
    Files.writeString(pub.resolve("assets/app.js"), "let app;");
    Files.writeString(folder.resolve("secret.txt"), "host secret");
    Files.writeString(
        Files.createDirectories(app.resolve("public-secrets")).resolve("key.txt"),
        "sibling secret");
    Files.createSymbolicLink(pub.resolve("home.html"), pub.resolve("index.html"));
    Files.createSymbolicLink(pub.resolve("js"), Path.of("assets"));
    Files.createSymbolicLink(pub.resolve("secret.txt"), folder.resolve("secret.txt"));
    Files.createSymbolicLink(pub.resolve("up.txt"), Path.of("../../secret.txt"));
    Files.createSymbolicLink(pub.resolve("root"), Path.of("/"));
    Files.createSymbolicLink(pub.resolve("env"), Path.of("/proc/self/environ"));
    Files.createSymbolicLink(
        pub.resolve("sibling"), app.resolve("public-secrets")); // same prefix, other folder
    try (TestApi api = TestApi.start(app, TestApi.HELLO_TEMPLATE)) {
      assertEquals(
          "<h1>home</h1>", api.http().get("/home.html").body(), "a link to a file of the folder");
      assertEquals(
          "let app;", api.http().get("/js/app.js").body(), "a link to a folder of the folder");

      for (String path :
          new String[] {
            "/secret.txt",
            "/up.txt",
            "/root/etc/passwd",
            "/root/etc/hostname",
            "/env",
            "/root/proc/self/environ",
            "/sibling/key.txt",
            "/root"
          }) {
        Response response = api.http().get(path);
        assertEquals(
            403, response.status(), path + " is answered as an unknown path: " + response.body());
        assertEquals(NO_ROUTE, response.body(), path);
      }
      assertEquals(
          403, raw(api, "HEAD /env HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 0).status());
    }
  }

  @Test
  void the_environment_behind_a_link_to_proc_is_never_served() throws Exception {
    Path environ = Path.of("/proc/self/environ");
    assumeTrue(Files.isReadable(environ), "Linux's /proc");
    Path app = Files.createDirectories(folder.resolve("app"));
    Path pub = Files.createDirectories(app.resolve("public"));
    Files.createSymbolicLink(pub.resolve("env"), environ);
    Files.createSymbolicLink(pub.resolve("proc"), Path.of("/proc"));
    try (TestApi api = TestApi.start(app, TestApi.HELLO_TEMPLATE)) {
      for (String path :
          new String[] {"/env", "/proc/self/environ", "/proc/self/cmdline", "/proc/1/environ"}) {
        Answer answer =
            raw(api, "GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 4096);
        assertEquals(403, answer.status(), path);
        assertFalse(
            answer.text().contains("PATH="), path + " leaks the environment: " + answer.text());
      }
    }
  }

  @Test
  void a_named_pipe_in_the_folder_is_answered_as_an_unknown_path() throws Exception {
    Path app = Files.createDirectories(folder.resolve("app"));
    Path pipe = Files.createDirectories(app.resolve("public")).resolve("pipe");
    Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).start();
    assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo (Unix)");
    try (TestApi api = TestApi.start(app, TestApi.HELLO_TEMPLATE)) {
      Answer answer;
      try {
        answer = raw(api, "GET /pipe HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 100);
      } catch (IOException noAnswer) {
        release(pipe); // so the server can stop and the test fails instead of hanging
        throw noAnswer;
      }

      assertEquals(
          403, answer.status(), "reading a pipe would hold a worker until someone writes to it");
      assertEquals(NO_ROUTE, answer.text());
    }
  }

  @Test
  void a_file_larger_than_the_heap_is_streamed_with_ranges_and_validators() throws Exception {
    long size = 3L * 1024 * 1024 * 1024; // over 2 GB: no array can hold it
    Path app = Files.createDirectories(folder.resolve("app"));
    Path big = Files.createDirectories(app.resolve("public")).resolve("big.bin");
    try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
      file.write("first bytes".getBytes(StandardCharsets.US_ASCII));
      file.setLength(size); // sparse: no 3 GB on disk
      file.seek(size - 9);
      file.write("last part".getBytes(StandardCharsets.US_ASCII));
    }
    try (TestApi api = TestApi.start(app, TestApi.HELLO_TEMPLATE)) {
      Answer whole = raw(api, "GET /big.bin HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 11);
      assertEquals(200, whole.status(), whole.text());
      assertEquals(String.valueOf(size), whole.header("Content-Length"));
      assertEquals(
          "first bytes", whole.text(), "the first bytes arrive while the rest is still on disk");
      assertEquals("bytes", whole.header("Accept-Ranges"));
      assertEquals("application/octet-stream", whole.header("Content-Type"));
      assertNotNull(whole.header("Last-Modified"));
      String etag = whole.header("ETag");
      assertNotNull(etag);

      Answer end =
          raw(
              api,
              "GET /big.bin HTTP/1.1\r\nHost: x\r\nRange: bytes="
                  + (size - 9)
                  + "-\r\nConnection: close\r\n\r\n",
              9);
      assertEquals(206, end.status(), end.text());
      assertEquals(
          "bytes " + (size - 9) + "-" + (size - 1) + "/" + size, end.header("Content-Range"));
      assertEquals("9", end.header("Content-Length"));
      assertArrayEquals("last part".getBytes(StandardCharsets.US_ASCII), end.body());

      Answer head = raw(api, "HEAD /big.bin HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 0);
      assertEquals(200, head.status());
      assertEquals(String.valueOf(size), head.header("Content-Length"));

      Answer unchanged =
          raw(
              api,
              "GET /big.bin HTTP/1.1\r\nHost: x\r\nIf-None-Match: "
                  + etag
                  + "\r\nConnection: close\r\n\r\n",
              0);
      assertEquals(304, unchanged.status(), "the tag validates a cached copy");
    }
  }

  @Test
  void six_concurrent_downloads_of_a_200_megabyte_file_all_complete() throws Exception {
    long size = 200L * 1024 * 1024;
    Path app = Files.createDirectories(folder.resolve("app"));
    try (RandomAccessFile file =
        new RandomAccessFile(
            Files.createDirectories(app.resolve("public")).resolve("video.mp4").toFile(), "rw")) {
      file.setLength(size);
    }
    ExecutorService clients = Executors.newFixedThreadPool(6);
    try (TestApi api = TestApi.start(app, TestApi.HELLO_TEMPLATE)) {
      List<Future<Long>> downloads = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        downloads.add(clients.submit(() -> downloadedBytes(api, "/video.mp4")));
      }
      for (Future<Long> download : downloads) {
        assertEquals(
            size, download.get(120, TimeUnit.SECONDS), "every download completes, byte for byte");
      }
    } finally {
      clients.shutdownNow();
    }
  }

  /** Opens the pipe for writing and closes it: a worker blocked reading it gets its end. */
  private static void release(Path pipe) throws InterruptedException {
    Thread writer =
        new Thread(
            () -> {
              try {
                Files.write(pipe, new byte[0]);
              } catch (IOException ignored) {
                // nobody was reading it
              }
            });
    writer.setDaemon(true); // opening a pipe nobody reads blocks for ever
    writer.start();
    writer.join(5_000);
  }

  /**
   * A response's status line, headers, and the first {@code bodyBytes} of its body (the rest is
   * never read).
   */
  record Answer(int status, Map<String, String> headers, byte[] body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    String text() {
      return new String(body, StandardCharsets.ISO_8859_1);
    }
  }

  /**
   * Sends a request exactly as written and reads the head and at most {@code bodyBytes}, each read
   * bounded.
   */
  private static Answer raw(TestApi api, String request, int bodyBytes) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", api.emulator().port())) {
      socket.setSoTimeout(20_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      Answer head = readHead(in);
      String length = head.header("Content-Length");
      int wanted = length == null ? bodyBytes : (int) Math.min(bodyBytes, Long.parseLong(length));
      return new Answer(head.status(), head.headers(), in.readNBytes(wanted));
    }
  }

  /** Downloads a whole file and returns how many body bytes arrived (none are kept). */
  private static long downloadedBytes(TestApi api, String path) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", api.emulator().port())) {
      socket.setSoTimeout(20_000);
      socket
          .getOutputStream()
          .write(
              ("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      assertEquals(200, readHead(in).status());
      byte[] buffer = new byte[64 * 1024];
      long total = 0;
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        total += n;
      }
      return total;
    }
  }

  private static Answer readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new AssertionError("the connection ended inside the response head: " + head);
      }
      head.write(b);
    }
    String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(
          lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
          lines[i].substring(colon + 1).trim());
    }
    return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, new byte[0]);
  }

  /** Sends a request line exactly as written, which HTTP clients would normalise. */
  private static int rawGet(TestApi api, String path) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", api.emulator().port())) {
      socket
          .getOutputStream()
          .write(
              ("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
      return Integer.parseInt(status.substring(9, 12));
    }
  }
}
