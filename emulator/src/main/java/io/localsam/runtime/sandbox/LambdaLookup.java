package io.localsam.runtime.sandbox;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;

/**
 * What a function's {@code MethodHandles.Lookup} calls are rewritten to, so that a handle to a
 * redirected method ({@code System.getenv}, {@code System.exit}, ...) is a handle to its stand-in,
 * of the same type.
 */
public final class LambdaLookup {
  private static final MethodHandles.Lookup OWN = MethodHandles.lookup();

  private LambdaLookup() {}

  public static MethodHandle findStatic(
      MethodHandles.Lookup lookup, Class<?> owner, String name, MethodType type)
      throws NoSuchMethodException, IllegalAccessException {
    Method replacement = Redirects.replacement(owner, name, type.parameterArray(), true);
    if (replacement != null && replacement.getReturnType() == type.returnType()) {
      return OWN.unreflect(replacement);
    }
    return lookup.findStatic(owner, name, type);
  }

  public static MethodHandle findVirtual(
      MethodHandles.Lookup lookup, Class<?> owner, String name, MethodType type)
      throws NoSuchMethodException, IllegalAccessException {
    Method replacement = Redirects.replacement(owner, name, type.parameterArray(), false);
    if (replacement != null && replacement.getReturnType() == type.returnType()) {
      return OWN.unreflect(replacement);
    }
    return lookup.findVirtual(owner, name, type);
  }

  public static MethodHandle unreflect(MethodHandles.Lookup lookup, Method method)
      throws IllegalAccessException {
    Method replacement = Redirects.replacement(method);
    return replacement != null ? OWN.unreflect(replacement) : lookup.unreflect(method);
  }
}
