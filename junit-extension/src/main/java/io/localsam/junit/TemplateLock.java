package io.localsam.junit;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLocksProvider;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Under parallel execution, classes on the same template take turns: they may share an emulator,
 * and its journal (reset before each test, checked by {@code failOnFunctionError}) must hold only
 * the running test's invocations. Classes on other templates still run side by side.
 */
final class TemplateLock implements ResourceLocksProvider {

  static final String PREFIX = "io.localsam.junit.LocalApi:";

  @Override
  public Set<Lock> provideForClass(Class<?> testClass) {
    return lockFor(testClass);
  }

  /** A nested class without its own {@code @LocalApi} is already covered by its enclosing class's lock. */
  @Override
  public Set<Lock> provideForNestedClass(List<Class<?>> enclosingInstanceTypes, Class<?> testClass) {
    return lockFor(testClass);
  }

  private static Set<Lock> lockFor(Class<?> testClass) {
    return AnnotationSupport.findAnnotation(testClass, LocalApi.class)
        .map(api -> Set.of(new Lock(PREFIX + ModuleDirectory.resolve(api.template()), ResourceAccessMode.READ_WRITE)))
        .orElse(Set.of());
  }
}
