package io.localsam.runtime.process;

import io.localsam.runtime.child.AwsRuntimeClientMain;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How to start one execution environment's process: its command, its whole environment and its
 * working directory. The environment is the function's Lambda environment plus {@code
 * AWS_LAMBDA_RUNTIME_API}; the working directory is the code root, Lambda's {@code /var/task}.
 */
public record ChildLaunch(List<String> command, Map<String, String> environment, Path directory) {
  static final String RUNTIME_API = "AWS_LAMBDA_RUNTIME_API";
  private static final Path SHELL = Path.of("/bin/sh");

  /**
   * The shell a custom runtime starts from: it keeps LocalSAM's pipe, its standard input, on
   * descriptor 3 for a background reader, then becomes the bootstrap (same process, so exits,
   * signals and memory are the bootstrap's own) with no input. At the pipe's end, LocalSAM gone
   * (even by SIGKILL), the reader kills the bootstrap; when the bootstrap ends first, the JDK
   * closes the pipe and the reader ends too.
   */
  private static final String WATCHED =
      """
      exec 3<&0 </dev/null
      (while read -r _ <&3; do :; done; kill -KILL $$ 2>/dev/null) &
      exec "$@" 3<&-
      """;

  public ChildLaunch {
    command = List.copyOf(command);
    environment = Map.copyOf(environment);
  }

  /**
   * A Java function on LocalSAM's own runtime ({@code bootstrap}, a class of LocalSAM's whose main
   * serves the Runtime API: the runtime package names it, so this package never depends on that
   * one) in {@code jdk}, with Lambda's flags for {@code memorySizeMb}; with {@code debugPort} above
   * 0, JDWP waits there for a debugger.
   */
  public static ChildLaunch java(
      Jdk jdk,
      Class<?> bootstrap,
      int memorySizeMb,
      List<Path> functionClasspath,
      Map<String, String> lambdaEnvironment,
      String runtimeApi,
      int debugPort) {
    List<String> command = jvm(jdk, memorySizeMb, debugPort);
    command.add("-cp");
    command.add(ownClasspath()); // LocalSAM's own classes: the runtime and AWS's serializer
    command.add(bootstrap.getName());
    functionClasspath.forEach(entry -> command.add(entry.toAbsolutePath().toString()));
    return new ChildLaunch(
        command, withRuntimeApi(lambdaEnvironment, runtimeApi), codeRoot(functionClasspath));
  }

  /**
   * A Java function on AWS's runtime interface client, in the same JVM with the same flags and
   * debugger as {@link #java}: the class path is the client's jars, then the function's class path
   * (so a function built with Maven, its libraries in the local repository, loads as one packaged
   * with them in lib/), and the client's argument is the handler. LocalSAM's launcher runs first,
   * for the parent watch.
   */
  public static ChildLaunch awsRuntimeClient(
      Jdk jdk,
      int memorySizeMb,
      AwsRuntimeClientFiles client,
      List<Path> functionClasspath,
      String handler,
      Map<String, String> lambdaEnvironment,
      String runtimeApi,
      int debugPort) {
    List<String> command = jvm(jdk, memorySizeMb, debugPort);
    command.add("-D" + AwsRuntimeClientMain.NATIVE_LIBRARY + "=" + client.nativeLibrary());
    command.add("-cp");
    command.add(
        Stream.concat(client.classpath().stream(), functionClasspath.stream())
            .map(entry -> entry.toAbsolutePath().toString())
            .collect(Collectors.joining(File.pathSeparator)));
    command.add(AwsRuntimeClientMain.class.getName());
    command.add(handler);
    return new ChildLaunch(
        command, withRuntimeApi(lambdaEnvironment, runtimeApi), codeRoot(functionClasspath));
  }

  /**
   * The JDK's {@code java} with Lambda's flags, and JDWP waiting on {@code debugPort} when it is
   * above 0.
   */
  private static List<String> jvm(Jdk jdk, int memorySizeMb, int debugPort) {
    List<String> command = new ArrayList<>();
    command.add(jdk.java().toString());
    command.addAll(LambdaJvmFlags.forMemorySize(memorySizeMb, jdk.feature()));
    if (debugPort > 0) {
      command.add(
          "-agentlib:jdwp=transport=dt_socket,server=y,suspend=y,address=127.0.0.1:" + debugPort);
    }
    return command;
  }

  /**
   * LocalSAM's class path with every entry made absolute: the child starts in the function's
   * folder, where {@code java -jar target/emulator.jar}'s relative path would name nothing.
   */
  static String ownClasspath() {
    return absolute(System.getProperty("java.class.path"));
  }

  static String absolute(String classpath) {
    return Arrays.stream(classpath.split(File.pathSeparator))
        .filter(entry -> !entry.isEmpty())
        .map(
            entry ->
                entry.endsWith("*")
                    ? Path.of(entry.substring(0, entry.length() - 1)).toAbsolutePath()
                        + File.separator
                        + "*"
                    : Path.of(entry).toAbsolutePath().toString())
        .collect(Collectors.joining(File.pathSeparator));
  }

  /**
   * A custom runtime ({@code provided.al2023}): the {@code bootstrap} executable at the code root.
   * Where there is a {@code /bin/sh}, the bootstrap starts through {@link #WATCHED}, so it ends
   * with LocalSAM however LocalSAM ends: a bootstrap, unlike LocalSAM's own Java runtime, does not
   * watch for that.
   */
  public static ChildLaunch bootstrap(
      Path codeRoot, Map<String, String> lambdaEnvironment, String runtimeApi) {
    String bootstrap = codeRoot.resolve("bootstrap").toAbsolutePath().toString();
    List<String> command =
        Files.isExecutable(SHELL)
            ? List.of(SHELL.toString(), "-c", WATCHED, "localsam-watch", bootstrap)
            : List.of(bootstrap);
    return new ChildLaunch(command, withRuntimeApi(lambdaEnvironment, runtimeApi), codeRoot);
  }

  private static Map<String, String> withRuntimeApi(
      Map<String, String> lambdaEnvironment, String runtimeApi) {
    Map<String, String> environment = new LinkedHashMap<>(lambdaEnvironment);
    environment.put(RUNTIME_API, runtimeApi);
    // Windows' own libraries (Winsock, which the JVM's networking loads) need SystemRoot; Lambda is
    // Linux and has none
    String systemRoot = System.getenv("SystemRoot");
    if (System.getProperty("os.name", "").startsWith("Windows") && systemRoot != null) {
      environment.putIfAbsent("SystemRoot", systemRoot);
    }
    return environment;
  }

  /**
   * The code root: the first class path entry, or a jar's folder when the code is a jar read in
   * place.
   */
  public static Path codeRoot(List<Path> classpath) {
    Path first = classpath.isEmpty() ? Path.of("") : classpath.get(0).toAbsolutePath();
    return Files.isDirectory(first) ? first : first.getParent();
  }

  @Override
  public String toString() {
    return String.join(" ", command) + " (in " + directory + ")";
  }
}
