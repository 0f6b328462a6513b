package io.localsam.runtime.sandbox;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * What a function's {@code ProcessBuilder} calls are rewritten to: a builder starts out with the
 * function's environment, as a child process in Lambda inherits it, instead of LocalSAM's (the
 * host's variables, credentials included). Each public static method stands for the {@code
 * ProcessBuilder} method of the same name, its receiver first.
 */
public final class LambdaProcessBuilder {
  // Builders whose environment was set to the function's; later changes by the function are its
  // own.
  private static final Set<ProcessBuilder> prepared =
      Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

  private LambdaProcessBuilder() {}

  public static Map<String, String> environment(ProcessBuilder builder) {
    prepare(builder);
    return builder.environment();
  }

  public static Process start(ProcessBuilder builder) throws IOException {
    prepare(builder);
    return builder.start();
  }

  public static List<Process> startPipeline(List<ProcessBuilder> builders) throws IOException {
    builders.forEach(LambdaProcessBuilder::prepare);
    return ProcessBuilder.startPipeline(builders);
  }

  private static void prepare(ProcessBuilder builder) {
    if (prepared.add(builder)) {
      Map<String, String> environment = builder.environment();
      environment.clear();
      environment.putAll(LambdaSystem.getenv());
    }
  }
}
