package io.localsam.junit;

/** Where a {@link LocalApi}'s functions run, as {@code --isolation} says it. */
public enum IsolationMode {
  /** In LocalSAM's JVM: the default, and the fastest. */
  IN_PROCESS,
  /**
   * Each execution environment in a JVM of its own: its own environment, working directory, heap,
   * flags and Java version.
   */
  PROCESS
}
