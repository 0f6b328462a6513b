package io.localsam.runtime;

import io.localsam.host.EmbeddedFiles;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;

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

  /** The embedded jar, unpacked once (see {@link EmbeddedFiles}) so a cold start does not pay for it. */
  private static URL locateJar() {
    try {
      return EmbeddedFiles.resource(SerializationClassLoader.class, RESOURCE).toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }
}
