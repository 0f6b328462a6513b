package io.localsam.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.JarEntry;

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
   * folder once per content and reused by later runs, so a cold start does not pay for it. The copy is
   * named by the entry's CRC-32 and size, which our jar's directory holds: finding it costs no unpacking
   * (inflating and hashing its 3.8 MB took 35-45 ms of every child JVM's Init on a busy 2-core machine).
   */
  private static URL locateJar() {
    URL resource = SerializationClassLoader.class.getResource(RESOURCE);
    if (resource == null) {
      throw new IllegalStateException(RESOURCE + " is missing from LocalSAM's build; rebuild with Maven");
    }
    if (resource.getProtocol().equals("file")) {
      return resource;
    }
    try {
      JarEntry entry = ((JarURLConnection) resource.openConnection()).getJarEntry();
      Path copy = Path.of(System.getProperty("java.io.tmpdir")).resolve("localsam-" + BuildInfo.version() + "-"
          + Long.toHexString(entry.getCrc()) + "-" + entry.getSize() + "-" + RESOURCE); // a zip's directory has both
      if (!Files.isRegularFile(copy) || Files.size(copy) != entry.getSize()) {
        unpack(resource, copy);
      }
      return copy.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack " + RESOURCE, e);
    }
  }

  /** Written under a temporary name and moved into place, so two LocalSAMs starting at once each see a whole file. */
  private static void unpack(URL resource, Path copy) throws IOException {
    Path partial = Files.createTempFile(copy.getParent(), "localsam-", ".partial");
    try (InputStream in = resource.openStream(); OutputStream out = Files.newOutputStream(partial)) {
      in.transferTo(out); // into the file createTempFile made, readable by this user alone
      out.close();
      Files.move(partial, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(partial);
    }
  }
}
