package io.localsam.junit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The test classes enclosing a context's class, outermost first, as JUnit 5.12's {@code
 * ExtensionContext.getEnclosingTestClasses()} gives them; read from the parent contexts, so it
 * works on 5.10 and 5.11 too.
 */
final class EnclosingClasses {

  private EnclosingClasses() {}

  static List<Class<?>> of(ExtensionContext context) {
    Optional<Class<?>> own = context.getTestClass();
    List<Class<?>> enclosing = new ArrayList<>();
    for (Optional<ExtensionContext> parent = context.getParent();
        parent.isPresent();
        parent = parent.get().getParent()) {
      Optional<Class<?>> type = parent.get().getTestClass();
      if (type.isPresent() && !type.equals(own) && !enclosing.contains(type.get())) {
        enclosing.add(type.get());
      }
    }
    Collections.reverse(enclosing);
    return enclosing;
  }
}
