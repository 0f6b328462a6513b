package io.localsam.runtime;

/**
 * Told about every finished invocation, and how every accepted asynchronous one ended, for the
 * journal.
 */
@FunctionalInterface
public interface InvocationListener {
  void invoked(String functionId, byte[] event, InvocationResult result);

  /**
   * Like {@link #invoked(String, byte[], InvocationResult)}, with the invocation's own log lines
   * (START to REPORT, Init's output on a cold start), its first 64 KB and its last lines (END,
   * REPORT): what the journal keeps.
   */
  default void invoked(
      String functionId, byte[] event, InvocationResult result, java.util.List<String> logs) {
    invoked(functionId, event, result);
  }

  /**
   * An accepted {@code Event} invocation ran, was given up, or was never run before LocalSAM
   * stopped.
   */
  default void asyncFinished(AsyncOutcome outcome) {}
}
