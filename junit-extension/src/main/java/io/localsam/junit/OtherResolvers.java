package io.localsam.junit;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Whether a resolver other than LocalSAM's would take a parameter, so a plain {@code URI} is left
 * to it instead of JUnit failing on "competing ParameterResolvers". Asked: resolvers registered
 * with {@code @ExtendWith} on the parameter, the method, the class (superclasses, meta-annotations)
 * and its enclosing classes; the values of {@code @RegisterExtension} fields; those JUnit
 * auto-detects when {@code junit.jupiter.extensions.autodetection.enabled} is on. A parameterized
 * test ({@code @ParameterizedTest}, {@code @TestTemplate}) provides its own arguments, which only
 * its invocations know: its {@code URI} parameters are always left to it. JUnit has no public API
 * for the registered extensions of a context (before 5.12 none at all), hence the search.
 */
final class OtherResolvers {

  private static final String AUTODETECTION = "junit.jupiter.extensions.autodetection.enabled";

  private OtherResolvers() {}

  static boolean claim(ParameterContext parameter, ExtensionContext context) {
    Executable executable = parameter.getDeclaringExecutable();
    if (isTemplate(executable)) {
      return true;
    }
    for (ParameterResolver resolver : resolvers(parameter, context)) {
      if (!(resolver instanceof LocalApiExtension) && supports(resolver, parameter, context)) {
        return true;
      }
    }
    return false;
  }

  private static boolean supports(
      ParameterResolver resolver, ParameterContext parameter, ExtensionContext context) {
    try {
      return resolver.supportsParameter(parameter, context);
    } catch (RuntimeException e) {
      return false; // its own error comes when JUnit asks it
    }
  }

  private static boolean isTemplate(Executable executable) {
    return AnnotationSupport.findAnnotation(executable, org.junit.jupiter.api.TestTemplate.class)
        .isPresent();
  }

  private static List<ParameterResolver> resolvers(
      ParameterContext parameter, ExtensionContext context) {
    List<ParameterResolver> found = new ArrayList<>();
    declared(parameter.getParameter(), found);
    declared(parameter.getDeclaringExecutable(), found);
    Optional<Class<?>> testClass = context.getTestClass();
    if (testClass.isPresent()) {
      List<Class<?>> classes = new ArrayList<>(EnclosingClasses.of(context));
      classes.add(testClass.get());
      for (Class<?> type : classes) {
        declared(type, found);
        registered(type, context, found);
      }
    }
    if (context.getConfigurationParameter(AUTODETECTION).map(Boolean::parseBoolean).orElse(false)) {
      for (Extension extension :
          ServiceLoader.load(Extension.class, Thread.currentThread().getContextClassLoader())) {
        if (extension instanceof ParameterResolver resolver) {
          found.add(resolver);
        }
      }
    }
    return found;
  }

  /**
   * {@code @ExtendWith} resolvers, each a new instance as JUnit makes one (they must have a
   * no-argument constructor).
   */
  private static void declared(AnnotatedElement element, List<ParameterResolver> found) {
    for (ExtendWith extendWith :
        AnnotationSupport.findRepeatableAnnotations(element, ExtendWith.class)) {
      for (Class<? extends Extension> type : extendWith.value()) {
        if (ParameterResolver.class.isAssignableFrom(type)
            && !LocalApiExtension.class.isAssignableFrom(type)) {
          try {
            found.add((ParameterResolver) ReflectionSupport.newInstance(type));
          } catch (RuntimeException e) {
            // JUnit reports an extension it cannot make
          }
        }
      }
    }
  }

  /**
   * {@code @RegisterExtension} fields: static ones always, instance ones once the test instance
   * exists.
   */
  private static void registered(
      Class<?> type, ExtensionContext context, List<ParameterResolver> found) {
    for (Field field :
        AnnotationSupport.findAnnotatedFields(
            type, RegisterExtension.class, f -> true, HierarchyTraversalMode.TOP_DOWN)) {
      Object instance =
          Modifier.isStatic(field.getModifiers())
              ? null
              : context.getTestInstances().flatMap(all -> all.findInstance(type)).orElse(null);
      if (instance == null && !Modifier.isStatic(field.getModifiers())) {
        continue;
      }
      try {
        field.setAccessible(true);
        if (field.get(instance) instanceof ParameterResolver resolver) {
          found.add(resolver);
        }
      } catch (ReflectiveOperationException | RuntimeException e) {
        // not readable: JUnit reports it when it registers the field
      }
    }
  }
}
