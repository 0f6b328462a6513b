package io.localsam.bench;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Just enough HTTP/1.1 for keep-alive GETs of small bodies: the start-up probe and the fallback
 * load generator.
 */
final class Http {
  private Http() {}

  static byte[] get(String host, int port, String path) {
    return ("GET "
            + path
            + " HTTP/1.1\r\nHost: "
            + host
            + ":"
            + port
            + "\r\nUser-Agent: localsam-bench\r\n"
            + "Accept: */*\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Sends a prepared request and reads one whole response (Content-Length bodies only); returns the
   * status.
   */
  static int exchange(byte[] request, OutputStream out, InputStream in) throws IOException {
    out.write(request);
    out.flush();
    return readResponse(in);
  }

  private static int readResponse(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder(64);
    String statusLine = readLine(in, line);
    int status = Integer.parseInt(statusLine.substring(9, 12));
    long length = 0;
    for (String header = readLine(in, line); !header.isEmpty(); header = readLine(in, line)) {
      if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
        length = Long.parseLong(header.substring(15).strip());
      }
    }
    for (long left = length; left > 0; ) {
      long skipped = in.skip(left);
      if (skipped <= 0) {
        if (in.read() < 0) {
          throw new EOFException("connection closed inside a response body");
        }
        skipped = 1;
      }
      left -= skipped;
    }
    return status;
  }

  private static String readLine(InputStream in, StringBuilder line) throws IOException {
    line.setLength(0);
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new EOFException("connection closed inside a response head");
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }
}
