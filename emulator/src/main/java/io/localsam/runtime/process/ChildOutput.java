package io.localsam.runtime.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One output pipe of a child (its stdout or its stderr), cut into lines as {@code
 * BufferedReader.readLine} cuts them (at LF, CR or CRLF) and handed to whichever sink is current.
 * It is only ever read when the pipe says bytes are there, so no thread blocks on it and whoever
 * pulls, the {@link OutputPoller} or an invocation that has just been answered, gets everything
 * written up to that moment.
 */
final class ChildOutput {
  private final InputStream pipe;
  private final Supplier<Consumer<String>> sink;
  private final byte[] chunk = new byte[8192];
  private final ByteArrayOutputStream partial =
      new ByteArrayOutputStream(); // a line still without its end
  private boolean afterCarriageReturn; // an LF right after it ends nothing: the CR ended the line
  private boolean ended;

  ChildOutput(InputStream pipe, Supplier<Consumer<String>> sink) {
    this.pipe = pipe;
    this.sink = sink;
  }

  /**
   * Hands on every complete line of what the pipe holds now (not what comes while it reads: a
   * chatty child cannot keep the caller here); true when there was something. With {@code
   * processEnded}, an empty pipe is the end: the last line is handed on even without its end.
   */
  synchronized boolean pull(boolean processEnded) {
    if (ended) {
      return false;
    }
    boolean read = false;
    try {
      for (int left = pipe.available(); left > 0; ) {
        int count = pipe.read(chunk, 0, Math.min(left, chunk.length));
        if (count < 0) {
          break;
        }
        cut(count);
        left -= count;
        read = true;
      }
    } catch (IOException closed) {
      processEnded = true; // the JDK closed the pipe: the process is gone
    }
    if (processEnded && !read) {
      end();
    }
    return read;
  }

  /** True once the process has ended and its last line was handed on. */
  synchronized boolean ended() {
    return ended;
  }

  private void cut(int count) {
    int start = 0;
    for (int i = 0; i < count; i++) {
      byte b = chunk[i];
      if (b == '\n' && afterCarriageReturn) {
        start = i + 1;
      } else if (b == '\n' || b == '\r') {
        partial.write(chunk, start, i - start);
        hand(partial.toString(StandardCharsets.UTF_8));
        partial.reset();
        start = i + 1;
      }
      afterCarriageReturn = b == '\r';
    }
    partial.write(chunk, start, count - start);
  }

  private void end() {
    ended = true;
    if (partial.size() > 0) {
      hand(partial.toString(StandardCharsets.UTF_8));
      partial.reset();
    }
    try {
      pipe.close();
    } catch (IOException ignored) {
      // already closed with the process
    }
  }

  private void hand(String line) {
    try {
      sink.get().accept(line);
    } catch (RuntimeException e) {
      // a failing sink loses its line, never the lines after it nor the other children's
    }
  }
}
