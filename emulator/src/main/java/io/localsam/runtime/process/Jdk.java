package io.localsam.runtime.process;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * A JDK (or JRE) installed on this machine: its home folder, its feature version (17, 21, ...) as
 * its {@code release} file states it, and where LocalSAM found it.
 */
public record Jdk(Path home, int feature, String foundIn) {

  /** The {@code java} launcher of this JDK. */
  public Path java() {
    boolean windows = System.getProperty("os.name", "").startsWith("Windows");
    return home.resolve("bin").resolve(windows ? "java.exe" : "java");
  }

  /**
   * The JDK at {@code home}, or empty when it is not one (no launcher, or no readable {@code
   * release} file).
   */
  static Optional<Jdk> at(Path home, String foundIn) {
    Path release = home.resolve("release");
    if (!Files.isRegularFile(release)) {
      return Optional.empty();
    }
    Properties values = new Properties();
    try (Reader in = Files.newBufferedReader(release)) {
      values.load(in);
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
    int feature = feature(values.getProperty("JAVA_VERSION", ""));
    Jdk jdk = new Jdk(home.toAbsolutePath().normalize(), feature, foundIn);
    return feature > 0 && Files.isRegularFile(jdk.java()) ? Optional.of(jdk) : Optional.empty();
  }

  /**
   * The feature version of a {@code JAVA_VERSION} value: "1.8.0_392" is 8, "21.0.2" is 21, "25" is
   * 25.
   */
  static int feature(String javaVersion) {
    String version = javaVersion.replace("\"", "").trim();
    if (version.startsWith("1.")) {
      version = version.substring(2);
    }
    int end = 0;
    while (end < version.length() && Character.isDigit(version.charAt(end))) {
      end++;
    }
    return end == 0 ? 0 : Integer.parseInt(version.substring(0, end));
  }
}
