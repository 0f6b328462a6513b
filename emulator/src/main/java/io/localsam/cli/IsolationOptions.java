package io.localsam.cli;

import io.localsam.config.Isolation;
import io.localsam.config.RuntimeClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * Where functions run, for the three commands that run them: {@code --isolation}, per function
 * {@code --isolation-process}, the JDKs for runtimes ({@code --jdk}), the runtime client in a Java
 * function's process ({@code --runtime-client}), and SAM CLI's debugger flags. In {@code
 * samconfig.toml} they are {@code isolation}, {@code isolation_process}, {@code jdk}, {@code
 * runtime_client}, {@code debug_port} and {@code debug_function}; lists there are comma-separated.
 */
final class IsolationOptions {
  enum Mode {
    IN_PROCESS,
    PROCESS
  }

  // No default value: with --runtime-client aws, an --isolation not given means process
  @Option(
      names = "--isolation",
      paramLabel = "in-process|process",
      converter = ModeConverter.class,
      description =
          "in-process (default, fastest): every function in LocalSAM's JVM. process: each execution environment"
              + " in a JVM of its own, with its own process environment, working directory, heap, JVM flags and Java version.")
  Mode isolation;

  @Option(
      names = "--isolation-process",
      paramLabel = "FUNCTION",
      split = ",",
      description =
          "Run this function in processes of its own even when the others run in-process (repeatable).")
  List<String> processFunctions = new ArrayList<>();

  @Option(
      names = "--jdk",
      paramLabel = "RUNTIME=JDK_HOME",
      split = ",",
      description =
          "The JDK to run a runtime's functions with in process isolation, e.g. java21=/usr/lib/jvm/jdk-21"
              + " (repeatable). Without one, LocalSAM looks in Maven's toolchains.xml, JAVA_HOME-style variables and the"
              + " usual install folders.")
  Map<String, Path> jdks = new LinkedHashMap<>();

  @Option(
      names = "--runtime-client",
      paramLabel = "localsam|aws",
      defaultValue = "localsam",
      converter = ClientConverter.class,
      description =
          "What a Java function's process runs: localsam (default; runs wherever Java runs), or aws: AWS's runtime interface"
              + " client, as Lambda runs it (Linux x86_64 and aarch64 only). aws implies --isolation process unless --isolation"
              + " or --isolation-process say otherwise.")
  RuntimeClient runtimeClient;

  @Option(
      names = {"-d", "--debug-port"},
      paramLabel = "PORT",
      description =
          "Start the debugged function's environment in a process of its own that waits for a debugger"
              + " (JDWP) on this port; its timeouts are suspended.")
  int debugPort;

  @Option(
      names = "--debug-function",
      paramLabel = "FUNCTION",
      description = "The function --debug-port applies to (default: every function).")
  List<String> debugFunctions = new ArrayList<>();

  Isolation toIsolation() {
    Isolation chosen =
        new Isolation(
            isolation == Mode.PROCESS,
            Set.copyOf(processFunctions),
            jdks,
            debugPort,
            Set.copyOf(debugFunctions),
            runtimeClient);
    return isolation == null
        ? chosen.withRuntimeClient(runtimeClient)
        : chosen; // --isolation given: it alone decides
  }

  /** Accepts SAM-style spellings: {@code in-process}, {@code process}, any case. */
  static final class ModeConverter implements ITypeConverter<Mode> {
    @Override
    public Mode convert(String value) {
      return switch (value.trim().toLowerCase(Locale.ROOT)) {
        case "in-process", "inprocess", "in_process" -> Mode.IN_PROCESS;
        case "process" -> Mode.PROCESS;
        default ->
            throw new TypeConversionException(
                "expected in-process or process, not '" + value + "'");
      };
    }
  }

  /** {@code localsam} or {@code aws}, any case. */
  static final class ClientConverter implements ITypeConverter<RuntimeClient> {
    @Override
    public RuntimeClient convert(String value) {
      try {
        return RuntimeClient.of(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
