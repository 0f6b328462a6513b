package io.localsam.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A client that sends bytes exactly as written, which HTTP clients would refuse or normalise, and
 * reads one response at a time. Every read is bounded, so a server that never answers fails the
 * test instead of hanging it.
 */
final class RawHttp implements AutoCloseable {
  private static final Duration READ_LIMIT = Duration.ofSeconds(20);

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  private RawHttp(Socket socket) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
  }

  static RawHttp connect(int port) {
    try {
      Socket socket = new Socket("127.0.0.1", port);
      socket.setSoTimeout((int) READ_LIMIT.toMillis());
      return new RawHttp(socket);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One request on a fresh connection, and the answer (null when the server closed without one).
   */
  static Answer exchange(int port, String request) {
    return exchange(port, request.getBytes(StandardCharsets.ISO_8859_1));
  }

  static Answer exchange(int port, byte[] request) {
    try (RawHttp http = connect(port)) {
      http.send(request);
      return http.read();
    }
  }

  RawHttp send(String text) {
    return send(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  RawHttp send(byte[] bytes) {
    try {
      out.write(bytes);
      out.flush();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Sends without failing when the server has already closed the connection (it may answer early).
   */
  boolean trySend(byte[] bytes) {
    try {
      out.write(bytes);
      out.flush();
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Reads one response; null when the connection ends (or is reset) before a status line arrives.
   */
  Answer read() {
    try {
      String head = readHead();
      if (head == null) {
        return null;
      }
      String[] lines = head.split("\r\n");
      String statusLine = lines[0];
      int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
      Map<String, List<String>> headers = new LinkedHashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        headers
            .computeIfAbsent(
                lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                k -> new ArrayList<>())
            .add(lines[i].substring(colon + 1).trim());
      }
      byte[] body = readBody(headers);
      return new Answer(status, statusLine, headers, body);
    } catch (SocketTimeoutException e) {
      throw new AssertionError("no complete response within " + READ_LIMIT.toSeconds() + " s", e);
    } catch (IOException e) {
      return null; // reset by the server: no answer
    }
  }

  /** True when the server closes the connection within {@code limit} (reading nothing more). */
  boolean closedByServer(Duration limit) {
    try {
      socket.setSoTimeout((int) limit.toMillis());
      return in.read() < 0;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true; // reset
    } finally {
      try {
        socket.setSoTimeout((int) READ_LIMIT.toMillis());
      } catch (IOException ignored) {
        // closed
      }
    }
  }

  private String readHead() throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        return head.size() == 0
            ? null
            : fail("the connection ended inside the response head: " + head);
      }
      head.write(b);
      matched =
          (b == '\r' && (matched == 0 || matched == 2))
                  || (b == '\n' && (matched == 1 || matched == 3))
              ? matched + 1
              : 0;
      if (head.size() > 1024 * 1024) {
        return fail("a response head over 1 MB");
      }
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    return text.substring(0, text.length() - 4);
  }

  private byte[] readBody(Map<String, List<String>> headers) throws IOException {
    List<String> length = headers.get("content-length");
    if (length != null) {
      return in.readNBytes(Integer.parseInt(length.get(0)));
    }
    List<String> encoding = headers.get("transfer-encoding");
    if (encoding != null && encoding.get(0).equalsIgnoreCase("chunked")) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      while (true) {
        String size = readLine();
        int chunk = Integer.parseInt(size.split(";")[0].trim(), 16);
        if (chunk == 0) {
          while (!readLine().isEmpty()) {
            // trailers
          }
          return body.toByteArray();
        }
        body.write(in.readNBytes(chunk));
        readLine();
      }
    }
    return new byte[0];
  }

  private String readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }

  private static <T> T fail(String message) {
    throw new AssertionError(message);
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  /** A response: status, headers (names lower-case) and body. */
  record Answer(int status, String statusLine, Map<String, List<String>> headers, byte[] bytes) {
    String body() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null ? null : values.get(0);
    }

    /** The server said it will close the connection after this response. */
    boolean closing() {
      return "close".equalsIgnoreCase(header("Connection"));
    }

    @Override
    public String toString() {
      return statusLine + " " + headers + " " + body();
    }
  }
}
