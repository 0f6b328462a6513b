package io.localsam.runtime;

/** Told about every finished invocation, and how every accepted asynchronous one ended, for the journal. */
@FunctionalInterface
public interface InvocationListener {
  void invoked(String functionId, byte[] event, InvocationResult result);

  /** An accepted {@code Event} invocation ran, was given up, or was never run before LocalSAM stopped. */
  default void asyncFinished(AsyncOutcome outcome) {}
}
