package io.localsam.runtime.process;

import io.localsam.host.EmbeddedFiles;
import io.localsam.runtime.child.AwsRuntimeClientMain;
import io.localsam.runtime.child.ParentWatch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * AWS's runtime interface client as files a child JVM can run, unpacked once per LocalSAM run: the
 * jar of LocalSAM's launcher ({@link AwsRuntimeClientMain}), the client's jar and the jars it needs
 * at run time (aws-lambda-java-core, AWS's serializer, the SDK's utils-lite), all embedded in
 * LocalSAM's jar as resources and never on LocalSAM's own class path, and the client's native
 * library for this machine.
 *
 * @param classpath the launcher's and the client's jars, to put before the function's class path
 * @param nativeLibrary the client's JNI library for this OS, C library and CPU
 */
public record AwsRuntimeClientFiles(List<Path> classpath, Path nativeLibrary) {
  static final String CLIENT_JAR = "aws-lambda-java-runtime-interface-client.jar";
  private static final List<String> CLIENT_NEEDS =
      List.of("aws-lambda-java-core.jar", "utils-lite.jar");
  private static final String SERIALIZATION_JAR =
      "/io/localsam/runtime/aws-lambda-java-serialization.jar";
  private static final List<Class<?>> LAUNCHER_CLASSES =
      List.of(AwsRuntimeClientMain.class, ParentWatch.class);
  private static AwsRuntimeClientFiles unpacked; // guarded by the class

  public AwsRuntimeClientFiles {
    classpath = List.copyOf(classpath);
  }

  /**
   * The files, unpacked on first use.
   *
   * @throws UnsupportedOperationException when the client has no native library for this machine
   * @throws UncheckedIOException when they cannot be written to the temp folder
   */
  public static synchronized AwsRuntimeClientFiles get() {
    if (unpacked == null) {
      unpacked =
          unpack(); // not kept when it fails: the next environment tries again, and says why again
    }
    return unpacked;
  }

  /**
   * Why the client cannot run on this OS and CPU, or empty when it ships a native library for them.
   */
  public static Optional<String> unsupportedPlatform() {
    return nativeLibraryName(
                System.getProperty("os.name", ""), System.getProperty("os.arch", ""), musl())
            .isPresent()
        ? Optional.empty()
        : Optional.of(
            "AWS's runtime interface client runs only on Linux on x86_64 or aarch64 (it ships native code for those"
                + " alone, as Lambda runs it), and this is "
                + System.getProperty("os.name")
                + " on "
                + System.getProperty("os.arch")
                + "; run it with --runtime-client localsam (the default)");
  }

  /**
   * The client's library for an OS and CPU as the JDK names them ({@code os.name}, {@code
   * os.arch}), if it has one.
   */
  static Optional<String> nativeLibraryName(String osName, String osArch, boolean musl) {
    if (!osName.toLowerCase(Locale.ROOT).startsWith("linux")) {
      return Optional.empty();
    }
    String cpu =
        switch (osArch) {
          case "amd64", "x86_64" -> "x86_64";
          case "aarch64", "arm64" -> "aarch_64";
          default -> null;
        };
    return cpu == null
        ? Optional.empty()
        : Optional.of("libaws-lambda-jni." + (musl ? "linux_musl-" : "linux-") + cpu + ".so");
  }

  // Alpine and its kin: the dynamic loader is musl's, and the glibc build of the library would not
  // load
  private static boolean musl() {
    String cpu = System.getProperty("os.arch", "").equals("aarch64") ? "aarch64" : "x86_64";
    return Files.exists(Path.of("/lib/ld-musl-" + cpu + ".so.1"));
  }

  private static AwsRuntimeClientFiles unpack() {
    String library =
        nativeLibraryName(
                System.getProperty("os.name", ""), System.getProperty("os.arch", ""), musl())
            .orElseThrow(
                () -> new UnsupportedOperationException(unsupportedPlatform().orElseThrow()));
    try {
      Path client = EmbeddedFiles.resource(AwsRuntimeClientFiles.class, CLIENT_JAR);
      List<Path> needs =
          CLIENT_NEEDS.stream()
              .map(jar -> EmbeddedFiles.resource(AwsRuntimeClientFiles.class, jar))
              .toList();
      Path serialization = EmbeddedFiles.resource(AwsRuntimeClientFiles.class, SERIALIZATION_JAR);
      Path launcher = EmbeddedFiles.cached("aws-runtime-client-launcher.jar", launcherJar());
      List<Path> classpath = new ArrayList<>(List.of(launcher, client));
      classpath.addAll(needs);
      classpath.add(serialization);
      return new AwsRuntimeClientFiles(
          classpath, EmbeddedFiles.cached(library, entry(client, "jni/" + library)));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot unpack AWS's runtime interface client: " + e.getMessage(), e);
    }
  }

  /**
   * A jar of the launcher's classes alone; entries carry no time, so its hash, and its cached copy,
   * stay the same.
   */
  private static byte[] launcherJar() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JarOutputStream jar = new JarOutputStream(bytes)) {
      for (Class<?> type : LAUNCHER_CLASSES) {
        ZipEntry entry = new ZipEntry(type.getName().replace('.', '/') + ".class");
        entry.setTime(0);
        jar.putNextEntry(entry);
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
          in.transferTo(jar);
        }
        jar.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static byte[] entry(Path jar, String name) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      ZipEntry entry = zip.getEntry(name);
      if (entry == null) {
        throw new IOException(jar + " has no " + name);
      }
      try (InputStream in = zip.getInputStream(entry)) {
        return in.readAllBytes();
      }
    }
  }
}
