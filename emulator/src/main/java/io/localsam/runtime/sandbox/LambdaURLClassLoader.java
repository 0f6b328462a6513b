package io.localsam.runtime.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLStreamHandlerFactory;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;

/**
 * What a function's {@code new URLClassLoader(...)} becomes: the same loader, except that the
 * classes it defines get the rewriting of the function's own classes. Without it, a class loaded
 * through a loader of the function's own (a plugin, a null parent to keep the JDK alone) would read
 * LocalSAM's environment, properties and defaults instead of the function's, and could end the JVM.
 */
public final class LambdaURLClassLoader extends URLClassLoader {
  private static final String SANDBOX = LambdaURLClassLoader.class.getPackageName() + ".";

  static {
    registerAsParallelCapable();
  }

  public LambdaURLClassLoader(URL[] urls) {
    super(urls);
  }

  public LambdaURLClassLoader(URL[] urls, ClassLoader parent) {
    super(urls, parent);
  }

  public LambdaURLClassLoader(String name, URL[] urls, ClassLoader parent) {
    super(name, urls, parent);
  }

  public LambdaURLClassLoader(URL[] urls, ClassLoader parent, URLStreamHandlerFactory factory) {
    super(urls, parent, factory);
  }

  public LambdaURLClassLoader(
      String name, URL[] urls, ClassLoader parent, URLStreamHandlerFactory factory) {
    super(name, urls, parent, factory);
  }

  public static URLClassLoader newInstance(URL[] urls) {
    return new LambdaURLClassLoader(urls);
  }

  public static URLClassLoader newInstance(URL[] urls, ClassLoader parent) {
    return new LambdaURLClassLoader(urls, parent);
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (name.startsWith(SANDBOX)) {
      // rewritten classes call the sandbox, which is the environment's, whatever this loader's
      // parent
      return Class.forName(name, false, LambdaURLClassLoader.class.getClassLoader());
    }
    return super.loadClass(name, resolve);
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    URL resource = findResource(name.replace('.', '/') + ".class");
    if (resource == null) {
      throw new ClassNotFoundException(name);
    }
    byte[] bytes;
    try (InputStream in = resource.openStream()) {
      bytes = LambdaSystem.rewrite(in.readAllBytes());
    } catch (IOException e) {
      throw new ClassNotFoundException(name, e);
    }
    definePackageOf(name);
    CodeSource source = new CodeSource(codeBase(resource), (Certificate[]) null);
    return defineClass(
        name, bytes, 0, bytes.length, new ProtectionDomain(source, null, this, null));
  }

  private void definePackageOf(String className) {
    int dot = className.lastIndexOf('.');
    if (dot > 0 && getDefinedPackage(className.substring(0, dot)) == null) {
      try {
        definePackage(className.substring(0, dot), null, null, null, null, null, null, null);
      } catch (IllegalArgumentException alreadyDefinedByAnotherThread) {
        // fine: the package exists now
      }
    }
  }

  /** The class path entry the class came from. */
  private URL codeBase(URL resource) {
    String text = resource.toString();
    for (URL entry : getURLs()) {
      String base = entry.toString();
      if (text.startsWith(base) || text.startsWith("jar:" + base + "!")) {
        return entry;
      }
    }
    return resource;
  }
}
