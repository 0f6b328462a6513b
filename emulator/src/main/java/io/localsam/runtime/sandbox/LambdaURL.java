package io.localsam.runtime.sandbox;

import java.net.URL;
import java.net.URLStreamHandlerFactory;

/**
 * What a function's {@code URL.setURLStreamHandlerFactory} calls are rewritten to. The JVM takes
 * one factory, once: every other function's URLs go through this one's, and a second function's
 * call fails.
 */
public final class LambdaURL {
  private LambdaURL() {}

  public static void setURLStreamHandlerFactory(URLStreamHandlerFactory factory) {
    LambdaSystem.notice(
        "calls URL.setURLStreamHandlerFactory: the JVM takes one factory, once, for every function's URLs");
    URL.setURLStreamHandlerFactory(factory);
  }
}
