package io.localsam.runtime.sandbox;

import java.io.File;
import java.io.IOException;

/**
 * What a function's calls to {@code Runtime} methods are rewritten to: exit and halt end only the
 * invocation, and processes it starts get the function's environment, not LocalSAM's. Each public
 * static method stands for the {@code Runtime} instance method of the same name, its receiver
 * first.
 */
public final class LambdaRuntime {
  private LambdaRuntime() {}

  public static void exit(Runtime runtime, int status) {
    throw LambdaSystem.exiting(status);
  }

  public static void halt(Runtime runtime, int status) {
    throw LambdaSystem.exiting(status);
  }

  public static long maxMemory(Runtime runtime) {
    LambdaSystem.notice(
        "reads Runtime.maxMemory(): that is LocalSAM's JVM heap, shared by every function, not the"
            + " function's MemorySize");
    return runtime.maxMemory();
  }

  // Runtime.exec: a null envp means "inherit", which here means the function's environment.

  @SuppressWarnings("deprecation")
  public static Process exec(Runtime runtime, String command) throws IOException {
    return runtime.exec(command, LambdaSystem.environmentArray());
  }

  @SuppressWarnings("deprecation")
  public static Process exec(Runtime runtime, String command, String[] envp) throws IOException {
    return runtime.exec(command, orFunctions(envp));
  }

  @SuppressWarnings("deprecation")
  public static Process exec(Runtime runtime, String command, String[] envp, File dir)
      throws IOException {
    return runtime.exec(command, orFunctions(envp), dir);
  }

  public static Process exec(Runtime runtime, String[] command) throws IOException {
    return runtime.exec(command, LambdaSystem.environmentArray());
  }

  public static Process exec(Runtime runtime, String[] command, String[] envp) throws IOException {
    return runtime.exec(command, orFunctions(envp));
  }

  public static Process exec(Runtime runtime, String[] command, String[] envp, File dir)
      throws IOException {
    return runtime.exec(command, orFunctions(envp), dir);
  }

  private static String[] orFunctions(String[] envp) {
    return envp != null ? envp : LambdaSystem.environmentArray();
  }
}
