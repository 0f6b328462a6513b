package io.localsam.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.localsam.Emulator;
import io.localsam.EmulatorOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.tools.ToolProvider;

/**
 * How soon a rebuilt function is served: rewrites one handler class (as {@code mvn compile} does)
 * and invokes the function every two milliseconds until it answers with the new code; prints each
 * time from the end of the write to the first new answer, and their median and maximum.
 *
 * <p>{@code java -cp bench/target/classes:EMULATOR_JAR io.localsam.bench.HotReloadProbe [TIMES]}
 */
public final class HotReloadProbe {
  private static final String MARKER = "gen-00000";

  private HotReloadProbe() {}

  public static void main(String[] args) throws Exception {
    int times = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    Path folder = Files.createTempDirectory("localsam-reload-probe");
    Path source = folder.resolve("src/probe/Generation.java");
    Files.createDirectories(source.getParent());
    Files.writeString(
        source,
        """
        package probe;
        public class Generation implements com.amazonaws.services.lambda.runtime.RequestHandler<Object, String> {
          public String handleRequest(Object input, com.amazonaws.services.lambda.runtime.Context context) {
            return "%s";
          }
        }
        """
            .formatted(MARKER));
    Path code = folder.resolve("code");
    String coreApi =
        Path.of(RequestHandler.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .toString();
    if (ToolProvider.getSystemJavaCompiler()
            .run(null, null, null, "-d", code.toString(), "-cp", coreApi, source.toString())
        != 0) {
      throw new IllegalStateException("the probe function does not compile");
    }
    Path classFile = code.resolve("probe/Generation.class");
    byte[] original = Files.readAllBytes(classFile);
    Path template = folder.resolve("template.yaml");
    Files.writeString(
        template,
        """
        Resources:
          Probe:
            Type: AWS::Serverless::Function
            Properties: {CodeUri: %s, Handler: probe.Generation, Runtime: java17}
        """
            .formatted(code));
    List<Long> millis = new ArrayList<>();
    try (Emulator emulator =
        Emulator.start(EmulatorOptions.builder(template).port(0).log(line -> {}).build())) {
      emulator.invoke("Probe", "{}");
      for (int generation = 1; generation <= times; generation++) {
        String marker = String.format(Locale.ROOT, "gen-%05d", generation);
        Files.write(classFile, patched(original, marker));
        Files.setLastModifiedTime(classFile, FileTime.from(Instant.now().plusSeconds(generation)));
        long written = System.nanoTime();
        while (!emulator.invoke("Probe", "{}").response().contains(marker)) {
          Thread.sleep(2);
          if (System.nanoTime() - written > 30_000_000_000L) {
            throw new IllegalStateException("generation " + generation + " not served within 30 s");
          }
        }
        long elapsed = (System.nanoTime() - written) / 1_000_000;
        millis.add(elapsed);
        System.out.printf(
            Locale.ROOT, "generation %d served %d ms after the write%n", generation, elapsed);
      }
    }
    long[] sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
    System.out.printf(
        Locale.ROOT,
        "median %d ms, max %d ms over %d rebuilds%n",
        sorted[sorted.length / 2],
        sorted[sorted.length - 1],
        sorted.length);
  }

  private static byte[] patched(byte[] classFile, String marker) {
    byte[] patched = classFile.clone();
    byte[] from = MARKER.getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i + from.length <= patched.length; i++) {
      if (Arrays.equals(patched, i, i + from.length, from, 0, from.length)) {
        System.arraycopy(marker.getBytes(StandardCharsets.US_ASCII), 0, patched, i, from.length);
      }
    }
    return patched;
  }
}
