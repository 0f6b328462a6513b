package io.localsam.runtime.process;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One execution environment's process: started with exactly the function's Lambda environment as
 * its real environment (nothing of LocalSAM's shell), in the function's code folder, its output
 * handed line by line to whichever sink the current invocation set ({@link #drainOutput()} hands on
 * what came before an answer). Its standard input is a pipe LocalSAM holds open and never writes:
 * when LocalSAM dies, however it dies, the pipe closes and the child's runtime, which watches for
 * that end of input, exits too.
 */
public final class ChildProcess implements AutoCloseable {
  /** How long a child gets to end on its own before it is killed outright. */
  static final long GRACE_MILLIS = 500;

  private final Process process;
  private final CompletableFuture<Integer> exit;
  private final ChildOutput stdout;
  private final ChildOutput stderr;
  private final PeakMemory peakMemory;
  private volatile Consumer<String> output;

  /**
   * @param command the program and its arguments
   * @param environment the process's whole environment
   * @param directory its working directory
   * @param output where its stdout and stderr lines go until {@link #output(Consumer)} says
   *     otherwise
   */
  public static ChildProcess start(
      List<String> command,
      Map<String, String> environment,
      Path directory,
      Consumer<String> output)
      throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
    builder.environment().clear();
    builder.environment().putAll(environment);
    return new ChildProcess(builder.start(), output);
  }

  private ChildProcess(Process process, Consumer<String> output) {
    this.process = process;
    this.output = output;
    // one future for the process's life: each onExit() call would leave a new waiter behind until
    // the exit
    this.exit = process.onExit().thenApply(Process::exitValue);
    this.stdout = new ChildOutput(process.getInputStream(), () -> this.output);
    this.stderr = new ChildOutput(process.getErrorStream(), () -> this.output);
    OutputPoller.watch(new OutputPoller.Watched(process, List.of(stdout, stderr)));
    this.peakMemory = new PeakMemory(process.pid());
  }

  /** Sends the child's output lines to {@code sink} from now on (the invocation now running). */
  public void output(Consumer<String> sink) {
    output = sink;
  }

  /**
   * Hands on, to the current sink, every line the child wrote before now: what it printed before it
   * answered belongs to that invocation, so its END line must not come first.
   */
  public void drainOutput() {
    boolean ended = !process.isAlive();
    stdout.pull(ended);
    stderr.pull(ended);
    if (ended) { // a second look finds the pipes empty, which ends them: a last line without its
      // end goes too
      stdout.pull(true);
      stderr.pull(true);
    }
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Completes with the exit status when the process ends. */
  public CompletableFuture<Integer> exit() {
    return exit;
  }

  /**
   * The most memory the process has held so far (its peak resident set), in KiB, where the OS tells
   * it (Linux's {@code /proc}); empty elsewhere or once it has ended.
   */
  public OptionalLong peakMemoryKib() {
    return peakMemory.kib();
  }

  /**
   * Ends the process and whatever it started (a function's own subprocesses, as Lambda freezes and
   * then discards the whole sandbox): asked first, then killed once the grace period is over.
   */
  @Override
  public void close() {
    // taken now: once the child is gone, its children are the init process's and no longer found
    // here
    List<ProcessHandle> descendants = process.descendants().toList();
    try {
      endChild();
    } finally {
      descendants.forEach(ProcessHandle::destroyForcibly);
      peakMemory.close();
    }
  }

  private void endChild() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** Kills the process and what it started at once (a timed-out or crashed environment). */
  public void kill() {
    List<ProcessHandle> descendants = process.descendants().toList();
    process.destroyForcibly();
    descendants.forEach(ProcessHandle::destroyForcibly);
    peakMemory.close();
  }

  /**
   * How Lambda words a runtime's end in {@code Runtime.ExitError}: "exit status 3", or for a
   * process a signal ended (which Java reports as 128 plus the signal's number) "signal: killed"
   * and the like.
   */
  public static String describeExit(int status) {
    return switch (status) {
      case 134 -> "signal: aborted";
      case 137 -> "signal: killed";
      case 139 -> "signal: segmentation fault";
      case 143 -> "signal: terminated";
      default -> "exit status " + status;
    };
  }
}
