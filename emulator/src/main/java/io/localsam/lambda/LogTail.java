package io.localsam.lambda;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Consumer;

/**
 * The log lines of one invocation, for {@code X-Amz-Log-Type: Tail}: Lambda returns the last 4 KB
 * of them, base64-encoded, in {@code X-Amz-Log-Result}.
 */
final class LogTail implements Consumer<String> {
  static final int LIMIT_BYTES = 4096;
  // A character is at least one UTF-8 byte, so this many characters always hold the last 4 KB.
  private static final int KEEP_CHARS = 2 * LIMIT_BYTES;

  private final StringBuilder text = new StringBuilder();

  @Override
  public synchronized void accept(String line) {
    text.append(line).append('\n');
    if (text.length() > 2 * KEEP_CHARS) {
      text.delete(0, text.length() - KEEP_CHARS);
    }
  }

  /** The last 4 KB, starting on a whole character, base64-encoded. */
  synchronized String base64() {
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    int start = Math.max(0, bytes.length - LIMIT_BYTES);
    while (start < bytes.length && (bytes[start] & 0xC0) == 0x80) {
      start++; // never start inside a multi-byte character
    }
    return Base64.getEncoder().encodeToString(Arrays.copyOfRange(bytes, start, bytes.length));
  }
}
