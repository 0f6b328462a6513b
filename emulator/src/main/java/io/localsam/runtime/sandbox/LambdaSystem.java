package io.localsam.runtime.sandbox;

import java.util.Collections;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * What a function's calls to {@code System} are rewritten to: its environment variables, its system
 * properties, and exit. A fresh copy of this class (and of every class in this package) is defined
 * inside each execution environment's class loader, so each environment has its own, as each Lambda
 * environment is its own JVM, even while another function runs at the same moment. It may use
 * nothing but the JDK. Each public static method stands for the {@code System} method of the same
 * name and parameters.
 */
public final class LambdaSystem {
  /**
   * The system property the Java runtime sets to the invocation's X-Ray trace header (Java 17 and
   * later).
   */
  static final String TRACE_HEADER_PROPERTY = "com.amazonaws.xray.traceHeader";

  static final String TRACE_HEADER_VARIABLE = "_X_AMZN_TRACE_ID";

  private static final Map<String, String> environment = new ConcurrentHashMap<>();
  private static final Map<String, String> environmentView =
      Collections.unmodifiableMap(environment);
  private static volatile Properties properties = new Properties();
  private static volatile Consumer<String> notices = notice -> {};
  private static volatile long startMillis = System.currentTimeMillis();
  private static volatile UnaryOperator<byte[]> rewriter = UnaryOperator.identity();
  // The exit the function asked for, kept even if it catches the error: in Lambda that process is
  // gone.
  private static volatile Exit exit;

  private LambdaSystem() {}

  /**
   * Called once by the runtime, before the function's classes run: the environment's variables,
   * where to report what a function does to the JVM as a whole, when the environment started, and
   * what rewrites a class file as the function's own classes are (for the class loaders the
   * function creates).
   */
  public static void install(
      Map<String, String> variables,
      Consumer<String> noticeSink,
      long startedMillis,
      UnaryOperator<byte[]> classRewriter) {
    environment.clear();
    environment.putAll(variables);
    properties = snapshotOfJvmProperties();
    notices = noticeSink;
    startMillis = startedMillis;
    rewriter = classRewriter;
  }

  static byte[] rewrite(byte[] classFile) {
    return rewriter.apply(classFile);
  }

  /** What the runtime calls with each invocation's X-Ray trace header (null for none). */
  public static Consumer<String> traceHeaderHook() {
    return LambdaSystem::traceHeader;
  }

  /** What the runtime asks after each invocation: the exit the function asked for, if it did. */
  public static Supplier<Error> exitHook() {
    return () -> exit;
  }

  private static void traceHeader(String header) {
    if (header == null) {
      environment.remove(TRACE_HEADER_VARIABLE);
      properties.remove(TRACE_HEADER_PROPERTY);
    } else {
      environment.put(TRACE_HEADER_VARIABLE, header);
      properties.setProperty(TRACE_HEADER_PROPERTY, header);
    }
  }

  /** Reports, once per function, something the function did that reaches beyond its environment. */
  static void notice(String what) {
    notices.accept(what);
  }

  static long startMillis() {
    return startMillis;
  }

  // -- environment variables

  public static String getenv(String name) {
    if (name == null) {
      throw new NullPointerException("name");
    }
    return environment.get(name);
  }

  public static Map<String, String> getenv() {
    return environmentView;
  }

  /** The environment as {@code NAME=value} strings, for {@code Runtime.exec}. */
  static String[] environmentArray() {
    return environment.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .toArray(String[]::new);
  }

  // -- exit

  public static void exit(int status) {
    throw exiting(status);
  }

  static Exit exiting(int status) {
    Exit requested = new Exit(status);
    exit = requested;
    return requested;
  }

  // -- system properties: the JVM's as they were when the environment started, then the function's
  // own

  private static Properties snapshotOfJvmProperties() {
    Properties copy = new Properties();
    copy.putAll(System.getProperties());
    return copy;
  }

  public static Properties getProperties() {
    return properties;
  }

  public static void setProperties(Properties replacement) {
    properties = replacement != null ? replacement : snapshotOfJvmProperties();
  }

  public static String getProperty(String key) {
    checkKey(key);
    return properties.getProperty(key);
  }

  public static String getProperty(String key, String defaultValue) {
    checkKey(key);
    return properties.getProperty(key, defaultValue);
  }

  public static String setProperty(String key, String value) {
    checkKey(key);
    if (value == null) {
      throw new NullPointerException("value");
    }
    noticeJdkProperty(key);
    return (String) properties.setProperty(key, value);
  }

  public static String clearProperty(String key) {
    checkKey(key);
    noticeJdkProperty(key);
    return (String) properties.remove(key);
  }

  private static void checkKey(String key) {
    if (key == null) {
      throw new NullPointerException("key can't be null");
    }
    if (key.isEmpty()) {
      throw new IllegalArgumentException("key can't be empty");
    }
  }

  /**
   * Properties the JDK reads when it needs them (networking, TLS, the working directory) are read
   * from the JVM's, which the function's change does not reach: say so. Others (java.awt.headless,
   * ...) pass quietly.
   */
  private static void noticeJdkProperty(String key) {
    if (key.equals("user.dir")) {
      notice(
          "changes user.dir: only its own classes see the new value; files still resolve against LocalSAM's working"
              + " directory, not LAMBDA_TASK_ROOT");
      return;
    }
    for (String prefix : JDK_READ_PREFIXES) {
      if (key.startsWith(prefix)) {
        notice(
            "sets the system property "
                + key
                + ": its own classes see it, but the JDK reads the JVM's value");
        return;
      }
    }
  }

  private static final String[] JDK_READ_PREFIXES = {
    "http.",
    "https.",
    "ftp.",
    "socksProxy",
    "java.net.",
    "jdk.net.",
    "networkaddress.",
    "javax.net.",
    "jdk.tls.",
    "java.security.",
    "jdk.httpclient.",
    "sun.net."
  };

  /**
   * Replaces a function's constant "/proc/self/environ": that file is LocalSAM's environment, not
   * the function's.
   */
  public static String procSelfEnviron() {
    notice(
        "reads /proc/self/environ, which holds LocalSAM's environment (the host's variables), not the function's;"
            + " System.getenv() has the function's");
    return "/proc/self/environ";
  }

  /**
   * Thrown where the function would have ended the JVM: the invocation fails and the environment is
   * reset.
   */
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
