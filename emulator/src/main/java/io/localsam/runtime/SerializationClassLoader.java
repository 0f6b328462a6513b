package io.localsam.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Loads AWS's own serializer (aws-lambda-java-serialization, what the managed Java runtime uses) on top of
 * a function's class loader: it sees the function's classes (event types, POJOs, joda-time) while the
 * function never sees it. Its own packages are loaded child-first, so a function that bundles another
 * copy does not change how events are read.
 */
final class SerializationClassLoader extends URLClassLoader {
  private static final String RESOURCE = "aws-lambda-java-serialization.jar";
  private static final URL JAR = locateJar();

  static {
    registerAsParallelCapable();
  }

  SerializationClassLoader(ClassLoader functionLoader) {
    super(new URL[] {JAR}, functionLoader);
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (!isOwn(name)) {
      return super.loadClass(name, resolve);
    }
    synchronized (getClassLoadingLock(name)) {
      Class<?> loaded = findLoadedClass(name);
      if (loaded == null) {
        loaded = findClass(name);
      }
      if (resolve) {
        resolveClass(loaded);
      }
      return loaded;
    }
  }

  private static boolean isOwn(String name) {
    return name.startsWith("com.amazonaws.services.lambda.runtime.serialization.")
        || name.startsWith("com.amazonaws.lambda.thirdparty.");
  }

  /** Loads the class, so the jar is unpacked (once) before the first function needs it. */
  static void prepare() {
    JAR.getPath();
  }

  /**
   * The embedded jar: used in place when it is a file (tests); inside our jar, copied out to the temp
   * folder once per LocalSAM version and reused by later runs, so a cold start does not pay for it.
   */
  private static URL locateJar() {
    URL resource = SerializationClassLoader.class.getResource(RESOURCE);
    if (resource == null) {
      throw new IllegalStateException(RESOURCE + " is missing from LocalSAM's build; rebuild with Maven");
    }
    if (resource.getProtocol().equals("file")) {
      return resource;
    }
    try (InputStream in = resource.openStream()) {
      byte[] bytes = in.readAllBytes();
      Path copy = Path.of(System.getProperty("java.io.tmpdir"))
          .resolve("localsam-" + BuildInfo.version() + "-" + Integer.toHexString(java.util.Arrays.hashCode(bytes)) + "-" + RESOURCE);
      if (!Files.isRegularFile(copy) || Files.size(copy) != bytes.length) {
        Path partial = Files.createTempFile(copy.getParent(), "localsam-", ".partial");
        Files.write(partial, bytes);
        Files.move(partial, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
      return copy.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack " + RESOURCE, e);
    }
  }
}
