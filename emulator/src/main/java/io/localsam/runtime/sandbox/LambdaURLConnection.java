package io.localsam.runtime.sandbox;

import java.net.ContentHandlerFactory;
import java.net.URLConnection;

/**
 * What a function's {@code URLConnection.setContentHandlerFactory} calls are rewritten to:
 * reported, then done.
 */
public final class LambdaURLConnection {
  private LambdaURLConnection() {}

  public static void setContentHandlerFactory(ContentHandlerFactory factory) {
    LambdaSystem.notice(
        "calls URLConnection.setContentHandlerFactory: the JVM takes one factory, once, for every"
            + " function's connections");
    URLConnection.setContentHandlerFactory(factory);
  }
}
