package io.localsam.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;

/**
 * The runtime's side of Lambda's Runtime API, over the JDK's plain {@link HttpURLConnection} (kept alive
 * between calls), which starts faster than {@code java.net.http}: cold start is what a child pays for it.
 */
final class RuntimeApiClient {
  private final String base;

  /** One invocation as {@code /invocation/next} delivers it. */
  record Next(String requestId, long deadlineMillis, String functionArn, String traceId, byte[] event) {}

  RuntimeApiClient(String address) {
    this.base = "http://" + address + "/2018-06-01/runtime";
  }

  Next next() throws IOException {
    HttpURLConnection connection = open("/invocation/next");
    connection.setReadTimeout(0); // a long poll: the next event may be hours away
    byte[] event;
    try (InputStream in = connection.getInputStream()) {
      event = in.readAllBytes();
    }
    if (connection.getResponseCode() != 200) {
      throw new IOException("Runtime API answered " + connection.getResponseCode() + " to /invocation/next");
    }
    String deadline = connection.getHeaderField("Lambda-Runtime-Deadline-Ms");
    return new Next(connection.getHeaderField("Lambda-Runtime-Aws-Request-Id"),
        deadline == null ? Long.MAX_VALUE : Long.parseLong(deadline),
        connection.getHeaderField("Lambda-Runtime-Invoked-Function-Arn"),
        connection.getHeaderField("Lambda-Runtime-Trace-Id"), event);
  }

  void response(String requestId, byte[] payload) throws IOException {
    post("/invocation/" + requestId + "/response", payload, null);
  }

  void error(String requestId, byte[] document, String errorType) throws IOException {
    post("/invocation/" + requestId + "/error", document, errorType);
  }

  void initError(byte[] document, String errorType) throws IOException {
    post("/init/error", document, errorType);
  }

  private void post(String path, byte[] body, String errorType) throws IOException {
    HttpURLConnection connection = open(path);
    connection.setRequestMethod("POST");
    connection.setDoOutput(true);
    connection.setFixedLengthStreamingMode(body.length);
    if (errorType != null) {
      connection.setRequestProperty("Lambda-Runtime-Function-Error-Type", errorType);
    }
    try (OutputStream out = connection.getOutputStream()) {
      out.write(body);
    }
    try (InputStream in = connection.getResponseCode() < 400 ? connection.getInputStream() : connection.getErrorStream()) {
      if (in != null) {
        in.readAllBytes(); // read to the end so the connection is reused
      }
    }
  }

  private HttpURLConnection open(String path) throws IOException {
    return (HttpURLConnection) URI.create(base + path).toURL().openConnection();
  }
}
