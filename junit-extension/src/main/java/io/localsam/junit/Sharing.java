package io.localsam.junit;

/**
 * Which test classes an emulator serves, and what of one class's use the next one sees. Whatever
 * the choice, the journal is emptied and injected faults are cleared before each test.
 */
public enum Sharing {
  /**
   * The default: one emulator per template and options for the whole run (the start-up is paid
   * once), returned to a fresh state ({@link io.localsam.Emulator#reset()}) before each class that
   * uses it, so a class never sees another's warm environments, function static fields or cached
   * authorizer results.
   */
  RUN,
  /**
   * Shared as {@link #RUN}, but not reset between classes: warm environments, static fields and
   * cached authorizer results carry from one class to the next. The fastest; for suites that know
   * they depend on it.
   */
  RUN_KEEP_STATE,
  /** An emulator of the class's own, started before its first test and closed after its last. */
  CLASS
}
