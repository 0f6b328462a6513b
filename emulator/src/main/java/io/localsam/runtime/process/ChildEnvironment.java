package io.localsam.runtime.process;

import java.io.IOException;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * An execution environment in its own process: the child and the Runtime API server it talks to. It
 * runs Init, then one invocation at a time; each step ends with what the runtime posted, with the
 * child's exit, or with the time limit, whichever comes first.
 */
public final class ChildEnvironment implements AutoCloseable {
  private final RuntimeApiServer api;
  private final ChildProcess child;

  /** How a step ended. */
  public sealed interface Outcome {
    /** The runtime answered (a response, an error, or Init's end). */
    record Replied(RuntimeReply reply) implements Outcome {}

    /** The process ended: {@code System.exit}, a crash, a signal. */
    record Exited(int status) implements Outcome {
      /** Lambda's {@code Runtime.ExitError} message for this end. */
      public String message() {
        return "Runtime exited with error: " + ChildProcess.describeExit(status);
      }
    }

    /** The time limit passed first. */
    record TimedOut() implements Outcome {}
  }

  /**
   * Starts the Runtime API server, then the child that {@code launchFor} describes for its address.
   */
  public static ChildEnvironment start(
      Function<String, ChildLaunch> launchFor, Consumer<String> output) throws IOException {
    RuntimeApiServer api = RuntimeApiServer.start();
    try {
      ChildLaunch launch = launchFor.apply(api.address());
      return new ChildEnvironment(
          api,
          ChildProcess.start(launch.command(), launch.environment(), launch.directory(), output));
    } catch (IOException | RuntimeException e) {
      api.close();
      throw e;
    }
  }

  private ChildEnvironment(RuntimeApiServer api, ChildProcess child) {
    this.api = api;
    this.child = child;
    // The child's end fails the step under way, so a step waits on its reply alone.
    child.exit().thenRun(api::close);
  }

  /** Waits for Init to end: the runtime's first request for work, its Init error, or its exit. */
  public Outcome init(Duration limit) {
    return await(api.init(), limit);
  }

  /** Runs one invocation; the caller decides what a timeout or an exit does to the environment. */
  public Outcome invoke(RuntimeRequest request, Duration timeout, Consumer<String> output) {
    child.output(output);
    return await(api.invoke(request), timeout);
  }

  /** What ended the step first; what the child printed before it is handed on by then. */
  private Outcome await(CompletableFuture<RuntimeReply> reply, Duration limit) {
    Outcome outcome = first(reply, limit);
    if (!(outcome instanceof Outcome.TimedOut)) {
      child.drainOutput();
    }
    return outcome;
  }

  private Outcome first(CompletableFuture<RuntimeReply> reply, Duration limit) {
    try {
      return new Outcome.Replied(reply.get(limit.toMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException e) {
      return new Outcome.TimedOut();
    } catch (ExecutionException e) {
      // the server closed under us: the child exited, or the environment is ending; report the exit
      // when there is one
      return child.isAlive() ? new Outcome.TimedOut() : new Outcome.Exited(child.exit().join());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome.TimedOut();
    }
  }

  public boolean isAlive() {
    return child.isAlive();
  }

  public long pid() {
    return child.pid();
  }

  /**
   * The child's peak memory in MB, for REPORT's Max Memory Used; empty where the OS does not tell.
   */
  public OptionalLong maxMemoryUsedMb() {
    OptionalLong kib = child.peakMemoryKib();
    return kib.isPresent()
        ? OptionalLong.of((kib.getAsLong() + 1023) / 1024)
        : OptionalLong.empty();
  }

  /** Kills the child at once (a timeout: Lambda does not wait for the handler). */
  public void kill() {
    child.kill();
    api.close();
  }

  @Override
  public void close() {
    child.close();
    api.close();
  }
}
