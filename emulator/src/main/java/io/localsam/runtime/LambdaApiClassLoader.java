package io.localsam.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;

/**
 * The parent of every function's class loader: the JDK, plus the Lambda core API ({@code
 * com.amazonaws.services.lambda.runtime.Context}, {@code RequestHandler}, ...) from our own copy.
 * That is what the managed runtime's system class loader offers, so a function's bundled copy of
 * aws-lambda-java-core is shadowed exactly as in Lambda, and nothing else of the emulator leaks in.
 * {@code LambdaRuntime} (with its nested classes) alone is a copy of its own, defined here:
 * LocalSAM points its static logger at the running invocation's, and the class everyone else sees
 * (a test's, say) must keep its own logger.
 */
final class LambdaApiClassLoader extends ClassLoader {
  static final LambdaApiClassLoader INSTANCE = new LambdaApiClassLoader();

  private static final String CORE_PACKAGE = "com.amazonaws.services.lambda.runtime.";
  private static final String CORE_PATH = "com/amazonaws/services/lambda/runtime/";
  private static final String LAMBDA_RUNTIME = CORE_PACKAGE + "LambdaRuntime";

  static {
    registerAsParallelCapable();
  }

  private final ClassLoader emulator = LambdaApiClassLoader.class.getClassLoader();

  private LambdaApiClassLoader() {
    super(ClassLoader.getPlatformClassLoader());
  }

  /**
   * True for classes of aws-lambda-java-core: the package itself and its {@code logging}
   * subpackage.
   */
  static boolean isCoreApi(String className) {
    if (!className.startsWith(CORE_PACKAGE)) {
      return false;
    }
    String rest = className.substring(CORE_PACKAGE.length());
    return rest.indexOf('.') < 0 || (rest.startsWith("logging.") && rest.indexOf('.', 8) < 0);
  }

  /**
   * The functions' {@code LambdaRuntime}: not the class of that name the emulator's own loader has.
   */
  Class<?> functionsLambdaRuntime() throws ClassNotFoundException {
    return loadClass(LAMBDA_RUNTIME);
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    if (name.equals(LAMBDA_RUNTIME)
        || name.startsWith(LAMBDA_RUNTIME + "$")) { // its default logger is a nested class
      return defineOwnCopy(name);
    }
    if (isCoreApi(name)) {
      return emulator.loadClass(name);
    }
    throw new ClassNotFoundException(name);
  }

  private Class<?> defineOwnCopy(String name) throws ClassNotFoundException {
    try (InputStream in = emulator.getResourceAsStream(name.replace('.', '/') + ".class")) {
      if (in == null) {
        throw new ClassNotFoundException(name);
      }
      byte[] bytes = in.readAllBytes();
      return defineClass(name, bytes, 0, bytes.length);
    } catch (IOException e) {
      throw new ClassNotFoundException(name, e);
    }
  }

  @Override
  protected URL findResource(String name) {
    return isCoreResource(name) ? emulator.getResource(name) : null;
  }

  @Override
  protected Enumeration<URL> findResources(String name) throws IOException {
    return isCoreResource(name) ? emulator.getResources(name) : Collections.emptyEnumeration();
  }

  private static boolean isCoreResource(String name) {
    return name.endsWith(".class")
        && isCoreApi(name.substring(0, name.length() - 6).replace('/', '.'))
        && name.startsWith(CORE_PATH);
  }
}
