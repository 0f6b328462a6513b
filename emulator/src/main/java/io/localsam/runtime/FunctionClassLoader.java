package io.localsam.runtime;

import io.localsam.runtime.sandbox.LambdaSystem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The class loader of one execution environment: the function's classes and jars over the Lambda
 * core API, as the runtime's customer class loader is. Each class is defined with its calls to
 * {@code System.getenv}, {@code System.exit} and the rest of what {@link SystemCallRewriter}
 * rewrites pointed at this environment's own copy of the sandbox package ({@link LambdaSystem} and
 * its neighbours). Unnamed, as the runtime's loader is, so stack frames print as in Lambda.
 */
final class FunctionClassLoader extends URLClassLoader {
  private static final String SANDBOX = LambdaSystem.class.getName();
  private static final String SANDBOX_PACKAGE = LambdaSystem.class.getPackageName() + ".";

  static {
    registerAsParallelCapable();
  }

  private final Map<URL, ProtectionDomain> domains = new ConcurrentHashMap<>();
  // Class bytes are read straight from the entries (each jar opened once), not through URL
  // connections.
  private final URL[] entries;
  private final Path[] paths;
  private final boolean[] folders;
  private final JarFile[] jars;
  private final Consumer<String> traceHeader;
  private final Supplier<Error> exit;

  /**
   * @param notices told what the function does to the JVM as a whole (a security provider, a signal
   *     handler, ...)
   * @param startMillis when the environment started: its JVM's start time, as the function sees it
   */
  FunctionClassLoader(
      List<Path> classpath,
      Map<String, String> environment,
      Consumer<String> notices,
      long startMillis) {
    this(classpath.toArray(Path[]::new), urls(classpath), environment, notices, startMillis);
  }

  @SuppressWarnings("unchecked")
  private FunctionClassLoader(
      Path[] paths,
      URL[] urls,
      Map<String, String> environment,
      Consumer<String> notices,
      long startMillis) {
    super(urls, LambdaApiClassLoader.INSTANCE);
    this.entries = urls;
    this.paths = paths;
    this.folders = new boolean[paths.length];
    this.jars = new JarFile[paths.length];
    for (int i = 0; i < paths.length; i++) {
      folders[i] = Files.isDirectory(paths[i]);
    }
    try {
      Class<?> sandbox = loadClass(SANDBOX);
      UnaryOperator<byte[]> rewriter =
          FunctionClassLoader::rewrite; // for loaders the function creates, too
      sandbox
          .getMethod("install", Map.class, Consumer.class, long.class, UnaryOperator.class)
          .invoke(null, environment, notices, startMillis, rewriter);
      traceHeader = (Consumer<String>) sandbox.getMethod("traceHeaderHook").invoke(null);
      exit = (Supplier<Error>) sandbox.getMethod("exitHook").invoke(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot install the function's environment", e);
    }
  }

  /**
   * Sets the invocation's X-Ray trace header (null for none) where the function reads it, as the
   * runtime does.
   */
  void traceHeader(String header) {
    traceHeader.accept(header);
  }

  /**
   * The exit the function asked for by any route, even if it caught what we threw; null while it
   * has not.
   */
  Error exitRequested() {
    return exit.get();
  }

  /**
   * Both rewriting steps: JVM-wide state ({@link SystemCallRewriter}), then output and handlers
   * ({@link OutputCallRewriter}).
   */
  private static byte[] rewrite(byte[] classFile) {
    return OutputCallRewriter.rewrite(SystemCallRewriter.rewrite(classFile));
  }

  private static URL[] urls(List<Path> classpath) {
    URL[] urls = new URL[classpath.size()];
    for (int i = 0; i < urls.length; i++) {
      try {
        urls[i] = classpath.get(i).toUri().toURL();
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException(
            classpath.get(i) + " is not a usable class path entry", e);
      }
    }
    return urls;
  }

  private Class<?> defineFromEmulator(String name) throws ClassNotFoundException {
    String resource = name.replace('.', '/') + ".class";
    try (InputStream in = LambdaSystem.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new ClassNotFoundException(name);
      }
      byte[] bytes = in.readAllBytes();
      return defineClass(name, bytes, 0, bytes.length);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    if (name.startsWith(SANDBOX_PACKAGE)) {
      return defineFromEmulator(name); // this environment's own copy, from LocalSAM's class files
    }
    String path = name.replace('.', '/') + ".class";
    for (int i = 0; i < entries.length; i++) {
      byte[] bytes;
      try {
        bytes = read(i, path);
      } catch (IOException e) {
        throw new ClassNotFoundException(name, e);
      }
      if (bytes != null) {
        byte[] rewritten = rewrite(bytes);
        definePackageOf(name);
        return defineClass(name, rewritten, 0, rewritten.length, domain(i));
      }
    }
    throw new ClassNotFoundException(name);
  }

  /** The bytes of {@code path} in class path entry {@code i}, or null when it has none. */
  private byte[] read(int i, String path) throws IOException {
    Path file = paths[i];
    if (folders[i]) {
      Path classFile = file.resolve(path);
      return Files.isRegularFile(classFile) ? Files.readAllBytes(classFile) : null;
    }
    JarFile jar;
    synchronized (jars) {
      if (jars[i] == null) {
        jars[i] = new JarFile(file.toFile(), false);
      }
      jar = jars[i];
    }
    JarEntry found = jar.getJarEntry(path);
    if (found == null) {
      return null;
    }
    try (InputStream in = jar.getInputStream(found)) {
      return in.readAllBytes();
    }
  }

  @Override
  public void close() throws IOException {
    synchronized (jars) {
      for (int i = 0; i < jars.length; i++) {
        if (jars[i] != null) {
          jars[i].close();
          jars[i] = null;
        }
      }
    }
    super.close();
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

  /**
   * One protection domain per class path entry, so getCodeSource() names the jar or folder, as in
   * Lambda.
   */
  private ProtectionDomain domain(int i) {
    return domains.computeIfAbsent(
        entries[i],
        url -> new ProtectionDomain(new CodeSource(url, (Certificate[]) null), null, this, null));
  }
}
