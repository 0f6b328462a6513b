package io.localsam.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Maven process the IT started, with its log; {@link #close()} stops it as Ctrl-C would
 * (SIGTERM).
 */
final class MavenRun implements AutoCloseable {
  private final Process process;
  private final Path log;

  MavenRun(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Waits (polling the log, up to {@code timeout}) for the first match of {@code regex}; fails with
   * the log if none.
   */
  Matcher awaitLog(String regex, Duration timeout) throws InterruptedException {
    Pattern pattern = Pattern.compile(regex);
    return poll(
        timeout,
        () -> {
          Matcher matcher = pattern.matcher(log());
          return matcher.find() ? Optional.of(matcher) : Optional.empty();
        });
  }

  /**
   * Polls {@code check} every 50 ms until it gives a value, up to {@code timeout}; fails with the
   * log if it never does.
   */
  <T> T poll(Duration timeout, Supplier<Optional<T>> check) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<T> value = check.get();
      if (value.isPresent()) {
        return value.get();
      }
      if (!process.isAlive() && check.get().isEmpty()) {
        throw new AssertionError(
            "Maven ended (exit " + process.exitValue() + ") before that happened:\n" + log());
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + timeout + ":\n" + log());
      }
      TimeUnit.MILLISECONDS.sleep(50);
    }
  }

  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      close();
      throw new AssertionError("Maven did not finish within " + timeout + ":\n" + log());
    }
    return process.exitValue();
  }

  /** How many times {@code text} occurs in the log. */
  long count(String text) {
    return Pattern.compile(Pattern.quote(text)).matcher(log()).results().count();
  }

  /**
   * Sends SIGTERM, as a terminal's Ctrl-C sends SIGINT, and returns the exit code once Maven has
   * ended.
   */
  int terminate(Duration timeout) throws InterruptedException {
    process.destroy();
    return awaitExit(timeout);
  }

  @Override
  public void close() throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    if (!process.waitFor(40, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor();
    }
  }
}
