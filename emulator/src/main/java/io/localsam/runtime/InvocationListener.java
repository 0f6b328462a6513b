package io.localsam.runtime;

/** Told about every finished invocation, for the journal. */
@FunctionalInterface
public interface InvocationListener {
  void invoked(String functionId, byte[] event, InvocationResult result);
}
