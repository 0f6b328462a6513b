package io.localsam.runtime;

import io.localsam.runtime.child.ParentWatch;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Map;

/**
 * LocalSAM's Java runtime for a function in its own process: it loads the handler with the same
 * {@link HandlerLoader} and AWS serializer as in-process environments, then serves invocations from
 * Lambda's Runtime API at {@code AWS_LAMBDA_RUNTIME_API}, one at a time, as the managed runtime
 * does. Its arguments are the function's class path; it is compiled for Java 17 so any newer JDK
 * can run it.
 *
 * <p>It ends when LocalSAM does: LocalSAM holds the other end of its standard input, so end of
 * input means LocalSAM is gone (even killed with SIGKILL).
 */
public final class RuntimeApiBootstrap {
  private static final String TRACE_PROPERTY = "com.amazonaws.xray.traceHeader";

  private RuntimeApiBootstrap() {}

  public static void main(String[] classpath) throws IOException {
    ParentWatch.start();
    Map<String, String> environment = System.getenv();
    RuntimeApiClient api = new RuntimeApiClient(environment.get("AWS_LAMBDA_RUNTIME_API"));
    URLClassLoader functionLoader =
        new URLClassLoader(urls(classpath), LambdaApiClassLoader.INSTANCE);
    Thread.currentThread().setContextClassLoader(functionLoader);
    LoadedHandler handler = null;
    HandlerFault fault;
    try {
      Serializers serializers = new Serializers(functionLoader, new SerializationClassLoader());
      handler =
          new HandlerLoader(functionLoader, serializers, System.err::println)
              .load(environment.get("_HANDLER"));
      fault = null;
    } catch (HandlerFault e) {
      fault = e;
      System.err.println(e.getMessage());
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      fault = HandlerFault.deferred(String.valueOf(e.getMessage()), e.getClass());
      System.err.println(StackTraces.text(e));
    }
    if (fault != null && fault.fatal()) {
      api.initError(fault.document(), errorType(fault));
      System.exit(1);
    }
    serve(api, handler, fault, environment);
  }

  private static void serve(
      RuntimeApiClient api,
      LoadedHandler handler,
      HandlerFault fault,
      Map<String, String> environment)
      throws IOException {
    while (true) {
      RuntimeApiClient.Next invocation = api.next();
      if (fault != null) {
        api.error(invocation.requestId(), fault.document(), errorType(fault));
        continue;
      }
      if (invocation.traceId() != null) {
        System.setProperty(TRACE_PROPERTY, invocation.traceId());
      } else {
        System.clearProperty(TRACE_PROPERTY);
      }
      byte[] response;
      try {
        response =
            handler.handle(invocation.event(), new RuntimeApiContext(invocation, environment));
      } catch (Throwable thrown) {
        System.out.flush();
        System.err.println(StackTraces.text(thrown));
        api.error(invocation.requestId(), ErrorDocument.of(thrown), thrown.getClass().getName());
        continue;
      }
      // What the handler printed belongs to this invocation: out before the answer lets the next
      // one start.
      System.out.flush();
      System.err.flush();
      api.response(invocation.requestId(), response);
    }
  }

  private static String errorType(HandlerFault fault) {
    return fault.errorType() != null ? fault.errorType() : "Runtime.BadFunctionCode";
  }

  private static URL[] urls(String[] classpath) throws MalformedURLException {
    URL[] urls = new URL[classpath.length];
    for (int i = 0; i < classpath.length; i++) {
      urls[i] = Path.of(classpath[i]).toUri().toURL();
    }
    return urls;
  }
}
