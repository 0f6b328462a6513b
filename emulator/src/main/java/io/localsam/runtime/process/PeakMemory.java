package io.localsam.runtime.process;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

/**
 * A process's peak resident set ({@code VmHWM} in Linux's {@code /proc/PID/status}), read for every
 * REPORT line. The file stays open and is read again from its start, which makes the kernel write
 * it anew: that spares an open and a close per read, and the bytes are scanned where they lie, so a
 * read costs about a third of what {@code Files.readAllLines} and a regular expression did.
 */
final class PeakMemory implements AutoCloseable {
  private static final byte[] FIELD = "VmHWM:".getBytes(StandardCharsets.US_ASCII);

  private final RandomAccessFile status; // null where there is no /proc
  private final byte[] buffer = new byte[8192];
  private boolean closed;

  PeakMemory(long pid) {
    RandomAccessFile file;
    try {
      file = new RandomAccessFile("/proc/" + pid + "/status", "r");
    } catch (IOException notLinux) {
      file = null;
    }
    this.status = file;
  }

  /** The peak in KiB; empty where the OS does not tell, or once the process has ended. */
  synchronized OptionalLong kib() {
    if (status == null || closed) {
      return OptionalLong.empty();
    }
    try {
      status.seek(0);
      int length = status.read(buffer);
      return length < 0 ? OptionalLong.empty() : field(length);
    } catch (IOException ended) {
      return OptionalLong.empty(); // the process is gone
    }
  }

  private OptionalLong field(int length) {
    for (int line = 0; line < length; line = next(line, length)) {
      if (startsWithField(line, length)) {
        long kib = 0;
        boolean digits = false;
        for (int i = line + FIELD.length; i < length && buffer[i] != '\n'; i++) {
          if (buffer[i] >= '0' && buffer[i] <= '9') {
            kib = kib * 10 + (buffer[i] - '0');
            digits = true;
          }
        }
        return digits ? OptionalLong.of(kib) : OptionalLong.empty();
      }
    }
    return OptionalLong.empty();
  }

  private boolean startsWithField(int at, int length) {
    if (at + FIELD.length > length) {
      return false;
    }
    for (int i = 0; i < FIELD.length; i++) {
      if (buffer[at + i] != FIELD[i]) {
        return false;
      }
    }
    return true;
  }

  private int next(int line, int length) {
    for (int i = line; i < length; i++) {
      if (buffer[i] == '\n') {
        return i + 1;
      }
    }
    return length;
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (status != null) {
      try {
        status.close();
      } catch (IOException ignored) {
        // nothing more to read
      }
    }
  }
}
