package io.localsam.runtime.sandbox;

import java.lang.invoke.MethodHandles;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLConnection;
import java.nio.charset.Charset;
import java.security.Security;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TimeZone;
import sun.misc.Signal;

/**
 * Which JDK methods a function's calls are redirected to this package, for calls the class file
 * names (rewritten when the class is loaded) and for those made through reflection or method
 * handles (looked up here when made). The JDK class {@code Owner} is stood for by {@code
 * Lambda<Owner>} of this package: a public static method there with the same name and parameters
 * (an instance method's receiver first) replaces the JDK's.
 */
public final class Redirects {
  /** The JDK classes some of whose methods are redirected. */
  public static final List<Class<?>> OWNERS =
      List.of(
          System.class,
          Runtime.class,
          ProcessBuilder.class,
          Method.class,
          MethodHandles.Lookup.class,
          TimeZone.class,
          ZoneId.class,
          Locale.class,
          Charset.class,
          ManagementFactory.class,
          Security.class,
          URL.class,
          URLConnection.class,
          Signal.class,
          URLClassLoader.class,
          // the JDK's own readers of the default zone that functions call most
          Clock.class,
          LocalDateTime.class,
          LocalDate.class,
          LocalTime.class,
          ZonedDateTime.class,
          OffsetDateTime.class,
          Calendar.class);

  private static final Set<Class<?>> OWNER_SET = Set.copyOf(OWNERS);
  private static final String PREFIX = Redirects.class.getPackageName() + ".Lambda";

  private Redirects() {}

  /** The class of this package that stands for {@code owner}. */
  public static String standIn(Class<?> owner) {
    return PREFIX + owner.getSimpleName();
  }

  /** The method that replaces {@code method}, or null when it is not redirected. */
  static Method replacement(Method method) {
    return replacement(
        method.getDeclaringClass(),
        method.getName(),
        method.getParameterTypes(),
        Modifier.isStatic(method.getModifiers()));
  }

  /** The method that replaces {@code owner.name(parameters)}, or null when it is not redirected. */
  static Method replacement(Class<?> owner, String name, Class<?>[] parameters, boolean isStatic) {
    if (!OWNER_SET.contains(owner)) {
      return null;
    }
    Class<?>[] standInParameters = parameters;
    if (!isStatic) {
      standInParameters = new Class<?>[parameters.length + 1];
      standInParameters[0] = owner;
      System.arraycopy(parameters, 0, standInParameters, 1, parameters.length);
    }
    try {
      Class<?> standIn = Class.forName(standIn(owner), true, Redirects.class.getClassLoader());
      Method found = standIn.getMethod(name, standInParameters);
      return Modifier.isStatic(found.getModifiers()) ? found : null;
    } catch (ClassNotFoundException | NoSuchMethodException notRedirected) {
      return null;
    }
  }
}
