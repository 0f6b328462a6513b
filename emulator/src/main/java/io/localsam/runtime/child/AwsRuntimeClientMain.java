package io.localsam.runtime.child;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/**
 * The main class of a child JVM on AWS's runtime interface client: watches for LocalSAM's end (the
 * client has no such watch, and no child may outlive LocalSAM), loads the client's native library
 * from where LocalSAM unpacked it, then hands over to the client's own {@code AWSLambda.main} with
 * the handler, in this same JVM and thread.
 *
 * <p>The library is loaded here first so that one that cannot load is a single Init error ({@code
 * Runtime.InvalidRuntime}) with a one-line reason, rather than the client's stack trace and exit.
 * Loaded from this class (on the system class loader, as the client's classes are), it is the
 * library the client's own {@code System.load} of the same path then finds already loaded.
 */
public final class AwsRuntimeClientMain {
  /**
   * The system property the client loads its native library from, instead of unpacking it to /tmp
   * itself.
   */
  public static final String NATIVE_LIBRARY =
      "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

  /**
   * The only argument of a run that just tries the native library: exit status 0 when it loads,
   * else 1 and the reason.
   */
  public static final String CHECK = "--check-native-library";

  private static final String CLIENT = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

  private AwsRuntimeClientMain() {}

  public static void main(String[] args) throws Throwable {
    boolean check = args.length == 1 && CHECK.equals(args[0]);
    if (!check) {
      ParentWatch.start();
    }
    String problem = loadNativeLibrary();
    if (check) {
      System.out.println(problem == null ? "loaded" : problem);
      System.exit(problem == null ? 0 : 1);
    }
    if (problem != null) {
      System.err.println(problem);
      reportInitError(problem);
      System.exit(1);
    }
    // invokeExact throws what the client throws, unwrapped, so the JVM reports it as the client
    // alone would
    MethodHandle clientMain =
        MethodHandles.publicLookup()
            .findStatic(
                Class.forName(CLIENT), "main", MethodType.methodType(void.class, String[].class));
    clientMain.invokeExact(args);
  }

  /** Null when the library loaded, else why not, in one line. */
  private static String loadNativeLibrary() {
    String library = System.getProperty(NATIVE_LIBRARY);
    if (library == null) {
      return "AWS's runtime interface client cannot start: LocalSAM gave no -D" + NATIVE_LIBRARY;
    }
    try {
      System.load(library);
      return null;
    } catch (UnsatisfiedLinkError | SecurityException e) {
      return "AWS's runtime interface client cannot run here: its native library "
          + library
          + " does not load ("
          + String.valueOf(e.getMessage()).replace('\n', ' ')
          + ")";
    }
  }

  /** Posts the Init error to the Runtime API, as a runtime that cannot start does. */
  private static void reportInitError(String message) throws IOException {
    URL url =
        new URL(
            "http://" + System.getenv("AWS_LAMBDA_RUNTIME_API") + "/2018-06-01/runtime/init/error");
    byte[] body =
        ("{\"errorMessage\":\""
                + jsonText(message)
                + "\",\"errorType\":\"Runtime.InvalidRuntime\"}")
            .getBytes(StandardCharsets.UTF_8);
    HttpURLConnection post = (HttpURLConnection) url.openConnection();
    post.setRequestMethod("POST");
    post.setRequestProperty("Lambda-Runtime-Function-Error-Type", "Runtime.InvalidRuntime");
    post.setRequestProperty("Content-Type", "application/json");
    post.setDoOutput(true);
    post.setFixedLengthStreamingMode(body.length);
    try (OutputStream out = post.getOutputStream()) {
      out.write(body);
    }
    post.getResponseCode();
    post.disconnect();
  }

  private static String jsonText(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        escaped.append('\\').append(c);
      } else if (c < 0x20) {
        escaped.append(String.format("\\u%04x", (int) c));
      } else {
        escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
