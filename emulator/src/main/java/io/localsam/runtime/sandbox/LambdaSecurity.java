package io.localsam.runtime.sandbox;

import java.security.Provider;
import java.security.Security;

/**
 * What a function's {@code Security} provider calls are rewritten to. Providers are the JVM's, so
 * another function's {@code MessageDigest}, {@code Cipher} or TLS may come from this one's: not
 * something one JVM can keep per environment, so it is done, and reported.
 */
public final class LambdaSecurity {
  private LambdaSecurity() {}

  public static int addProvider(Provider provider) {
    notice("Security.addProvider(" + provider.getName() + ")");
    return Security.addProvider(provider);
  }

  public static int insertProviderAt(Provider provider, int position) {
    notice("Security.insertProviderAt(" + provider.getName() + ", " + position + ")");
    return Security.insertProviderAt(provider, position);
  }

  public static void removeProvider(String name) {
    notice("Security.removeProvider(" + name + ")");
    Security.removeProvider(name);
  }

  private static void notice(String call) {
    LambdaSystem.notice(
        "calls "
            + call
            + ": security providers belong to LocalSAM's JVM, so every function's digests,"
            + " ciphers and TLS see the change");
  }
}
