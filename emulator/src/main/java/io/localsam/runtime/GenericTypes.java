package io.localsam.runtime;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Finds the concrete type arguments a class gives {@code RequestHandler<I, O>}, searching its
 * superclasses and interfaces breadth-first and carrying type variables through each level, as the
 * Java runtime does.
 */
final class GenericTypes {
  private GenericTypes() {}

  static Type[] arguments(Class<?> handler, Class<?> target) throws HandlerFault {
    Deque<Step> queue = new ArrayDeque<>();
    queue.add(new Step(handler, Map.of()));
    while (!queue.isEmpty()) {
      Step step = queue.poll();
      Class<?> raw;
      Map<TypeVariable<?>, Type> bindings = new HashMap<>();
      if (step.type() instanceof ParameterizedType parameterized) {
        raw = (Class<?>) parameterized.getRawType();
        TypeVariable<?>[] variables = raw.getTypeParameters();
        Type[] actual = parameterized.getActualTypeArguments();
        for (int i = 0; i < variables.length; i++) {
          bindings.put(variables[i], substitute(actual[i], step.bindings()));
        }
      } else if (step.type() instanceof Class<?> cls) {
        raw = cls;
      } else {
        continue;
      }
      if (raw == target) {
        if (!(step.type() instanceof ParameterizedType)) {
          throw concreteParametersMissing(handler, "");
        }
        Type[] resolved = new Type[target.getTypeParameters().length];
        for (int i = 0; i < resolved.length; i++) {
          resolved[i] = concrete(handler, bindings.get(target.getTypeParameters()[i]));
        }
        return resolved;
      }
      if (raw.getGenericSuperclass() != null) {
        queue.add(new Step(raw.getGenericSuperclass(), bindings));
      }
      for (Type iface : raw.getGenericInterfaces()) {
        queue.add(new Step(iface, bindings));
      }
    }
    throw concreteParametersMissing(handler, "");
  }

  private static Type concrete(Class<?> handler, Type type) throws HandlerFault {
    if (type instanceof TypeVariable<?> variable) {
      Type bound = variable.getBounds()[0];
      if (bound == Object.class) {
        throw concreteParametersMissing(
            handler, ": parameter " + variable.getName() + " has no upper bound.");
      }
      return bound;
    }
    return type;
  }

  private static HandlerFault concreteParametersMissing(Class<?> handler, String detail) {
    return HandlerFault.deferred(
        "Class "
            + handler.getName()
            + " does not implement RequestHandler with concrete type parameters"
            + detail,
        null);
  }

  private static Type substitute(Type type, Map<TypeVariable<?>, Type> bindings) {
    if (type instanceof TypeVariable<?> variable) {
      return bindings.getOrDefault(variable, variable);
    }
    if (type instanceof ParameterizedType parameterized) {
      Type[] args = parameterized.getActualTypeArguments().clone();
      for (int i = 0; i < args.length; i++) {
        args[i] = substitute(args[i], bindings);
      }
      return new Parameterized(
          (Class<?>) parameterized.getRawType(), args, parameterized.getOwnerType());
    }
    return type;
  }

  private record Step(Type type, Map<TypeVariable<?>, Type> bindings) {}

  /** A parameterized type with its variables replaced; Jackson reads it like the compiler's own. */
  private record Parameterized(Class<?> raw, Type[] args, Type owner) implements ParameterizedType {
    @Override
    public Type[] getActualTypeArguments() {
      return args.clone();
    }

    @Override
    public Type getRawType() {
      return raw;
    }

    @Override
    public Type getOwnerType() {
      return owner;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof ParameterizedType that
          && raw.equals(that.getRawType())
          && Objects.equals(owner, that.getOwnerType())
          && Arrays.equals(args, that.getActualTypeArguments());
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(args) ^ Objects.hashCode(owner) ^ raw.hashCode();
    }

    @Override
    public String toString() {
      return raw.getName() + Arrays.toString(args).replace('[', '<').replace(']', '>');
    }
  }
}
