package io.localsam.runtime.sandbox;

import java.nio.charset.Charset;

/**
 * What a function's {@code Charset.defaultCharset()} calls are rewritten to: UTF-8, as in Lambda.
 */
public final class LambdaCharset {
  private LambdaCharset() {}

  public static Charset defaultCharset() {
    return LambdaDefaults.charset();
  }
}
