package io.localsam.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Where functions run: in LocalSAM's own JVM (the default, and the fastest), or each execution
 * environment in a child process of its own ({@code --isolation process}, or per function with
 * {@code --isolation-process FunctionId}), with the JDKs named for runtimes, the debugger settings
 * and the runtime client a Java function's process runs.
 *
 * @param processByDefault every function runs in a process of its own
 * @param processFunctions functions that do even when the default is in-process
 * @param jdks {@code --jdk java21=/path}: the JDK home to use for a runtime
 * @param debugPort {@code --debug-port}: JDWP's port in the debugged function's process; 0 for none
 * @param debugFunctions {@code --debug-function}: the functions started with the debugger; empty
 *     means all
 * @param runtimeClient {@code --runtime-client}: what a Java function's process runs, LocalSAM's
 *     bootstrap or AWS's runtime interface client
 */
public record Isolation(
    boolean processByDefault,
    Set<String> processFunctions,
    Map<String, Path> jdks,
    int debugPort,
    Set<String> debugFunctions,
    RuntimeClient runtimeClient) {

  public static final Isolation IN_PROCESS = new Isolation(false, Set.of(), Map.of(), 0, Set.of());

  public Isolation {
    processFunctions = Set.copyOf(processFunctions);
    jdks = Map.copyOf(jdks);
    debugFunctions = Set.copyOf(debugFunctions);
    runtimeClient = runtimeClient == null ? RuntimeClient.LOCALSAM : runtimeClient;
  }

  /** Processes on LocalSAM's own runtime client. */
  public Isolation(
      boolean processByDefault,
      Set<String> processFunctions,
      Map<String, Path> jdks,
      int debugPort,
      Set<String> debugFunctions) {
    this(
        processByDefault,
        processFunctions,
        jdks,
        debugPort,
        debugFunctions,
        RuntimeClient.LOCALSAM);
  }

  /**
   * This isolation with Java functions' processes running {@code client}. AWS's client runs only in
   * a process, so asking for it means asking for process isolation: unless processes are already
   * the default or {@code processFunctions} names the functions that get them, every function gets
   * one.
   */
  public Isolation withRuntimeClient(RuntimeClient client) {
    boolean implied = client == RuntimeClient.AWS && processFunctions.isEmpty();
    return new Isolation(
        processByDefault || implied, processFunctions, jdks, debugPort, debugFunctions, client);
  }

  /**
   * True for a function in LocalSAM's JVM; a debugged function always has a process of its own, as
   * SAM CLI's has a container.
   */
  public boolean inProcess(String functionId) {
    return !processByDefault
        && !processFunctions.contains(functionId)
        && debugPort(functionId) == 0;
  }

  /** The JDWP port for this function's process, or 0 when it is not being debugged. */
  public int debugPort(String functionId) {
    return debugPort > 0 && (debugFunctions.isEmpty() || debugFunctions.contains(functionId))
        ? debugPort
        : 0;
  }
}
