package io.localsam.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.localsam.host.HelperThreads;
import io.localsam.runtime.process.ChildEnvironment;
import io.localsam.runtime.process.ChildEnvironment.Outcome;
import io.localsam.runtime.process.RuntimeReply;
import io.localsam.runtime.process.RuntimeRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * The process half of an {@link ExecutionEnvironment} in process isolation: starts the child, runs
 * Init and invocations through the Runtime API, and turns what the child did into what the pool
 * expects (a payload, an Init fault, the runtime's error, an exit). Timeouts stay the pool's: it
 * interrupts the waiting thread and closes the environment, which kills the child.
 */
final class ChildExecution {
  private static final ObjectMapper JSON = new ObjectMapper();
  // Lambda gives on-demand Init 10 s; a JVM started cold on a busy laptop gets more before it is
  // called hung.
  private static final Duration INIT_LIMIT = Duration.ofSeconds(60);
  private static final Duration NO_LIMIT = Duration.ofDays(365);

  private final ChildRuntime runtime;
  private final FunctionSettings function;
  private volatile Consumer<String> output = line -> {};
  private ChildEnvironment child;

  ChildExecution(ChildRuntime runtime, FunctionSettings function) {
    this.runtime = runtime;
    this.function = function;
  }

  /** Where the child's output lines go: the invocation now running, or Init's log. */
  void output(Consumer<String> sink) {
    output = sink;
  }

  /**
   * Starts the child and waits for its runtime to finish Init; null when it is ready, else the
   * fault.
   */
  HandlerFault init() {
    String refusal = runtime.refusal(function);
    if (refusal != null) {
      output.accept(refusal);
      return new HandlerFault(refusal, "Runtime.InvalidRuntime", true);
    }
    try {
      child =
          ChildEnvironment.start(api -> runtime.launch(function, api), line -> output.accept(line));
    } catch (IOException | RuntimeException e) {
      String message =
          "Function " + function.id() + ": its process could not start: " + e.getMessage();
      output.accept(message);
      return new HandlerFault(message, "Runtime.InvalidRuntime", true);
    }
    Outcome outcome = child.init(runtime.debugging() ? NO_LIMIT : INIT_LIMIT);
    if (outcome instanceof Outcome.Replied replied) {
      return replied.reply().failed() ? fault(replied.reply()) : null;
    }
    if (outcome instanceof Outcome.Exited exited) {
      return new HandlerFault(exited.message(), "Runtime.ExitError", true);
    }
    return new HandlerFault(
        "Init did not finish within " + INIT_LIMIT.toSeconds() + " seconds",
        "Runtime.Unknown",
        true);
  }

  /**
   * The runtime's Init error: the document it posted, with its message read from it for the log.
   */
  private static HandlerFault fault(RuntimeReply reply) {
    String message;
    try {
      JsonNode document = JSON.readTree(reply.payload());
      message =
          document.path("errorMessage").asText(new String(reply.payload(), StandardCharsets.UTF_8));
    } catch (IOException notJson) {
      message = new String(reply.payload(), StandardCharsets.UTF_8);
    }
    return HandlerFault.posted(reply.payload(), message, reply.errorType());
  }

  /**
   * One invocation in the child.
   *
   * @throws ChildFailure when the runtime posted an error
   * @throws ChildExit when the process ended meanwhile
   * @throws InterruptedException when the pool's timeout interrupted the wait
   */
  byte[] invoke(byte[] event, Context context, String traceHeader)
      throws ChildFailure, InterruptedException {
    RuntimeRequest request =
        new RuntimeRequest(
            context.getAwsRequestId(),
            System.currentTimeMillis() + context.getRemainingTimeInMillis(),
            context.getInvokedFunctionArn(),
            traceHeader,
            event);
    Outcome outcome = child.invoke(request, NO_LIMIT, line -> output.accept(line));
    if (outcome instanceof Outcome.Replied replied) {
      RuntimeReply reply = replied.reply();
      if (reply.failed()) {
        throw new ChildFailure(reply.payload(), reply.errorType());
      }
      return reply.payload();
    }
    if (outcome instanceof Outcome.Exited exited) {
      throw new ChildExit(exited.message());
    }
    throw new InterruptedException(
        "timed out"); // the pool's timer interrupted us and answers for the invocation
  }

  /** The child's peak memory in MB so far, for REPORT; empty where the OS does not tell. */
  OptionalLong maxMemoryUsedMb() {
    return child == null ? OptionalLong.empty() : child.maxMemoryUsedMb();
  }

  /**
   * Ends the child: at once after a timeout or exit, after a short grace otherwise; never on the
   * caller's thread.
   */
  void close() {
    ChildEnvironment ending = child;
    if (ending != null) {
      HelperThreads.schedule(ending::close, 0);
    }
  }
}
