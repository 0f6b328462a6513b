package io.localsam.runtime;

import io.localsam.config.RuntimeClient;
import io.localsam.runtime.process.AwsRuntimeClientCheck;
import io.localsam.runtime.process.AwsRuntimeClientFiles;
import io.localsam.runtime.process.ChildLaunch;
import io.localsam.runtime.process.ClassFileVersion;
import io.localsam.runtime.process.Jdk;
import io.localsam.runtime.process.JdkLocator;
import io.localsam.runtime.process.JdkNotFound;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How one function's execution environments start as processes: a Java runtime on the local JDK its
 * {@code Runtime} asks for (found once, at start-up) with LocalSAM's runtime client or AWS's, or a
 * custom runtime ({@code provided.al2023}, {@code provided.al2}) through the {@code bootstrap} in
 * its code. What cannot start (no JDK, classes too new for it, no bootstrap, AWS's client on a
 * machine it does not run on) is one message, given as the environment's Init error.
 */
final class ChildRuntime {
  private final String runtime;
  private final Jdk jdk; // null for a custom runtime, or when none was found
  private final RuntimeClient client; // what a Java function's process runs
  private final String problem; // why no environment can start, or null
  private final int debugPort;

  private ChildRuntime(
      String runtime, Jdk jdk, RuntimeClient client, String problem, int debugPort) {
    this.runtime = runtime;
    this.jdk = jdk;
    this.client = client;
    this.problem = problem;
    this.debugPort = debugPort;
  }

  static ChildRuntime of(
      String functionId, String runtime, JdkLocator jdks, int debugPort, RuntimeClient client) {
    if (isCustom(runtime)) {
      return new ChildRuntime(runtime, null, client, null, debugPort);
    }
    Jdk jdk;
    try {
      jdk = jdks.locate(runtime == null ? "java17" : runtime);
    } catch (JdkNotFound e) {
      return new ChildRuntime(
          runtime, null, client, "Function " + functionId + ": " + e.getMessage(), debugPort);
    }
    String problem =
        client == RuntimeClient.AWS
            ? AwsRuntimeClientCheck.problem(jdk)
                .map(reason -> "Function " + functionId + ": " + reason + ".")
                .orElse(null)
            : null;
    return new ChildRuntime(runtime, jdk, client, problem, debugPort);
  }

  static boolean isCustom(String runtime) {
    return runtime != null && runtime.startsWith("provided");
  }

  /** The start-up line's account of how the function runs. */
  String describe() {
    String debug =
        debugPort > 0 ? ", debugger on port " + debugPort + " (the process waits for it)" : "";
    if (problem != null) {
      return "in a process of its own, which cannot start: " + problem;
    }
    if (jdk == null) {
      return "in a process of its own: " + runtime + ", the bootstrap in its code" + debug;
    }
    return "in a process of its own"
        + (client == RuntimeClient.AWS ? " on AWS's runtime interface client" : "")
        + ": Java "
        + jdk.feature()
        + " at "
        + jdk.home()
        + " (from "
        + jdk.foundIn()
        + ")"
        + debug;
  }

  boolean debugging() {
    return debugPort > 0;
  }

  /** Why an environment of this function cannot start, or null when it can. */
  String refusal(FunctionSettings function) {
    if (problem != null) {
      return problem;
    }
    List<Path> classpath = function.code().classpath();
    if (jdk != null) {
      return ClassFileVersion.refusal(
          function.id(), function.definition().handler(), classpath, jdk, runtime);
    }
    Path bootstrap = ChildLaunch.codeRoot(classpath).resolve("bootstrap");
    if (!Files.isRegularFile(bootstrap)) {
      return "Function "
          + function.id()
          + ": Runtime "
          + runtime
          + " runs the executable named bootstrap at the code root, and "
          + bootstrap
          + " does not exist.";
    }
    if (!Files.isExecutable(bootstrap)) {
      return "Function "
          + function.id()
          + ": "
          + bootstrap
          + " is not executable (chmod +x it, as Lambda needs too).";
    }
    return null;
  }

  ChildLaunch launch(FunctionSettings function, String runtimeApi) {
    List<Path> classpath = function.code().classpath();
    Map<String, String> environment =
        FunctionEnvironment.withCode(function.environment(), function.code());
    int memorySize = function.definition().memorySize();
    if (jdk == null) {
      return ChildLaunch.bootstrap(ChildLaunch.codeRoot(classpath), environment, runtimeApi);
    }
    return client == RuntimeClient.AWS
        ? ChildLaunch.awsRuntimeClient(
            jdk,
            memorySize,
            AwsRuntimeClientFiles.get(),
            classpath,
            function.definition().handler(),
            environment,
            runtimeApi,
            debugPort)
        : ChildLaunch.java(
            jdk,
            RuntimeApiBootstrap.class,
            memorySize,
            classpath,
            environment,
            runtimeApi,
            debugPort);
  }
}
