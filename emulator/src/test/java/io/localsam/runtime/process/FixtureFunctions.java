package io.localsam.runtime.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The test functions as Lambda's zip layout has them: their classes at the code root, their
 * libraries in lib/.
 */
final class FixtureFunctions {
  private FixtureFunctions() {}

  static Path codeRoot() {
    try {
      return Path.of(
          FixtureFunctions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Path> classpath() {
    List<Path> classpath = new ArrayList<>(List.of(codeRoot()));
    try (Stream<Path> jars = Files.list(codeRoot().resolve("lib"))) {
      jars.sorted().forEach(classpath::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return classpath;
  }

  /** Lambda's variables for a function, the way LocalSAM builds them. */
  static Map<String, String> lambdaEnvironment(String name, String handler, int memorySize) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("AWS_LAMBDA_FUNCTION_NAME", name);
    env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(memorySize));
    env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + name);
    env.put("AWS_LAMBDA_LOG_STREAM_NAME", "$LATEST");
    env.put("_HANDLER", handler);
    env.put("LAMBDA_TASK_ROOT", codeRoot().toString());
    env.put("TZ", ":UTC");
    env.put("LANG", "en_US.UTF-8");
    env.put("PATH", "/usr/local/bin:/usr/bin/:/bin:/opt/bin");
    return env;
  }

  /** The JVM running the tests, as a {@link Jdk}. */
  static Jdk currentJdk() {
    return Jdk.at(Path.of(System.getProperty("java.home")), "java.home").orElseThrow();
  }
}
