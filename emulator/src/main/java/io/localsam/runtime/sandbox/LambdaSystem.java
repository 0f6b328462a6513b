package io.localsam.runtime.sandbox;

import java.util.Collections;
import java.util.Map;

/**
 * What a function's {@code System.getenv}, {@code System.exit}, {@code Runtime.exit} and
 * {@code Runtime.halt} calls are rewritten to. A fresh copy of this class is defined inside every
 * execution environment's class loader, so each environment sees its own Lambda environment variables,
 * even while another function runs at the same moment. It may use nothing but the JDK.
 */
public final class LambdaSystem {
  private static volatile Map<String, String> environment = Collections.emptyMap();

  private LambdaSystem() {}

  /** Called once by the runtime, before the function's classes run. */
  public static void install(Map<String, String> variables) {
    environment = Collections.unmodifiableMap(variables);
  }

  public static String getenv(String name) {
    if (name == null) {
      throw new NullPointerException("name");
    }
    return environment.get(name);
  }

  public static Map<String, String> getenv() {
    return environment;
  }

  public static void exit(int status) {
    throw new Exit(status);
  }

  public static void exit(Runtime runtime, int status) {
    throw new Exit(status);
  }

  public static void halt(Runtime runtime, int status) {
    throw new Exit(status);
  }

  /** Thrown where the function would have ended the JVM: the invocation fails and the environment is reset. */
  public static final class Exit extends Error {
    private final int status;

    Exit(int status) {
      super("Runtime exited with error: exit status " + status, null, false, false);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }
}
