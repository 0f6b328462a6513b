package io.localsam.runtime.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * Which Java a function's handler class was compiled for, read from its class file (major version
 * 61 is Java 17, 65 is Java 21), so a JDK too old for it is refused with a message before a JVM is
 * started, instead of an {@code UnsupportedClassVersionError} from inside it.
 */
public final class ClassFileVersion {
  private static final int MAGIC = 0xCAFEBABE;
  private static final int JAVA_1_OFFSET = 44; // major 45 is Java 1.1, 52 is Java 8

  private ClassFileVersion() {}

  /** The Java feature version a class file's major version needs: 52 is 8, 65 is 21. */
  public static int javaFeature(int major) {
    return major - JAVA_1_OFFSET;
  }

  /**
   * The major version of {@code className} as found first on the class path; empty when it is not
   * there or unreadable.
   */
  public static OptionalInt majorVersion(List<Path> classpath, String className) {
    String entry = className.replace('.', '/') + ".class";
    for (Path root : classpath) {
      try {
        if (Files.isDirectory(root)) {
          Path file = root.resolve(entry);
          if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
              return read(in);
            }
          }
        } else if (Files.isRegularFile(root)) {
          try (JarFile jar = new JarFile(root.toFile())) {
            ZipEntry found = jar.getEntry(entry);
            if (found != null) {
              try (InputStream in = jar.getInputStream(found)) {
                return read(in);
              }
            }
          }
        }
      } catch (IOException unreadable) {
        return OptionalInt.empty(); // the runtime will report the class itself
      }
    }
    return OptionalInt.empty();
  }

  private static OptionalInt read(InputStream in) throws IOException {
    byte[] header = in.readNBytes(8);
    if (header.length < 8 || readInt(header, 0) != MAGIC) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(((header[6] & 0xFF) << 8) | (header[7] & 0xFF));
  }

  private static int readInt(byte[] bytes, int at) {
    return ((bytes[at] & 0xFF) << 24)
        | ((bytes[at + 1] & 0xFF) << 16)
        | ((bytes[at + 2] & 0xFF) << 8)
        | (bytes[at + 3] & 0xFF);
  }

  /**
   * Null when {@code jdk} can load the handler class, else the message saying why not and what to
   * do.
   *
   * @param handler the {@code Handler} setting: {@code Class} or {@code Class::method}
   */
  public static String refusal(
      String functionId, String handler, List<Path> classpath, Jdk jdk, String runtime) {
    int split = handler.indexOf("::");
    String className = split < 0 ? handler : handler.substring(0, split);
    OptionalInt major = majorVersion(classpath, className);
    if (major.isEmpty() || javaFeature(major.getAsInt()) <= jdk.feature()) {
      return null;
    }
    int needs = javaFeature(major.getAsInt());
    return "Function "
        + functionId
        + ": "
        + className
        + " is compiled for Java "
        + needs
        + " (class file version "
        + major.getAsInt()
        + "), but the JDK chosen for Runtime "
        + runtime
        + " is Java "
        + jdk.feature()
        + " ("
        + jdk.home()
        + ", from "
        + jdk.foundIn()
        + "). Compile with --release "
        + jdk.feature()
        + ", or set Runtime: java"
        + needs
        + " or name a newer JDK with --jdk "
        + runtime
        + "=/path/to/jdk.";
  }
}
