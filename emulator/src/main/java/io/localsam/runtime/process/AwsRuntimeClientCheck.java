package io.localsam.runtime.process;

import io.localsam.runtime.child.AwsRuntimeClientMain;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Whether AWS's runtime interface client can run functions on a JDK here, found out once per JDK
 * when the functions are mounted, so the start-up line says it rather than each child's crash: the
 * OS and CPU must be ones it ships native code for, its files must unpack, and its native library
 * must load in that JDK. The load is tried in a short-lived JVM of that JDK; LocalSAM's own JVM
 * never loads it.
 */
public final class AwsRuntimeClientCheck {
  // LocalSAM's launcher is compiled for Java 17, as LocalSAM is
  private static final int LAUNCHER_JAVA = 17;
  private static final long LIMIT_SECONDS = 30;
  private static final Map<Path, String> CHECKED =
      new ConcurrentHashMap<>(); // by java launcher; "" when it runs

  private AwsRuntimeClientCheck() {}

  /** Empty when the client can run functions on {@code jdk}, else why not, in a sentence. */
  public static Optional<String> problem(Jdk jdk) {
    String problem = CHECKED.computeIfAbsent(jdk.java(), java -> check(jdk));
    return problem.isEmpty() ? Optional.empty() : Optional.of(problem);
  }

  private static String check(Jdk jdk) {
    Optional<String> platform = AwsRuntimeClientFiles.unsupportedPlatform();
    if (platform.isPresent()) {
      return platform.get();
    }
    if (jdk.feature() < LAUNCHER_JAVA) {
      return "AWS's runtime interface client starts behind LocalSAM's launcher, which needs Java "
          + LAUNCHER_JAVA
          + " or newer, and the JDK chosen is Java "
          + jdk.feature()
          + " ("
          + jdk.home()
          + "); name a newer one with --jdk";
    }
    AwsRuntimeClientFiles files;
    try {
      files = AwsRuntimeClientFiles.get();
    } catch (UncheckedIOException | UnsupportedOperationException e) {
      return e.getMessage();
    }
    return loads(jdk, files);
  }

  /** "" when the native library loads in a JVM of {@code jdk}, else the launcher's reason. */
  private static String loads(Jdk jdk, AwsRuntimeClientFiles files) {
    List<String> command =
        List.of(
            jdk.java().toString(),
            "-Xshare:auto",
            "-XX:TieredStopAtLevel=1",
            "-D" + AwsRuntimeClientMain.NATIVE_LIBRARY + "=" + files.nativeLibrary(),
            "-cp",
            files.classpath().stream()
                .map(Path::toString)
                .collect(Collectors.joining(File.pathSeparator)),
            AwsRuntimeClientMain.class.getName(),
            AwsRuntimeClientMain.CHECK);
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return "AWS's runtime interface client's check did not end within "
            + LIMIT_SECONDS
            + " seconds ("
            + jdk.java()
            + ")";
      }
      if (process.exitValue() == 0) {
        return "";
      }
      String output =
          new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      return output.isEmpty()
          ? "AWS's runtime interface client's check ended with exit status " + process.exitValue()
          : output.substring(output.lastIndexOf('\n') + 1);
    } catch (IOException e) {
      return "AWS's runtime interface client's check could not start "
          + jdk.java()
          + ": "
          + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "AWS's runtime interface client's check was interrupted";
    }
  }
}
