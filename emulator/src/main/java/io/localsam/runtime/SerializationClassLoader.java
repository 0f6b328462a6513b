package io.localsam.runtime;

import io.localsam.host.EmbeddedFiles;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLConnection;

/**
 * Loads one copy of AWS's own serializer (aws-lambda-java-serialization, what the managed Java
 * runtime uses), beside a function's class loader as in the runtime, where it lives in the system
 * class loader: the jar is self-contained (its Jackson, org.json and joda-time are shaded; it needs
 * only the JDK), and it reaches the function's classes through the loader it is given ({@code
 * serializerFor(type, loader)}) and the thread's context loader, never through its parent, so a
 * copy can be loaded before the function it will serve is known ({@link SerializerSpare}). The
 * function never sees it. Its own packages are loaded child-first.
 */
final class SerializationClassLoader extends URLClassLoader {
  private static final String RESOURCE = "aws-lambda-java-serialization.jar";
  private static final URL JAR = locateJar();

  static {
    registerAsParallelCapable();
  }

  SerializationClassLoader() {
    super(new URL[] {JAR}, ClassLoader.getPlatformClassLoader());
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

  /**
   * Reads a resource (joda-time's zone data) through a connection of its own. The JDK's version
   * shares one cached {@code JarFile} per jar among all loaders and closes it when any of them is
   * closed, so an environment ending would close the stream another one is reading its zone data
   * from.
   */
  @Override
  public InputStream getResourceAsStream(String name) {
    URL url = getResource(name);
    if (url == null) {
      return null;
    }
    try {
      URLConnection connection = url.openConnection();
      connection.setUseCaches(false);
      return connection.getInputStream();
    } catch (IOException e) {
      return null;
    }
  }

  /** Whether this copy has loaded {@code name} already. */
  boolean isLoaded(String name) {
    return findLoadedClass(name) != null;
  }

  private static boolean isOwn(String name) {
    return name.startsWith("com.amazonaws.services.lambda.runtime.serialization.")
        || name.startsWith("com.amazonaws.lambda.thirdparty.");
  }

  /**
   * The embedded jar, unpacked once (see {@link EmbeddedFiles}) so a cold start does not pay for
   * it.
   */
  private static URL locateJar() {
    try {
      return EmbeddedFiles.resource(SerializationClassLoader.class, RESOURCE).toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }
}
