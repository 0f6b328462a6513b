package io.localsam.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Values Maven wrote into {@code build.properties} when LocalSAM was built (versions pinned in the
 * root pom).
 */
public final class BuildInfo {
  private static final Properties PROPERTIES = load();

  private BuildInfo() {}

  public static String property(String name) {
    String value = PROPERTIES.getProperty(name);
    if (value == null || value.startsWith("${")) {
      throw new IllegalStateException(
          "build.properties has no value for " + name + "; rebuild LocalSAM with Maven");
    }
    return value;
  }

  public static String version() {
    return property("localsam.version");
  }

  private static Properties load() {
    Properties properties = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }
}
