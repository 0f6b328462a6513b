package io.localsam.runtime;

import java.util.List;

/**
 * Which functions a new version of the template adds, changes or removes, by logical id. A function
 * whose definition and environment are the same is in none of them: it keeps its warm environments.
 */
public record FunctionChanges(List<String> added, List<String> changed, List<String> removed) {
  public FunctionChanges {
    added = List.copyOf(added);
    changed = List.copyOf(changed);
    removed = List.copyOf(removed);
  }
}
