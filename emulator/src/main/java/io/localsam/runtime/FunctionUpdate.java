package io.localsam.runtime;

import io.localsam.template.FunctionDef;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A new version of the template's functions, ready but not in use: the pools of new and changed
 * functions are made (their code found), the unchanged ones are the running ones. {@link
 * FunctionRuntime#apply} puts it in use; {@link #discard()} drops it when something else about the
 * new version failed.
 */
public final class FunctionUpdate {
  final Map<String, FunctionDef> definitions;
  final Map<String, FunctionPool> pools;
  final List<FunctionPool> created;
  final List<FunctionPool> displaced;
  private final FunctionChanges changes;
  private final FunctionSet functions;

  FunctionUpdate(
      Map<String, FunctionDef> definitions,
      Map<String, FunctionPool> pools,
      List<FunctionPool> created,
      List<FunctionPool> displaced,
      FunctionChanges changes,
      FunctionRuntime runtime) {
    this.definitions = definitions;
    this.pools = Collections.unmodifiableMap(new LinkedHashMap<>(pools));
    this.created = List.copyOf(created);
    this.displaced = List.copyOf(displaced);
    this.changes = changes;
    this.functions = new FunctionSet(pools, runtime);
  }

  public FunctionChanges changes() {
    return changes;
  }

  /** The new version's functions, for what routes to them. */
  public FunctionSet functions() {
    return functions;
  }

  /** Drops the new pools; nothing ran in them. */
  public void discard() {
    created.forEach(FunctionPool::close);
  }
}
