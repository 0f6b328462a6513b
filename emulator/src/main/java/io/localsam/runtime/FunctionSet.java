package io.localsam.runtime;

import io.localsam.error.LocalSamException;
import io.localsam.fault.Fault;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The functions of one version of the template. What routes a request keeps the set it was routed
 * with, so a request in flight while the template is reloaded still reaches the function it was
 * routed to, even one the new version changed or removed.
 */
public final class FunctionSet {
  private final Map<String, FunctionPool> pools;
  private final FunctionRuntime runtime;

  FunctionSet(Map<String, FunctionPool> pools, FunctionRuntime runtime) {
    this.pools = Map.copyOf(pools);
    this.runtime = runtime;
  }

  public boolean has(String functionId) {
    return pools.containsKey(functionId);
  }

  /**
   * Invokes as {@link FunctionRuntime#invoke(String, byte[])} does, on this version's functions.
   */
  public CompletableFuture<InvocationResult> invoke(String functionId, byte[] event) {
    return invoke(functionId, event, line -> {});
  }

  /**
   * Invokes as {@link FunctionRuntime#invoke(String, byte[], Consumer)} does, on this version's
   * functions.
   */
  public CompletableFuture<InvocationResult> invoke(
      String functionId, byte[] event, Consumer<String> lines) {
    return runtime.invoke(pool(functionId), functionId, event, lines, null);
  }

  /** Invokes after a route's latency fault, which the journal records with the invocation. */
  public CompletableFuture<InvocationResult> invoke(
      String functionId, byte[] event, Fault routeLatency) {
    return runtime.invoke(pool(functionId), functionId, event, line -> {}, routeLatency);
  }

  /** Journals a request a route's fault answered without invoking {@code functionId}. */
  public void journal(String functionId, byte[] event, InvocationResult answered) {
    runtime.journal(functionId, event, answered);
  }

  private FunctionPool pool(String functionId) {
    return pool(pools, functionId);
  }

  /**
   * The pool of {@code functionId} among {@code pools}; an unknown function is Lambda's "not
   * found".
   */
  static FunctionPool pool(Map<String, FunctionPool> pools, String functionId) {
    FunctionPool pool = pools.get(functionId);
    if (pool == null) {
      throw new LocalSamException("Function " + functionId + " not found in template");
    }
    return pool;
  }
}
