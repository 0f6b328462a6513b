package io.localsam.runtime.process;

import java.util.ArrayList;
import java.util.List;

/**
 * The JVM flags Lambda's managed Java runtimes (java17, java21, ...) start the function's JVM with,
 * as their command line shows it inside an execution environment: a heap of 85% of {@code
 * MemorySize} (512 MB gives {@code -XX:MaxHeapSize=445645k}), the serial collector, C1 only (tiered
 * compilation stopped at level 1, for start-up speed), {@code java.io} opened to the runtime, crash
 * files to stderr and IPv4 preferred. The template's {@code JAVA_TOOL_OPTIONS} is not here: the JVM
 * reads it from the environment itself, as in Lambda, before its command line, so a flag set both
 * ways keeps these values.
 *
 * <p>Beside them, what Lambda's installed {@code en_US.UTF-8} locale gives a JVM, which a machine
 * without that locale would not: UTF-8 as the default charset (Java 17) and on the standard streams
 * (Java 19+).
 */
public final class LambdaJvmFlags {
  private static final double HEAP_SHARE = 0.85;

  private LambdaJvmFlags() {}

  /** The heap Lambda gives a function of {@code memorySizeMb}, in KiB. */
  public static long maxHeapKib(int memorySizeMb) {
    return Math.round(memorySizeMb * 1024L * HEAP_SHARE);
  }

  /**
   * The flags for a function of {@code memorySizeMb} on a JDK of feature version {@code
   * javaFeature}.
   */
  public static List<String> forMemorySize(int memorySizeMb, int javaFeature) {
    List<String> flags =
        new ArrayList<>(
            List.of(
                "-XX:MaxHeapSize=" + maxHeapKib(memorySizeMb) + "k",
                "-XX:+UseSerialGC",
                "-Xshare:auto", // Lambda maps its own class-data archive; the local JDK's default
                // one is the equivalent
                "-XX:+TieredCompilation",
                "-XX:TieredStopAtLevel=1",
                "--add-opens=java.base/java.io=ALL-UNNAMED",
                "-XX:+ErrorFileToStderr",
                "-Djava.net.preferIPv4Stack=true"));
    if (javaFeature < 18) { // JEP 400 made UTF-8 the default from 18 on; before, the locale decides
      flags.add("-Dfile.encoding=UTF-8");
    }
    if (javaFeature >= 19) { // from 19 on, System.out and System.err take the locale's encoding
      flags.add("-Dstdout.encoding=UTF-8");
      flags.add("-Dstderr.encoding=UTF-8");
    }
    return List.copyOf(flags);
  }
}
