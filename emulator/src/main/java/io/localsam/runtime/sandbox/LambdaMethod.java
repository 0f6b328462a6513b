package io.localsam.runtime.sandbox;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a function's {@code Method.invoke} calls are rewritten to, so that {@code System.getenv},
 * {@code System.exit} and the other redirected methods reached through reflection behave as when
 * called directly. Any other method is invoked as before.
 */
public final class LambdaMethod {
  private static final StackWalker CALLER =
      StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

  private LambdaMethod() {}

  public static Object invoke(Method method, Object target, Object[] arguments)
      throws IllegalAccessException, InvocationTargetException {
    Method replacement = Redirects.replacement(method);
    if (replacement != null) {
      try {
        return replacement.invoke(
            null,
            Modifier.isStatic(method.getModifiers()) ? arguments : prepend(target, arguments));
      } catch (InvocationTargetException e) {
        if (e.getCause() instanceof LambdaSystem.Exit exit) {
          throw exit; // exit ends the invocation by any route, never as an exception the function
          // may handle
        }
        throw e;
      }
    }
    try {
      return method.invoke(target, arguments);
    } catch (IllegalAccessException deniedToThisClass) {
      // The JDK checked access from here, not from the function's class that called: check it as
      // that class.
      return invokeAs(CALLER.getCallerClass(), method, target, arguments, deniedToThisClass);
    }
  }

  private static Object invokeAs(
      Class<?> caller,
      Method method,
      Object target,
      Object[] arguments,
      IllegalAccessException denied)
      throws IllegalAccessException, InvocationTargetException {
    MethodHandle handle;
    try {
      handle = MethodHandles.privateLookupIn(caller, MethodHandles.lookup()).unreflect(method);
    } catch (IllegalAccessException | RuntimeException stillDenied) {
      throw denied;
    }
    List<Object> all = new ArrayList<>();
    if (!Modifier.isStatic(method.getModifiers())) {
      all.add(target);
    }
    if (arguments != null) {
      all.addAll(Arrays.asList(arguments));
    }
    try {
      return handle.invokeWithArguments(all);
    } catch (Throwable thrown) {
      throw new InvocationTargetException(thrown);
    }
  }

  private static Object[] prepend(Object target, Object[] arguments) {
    Object[] all = new Object[(arguments == null ? 0 : arguments.length) + 1];
    all[0] = target;
    if (arguments != null) {
      System.arraycopy(arguments, 0, all, 1, arguments.length);
    }
    return all;
  }
}
