package io.localsam.cli;

import io.localsam.error.LocalSamException;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Where function logs go while a command runs: stderr, or the {@code --log-file}, which SAM CLI
 * starts anew (truncates) each run and in which it also writes {@code invoke}'s result. Functions'
 * own {@code System.out} and {@code System.err} are sent there too, as Lambda sends them to the
 * function's log, so that stdout carries nothing but what a command prints on purpose (the result
 * of {@code invoke}).
 */
final class FunctionLog implements AutoCloseable {
  private final Consumer<String> lines;
  private final BufferedWriter file;
  private final PrintStream originalOut = System.out;
  private final PrintStream originalErr = System.err;
  private final PrintStream functions;
  private final ScheduledExecutorService flusher;
  private final Runnable finalFlush;

  private FunctionLog(
      Consumer<String> lines,
      BufferedWriter file,
      ScheduledExecutorService flusher,
      Runnable finalFlush) {
    this.lines = lines;
    this.file = file;
    this.flusher = flusher;
    this.finalFlush = finalFlush;
    this.functions = new PrintStream(new LineStream(lines), true, StandardCharsets.UTF_8);
    System.setOut(functions);
    System.setErr(functions);
  }

  static FunctionLog open(Path logFile, PrintWriter err) {
    if (logFile == null) {
      // Lines go into err's buffer and reach the terminal within 20 ms: three flushed writes per
      // request
      // (START, END, REPORT) showed in the benchmark's profile. Whatever else prints through err
      // flushes
      // the buffer first, so the order of lines is kept.
      ScheduledExecutorService flusher =
          Executors.newSingleThreadScheduledExecutor(
              task -> {
                Thread thread = new Thread(task, "localsam-log-flush");
                thread.setDaemon(true);
                return thread;
              });
      flusher.scheduleWithFixedDelay(err::flush, 20, 20, TimeUnit.MILLISECONDS);
      return new FunctionLog(
          line -> err.print(line + System.lineSeparator()), null, flusher, err::flush);
    }
    try {
      BufferedWriter file =
          Files.newBufferedWriter(
              logFile,
              StandardCharsets.UTF_8,
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE);
      return new FunctionLog(line -> write(file, line), file, null, () -> {});
    } catch (IOException e) {
      throw new LocalSamException(
          "--log-file " + logFile + " cannot be written: " + e.getMessage());
    }
  }

  private static void write(BufferedWriter file, String line) {
    synchronized (file) {
      try {
        file.write(line);
        file.newLine();
        file.flush(); // so that tail -f shows each line as it comes
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** True when the log goes to a {@code --log-file}. */
  boolean toFile() {
    return file != null;
  }

  /**
   * Writes {@code text} to the log file as it is, with no line end: {@code invoke}'s result, as SAM
   * CLI puts it there.
   */
  void writeRaw(String text) {
    synchronized (file) {
      try {
        file.write(text);
        file.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The sink for log lines: give it to the runtime. */
  Consumer<String> lines() {
    return lines;
  }

  /**
   * The sink for everything an emulator logs: with a {@code --log-file}, LocalSAM's own start-up
   * lines, warnings and template reload lines stay on stderr, as SAM CLI's own messages do, and the
   * rest goes to the file.
   */
  Consumer<String> withMessagesTo(PrintWriter err) {
    if (file == null) {
      return lines;
    }
    return line -> {
      if (line.startsWith("Mounting ")
          || line.startsWith("Warning: ")
          || line.startsWith("Template ")) {
        err.println(line);
        err.flush(); // a reload's line comes long after start-up's last flush
      } else {
        lines.accept(line);
      }
    };
  }

  @Override
  public void close() {
    System.setOut(originalOut);
    System.setErr(originalErr);
    functions.close(); // writes a last line that had no newline
    if (flusher != null) {
      flusher.shutdownNow();
      finalFlush.run();
    }
    if (file != null) {
      try {
        file.close();
      } catch (IOException ignored) {
        // the log is best effort once the command is done
      }
    }
  }

  /** Bytes in, one log line per newline out. */
  private static final class LineStream extends OutputStream {
    private final Consumer<String> lines;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    LineStream(Consumer<String> lines) {
      this.lines = lines;
    }

    @Override
    public synchronized void write(int b) {
      if (b == '\n') {
        emit();
      } else {
        line.write(b);
      }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
      for (int i = offset; i < offset + length; i++) {
        write(bytes[i]);
      }
    }

    @Override
    public synchronized void close() {
      if (line.size() > 0) {
        emit();
      }
    }

    private void emit() {
      String text = line.toString(StandardCharsets.UTF_8);
      line.reset();
      lines.accept(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
    }
  }
}
