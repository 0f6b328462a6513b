package io.localsam.runtime;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * The runtime's side of Lambda's Runtime API: HTTP/1.1 over one kept-alive socket to LocalSAM's
 * server on the loopback, each request written whole in one write with Nagle off. The JDK's
 * HttpURLConnection probed a reused connection for a millisecond before every streamed POST and
 * made three times the garbage; this is the whole of what the runtime needs, and it starts faster
 * in a cold JVM.
 */
final class RuntimeApiClient {
  private static final String BASE = "/2018-06-01/runtime";

  private final String host;
  private final int port;
  private final String address;
  private Socket socket;
  private InputStream in;
  private OutputStream out;
  // What was read from the socket and not yet parsed: a plain buffer, not a BufferedInputStream and
  // its lock per byte.
  private final byte[] buffer = new byte[16 * 1024];
  private int position;
  private int limit;
  private final StringBuilder line = new StringBuilder(128);

  /** One invocation as {@code /invocation/next} delivers it. */
  record Next(
      String requestId, long deadlineMillis, String functionArn, String traceId, byte[] event) {}

  /** A status, the headers (names in any case) and the body. */
  private record Response(int status, Map<String, String> headers, byte[] body) {}

  /**
   * @param address {@code AWS_LAMBDA_RUNTIME_API}: host and port
   */
  RuntimeApiClient(String address) {
    int colon = address.lastIndexOf(':');
    this.host = address.substring(0, colon);
    this.port = Integer.parseInt(address.substring(colon + 1));
    this.address = address;
  }

  Next next() throws IOException {
    Response response =
        exchange("GET", "/invocation/next", null, null); // a long poll: no read timeout
    if (response.status() != 200) {
      throw new IOException("Runtime API answered " + response.status() + " to /invocation/next");
    }
    String deadline = response.headers().get("Lambda-Runtime-Deadline-Ms");
    return new Next(
        response.headers().get("Lambda-Runtime-Aws-Request-Id"),
        deadline == null ? Long.MAX_VALUE : Long.parseLong(deadline),
        response.headers().get("Lambda-Runtime-Invoked-Function-Arn"),
        response.headers().get("Lambda-Runtime-Trace-Id"),
        response.body());
  }

  void response(String requestId, byte[] payload) throws IOException {
    exchange("POST", "/invocation/" + requestId + "/response", payload, null);
  }

  void error(String requestId, byte[] document, String errorType) throws IOException {
    exchange("POST", "/invocation/" + requestId + "/error", document, errorType);
  }

  void initError(byte[] document, String errorType) throws IOException {
    exchange("POST", "/init/error", document, errorType);
  }

  /**
   * One request and its response. A kept-alive connection the server has closed meanwhile (it ends
   * one left without a request for a minute, as a long-running handler leaves it) is found out on
   * use: the request then goes once more on a new connection, as HttpURLConnection retried it.
   */
  private Response exchange(String method, String path, byte[] body, String errorType)
      throws IOException {
    byte[] request = request(method, path, body, errorType);
    boolean reused = socket != null;
    try {
      return send(request);
    } catch (IOException e) {
      disconnect();
      if (!reused) {
        throw e;
      }
      return send(request);
    }
  }

  private Response send(byte[] request) throws IOException {
    if (socket == null) {
      socket = new Socket(host, port);
      socket.setTcpNoDelay(true);
      in = socket.getInputStream();
      out = socket.getOutputStream();
      position = 0;
      limit = 0;
    }
    out.write(request);
    Response response = read();
    if ("close".equalsIgnoreCase(response.headers().get("Connection"))) {
      disconnect();
    }
    return response;
  }

  private byte[] request(String method, String path, byte[] body, String errorType) {
    StringBuilder head =
        new StringBuilder(160)
            .append(method)
            .append(' ')
            .append(BASE)
            .append(path)
            .append(" HTTP/1.1\r\nHost: ")
            .append(address)
            .append("\r\n");
    if (errorType != null) {
      head.append("Lambda-Runtime-Function-Error-Type: ").append(errorType).append("\r\n");
    }
    if (body != null) {
      head.append("Content-Type: application/json\r\nContent-Length: ")
          .append(body.length)
          .append("\r\n");
    }
    byte[] headBytes = head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    if (body == null) {
      return headBytes;
    }
    byte[] request = new byte[headBytes.length + body.length];
    System.arraycopy(headBytes, 0, request, 0, headBytes.length);
    System.arraycopy(body, 0, request, headBytes.length, body.length);
    return request;
  }

  private Response read() throws IOException {
    String status = readLine();
    if (!status.startsWith("HTTP/1.") || status.length() < 12) {
      throw new IOException("not an HTTP response from the Runtime API: " + status);
    }
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (String header = readLine(); !header.isEmpty(); header = readLine()) {
      int colon = header.indexOf(':');
      if (colon > 0) {
        headers.put(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
      }
    }
    return new Response(Integer.parseInt(status.substring(9, 12)), headers, body(headers));
  }

  private byte[] body(Map<String, String> headers) throws IOException {
    String length = headers.get("Content-Length");
    if (length != null) {
      return readExactly(Integer.parseInt(length));
    }
    if ("chunked".equalsIgnoreCase(headers.get("Transfer-Encoding"))) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      for (int size = chunkSize(); size > 0; size = chunkSize()) {
        body.write(readExactly(size));
        readLine(); // the CRLF after each chunk
      }
      for (String trailer = readLine(); !trailer.isEmpty(); trailer = readLine()) {
        // trailers carry nothing the runtime needs
      }
      return body.toByteArray();
    }
    ByteArrayOutputStream rest =
        new ByteArrayOutputStream(); // neither: the body ends with the connection
    rest.write(buffer, position, limit - position);
    rest.write(in.readAllBytes());
    disconnect();
    return rest.toByteArray();
  }

  private int chunkSize() throws IOException {
    String size = readLine();
    int extension = size.indexOf(';');
    return Integer.parseInt((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
  }

  private byte[] readExactly(int length) throws IOException {
    byte[] bytes = new byte[length];
    int buffered = Math.min(length, limit - position);
    System.arraycopy(buffer, position, bytes, 0, buffered);
    position += buffered;
    if (in.readNBytes(bytes, buffered, length - buffered) < length - buffered) {
      throw new EOFException("the Runtime API's connection ended inside a body");
    }
    return bytes;
  }

  /** A line of the status or headers, without its CRLF; they are ASCII. */
  private String readLine() throws IOException {
    line.setLength(0);
    while (true) {
      if (position == limit) {
        limit = in.read(buffer);
        position = 0;
        if (limit < 0) {
          limit = 0;
          throw new EOFException("the Runtime API closed the connection");
        }
      }
      char c = (char) (buffer[position++] & 0xff);
      if (c == '\n') {
        return line.toString();
      }
      if (c != '\r') {
        line.append(c);
      }
    }
  }

  private void disconnect() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // it is being thrown away
      }
      socket = null;
    }
  }
}
