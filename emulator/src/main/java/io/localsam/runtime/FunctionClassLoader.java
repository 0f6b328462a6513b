package io.localsam.runtime;

import io.localsam.runtime.sandbox.LambdaSystem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLConnection;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The class loader of one execution environment: the function's classes and jars over the Lambda core
 * API, as the runtime's customer class loader is. Each class is defined with its calls to
 * {@code System.getenv} and {@code System.exit} pointed at this environment's own {@link LambdaSystem}.
 * Unnamed, as the runtime's loader is, so stack frames print as in Lambda.
 */
final class FunctionClassLoader extends URLClassLoader {
  private static final String SANDBOX = LambdaSystem.class.getName();

  static {
    registerAsParallelCapable();
  }

  private final Map<URL, ProtectionDomain> domains = new ConcurrentHashMap<>();

  FunctionClassLoader(URL[] classpath, Map<String, String> environment) {
    super(classpath, LambdaApiClassLoader.INSTANCE);
    Class<?> sandbox = defineSandbox();
    try {
      sandbox.getMethod("install", Map.class).invoke(null, environment);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot install the function's environment", e);
    }
  }

  /** Defines this environment's copy of LambdaSystem (and its Exit error) from LocalSAM's own class files. */
  private Class<?> defineSandbox() {
    defineFromEmulator(SANDBOX + "$Exit");
    return defineFromEmulator(SANDBOX);
  }

  private Class<?> defineFromEmulator(String name) {
    String resource = name.replace('.', '/') + ".class";
    try (InputStream in = LambdaSystem.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from LocalSAM's build");
      }
      byte[] bytes = in.readAllBytes();
      return defineClass(name, bytes, 0, bytes.length);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    String path = name.replace('.', '/') + ".class";
    URL url = findResource(path);
    if (url == null) {
      throw new ClassNotFoundException(name);
    }
    byte[] bytes;
    try {
      URLConnection connection = url.openConnection();
      connection.setUseCaches(false); // a jar rebuilt under us must not be read through a stale cache
      try (InputStream in = connection.getInputStream()) {
        bytes = in.readAllBytes();
      }
    } catch (IOException e) {
      throw new ClassNotFoundException(name, e);
    }
    byte[] rewritten = SystemCallRewriter.rewrite(bytes);
    definePackageOf(name);
    return defineClass(name, rewritten, 0, rewritten.length, domain(url, path));
  }

  private void definePackageOf(String className) {
    int dot = className.lastIndexOf('.');
    if (dot > 0) {
      String packageName = className.substring(0, dot);
      if (getDefinedPackage(packageName) == null) {
        try {
          definePackage(packageName, null, null, null, null, null, null, null);
        } catch (IllegalArgumentException alreadyDefinedByAnotherThread) {
          // fine: the package exists now
        }
      }
    }
  }

  /** One protection domain per class path entry, so getCodeSource() names the jar or folder, as in Lambda. */
  private ProtectionDomain domain(URL resource, String path) {
    URL entry;
    try {
      if (resource.getProtocol().equals("jar")) {
        entry = ((JarURLConnection) resource.openConnection()).getJarFileURL();
      } else {
        String text = resource.toString();
        entry = new URL(text.substring(0, text.length() - path.length()));
      }
    } catch (IOException e) {
      entry = resource;
    }
    return domains.computeIfAbsent(entry, url -> new ProtectionDomain(new CodeSource(url, (Certificate[]) null), null, this, null));
  }
}
