package io.localsam.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Turns a {@code Handler} string into a {@link LoadedHandler} by the Java runtime's rules (README,
 * Runtime): class form through {@code RequestStreamHandler} or {@code RequestHandler} with its
 * generic types, method form by weight and accepted shape, one instance per environment, and the
 * runtime's own messages for every way this can fail.
 */
final class HandlerLoader {
  private final ClassLoader loader;
  private final Serializers serializers;
  private final Consumer<String> stderr;

  HandlerLoader(ClassLoader loader, Serializers serializers, Consumer<String> stderr) {
    this.loader = loader;
    this.serializers = serializers;
    this.stderr = stderr;
  }

  LoadedHandler load(String handler) throws HandlerFault {
    int split = handler.lastIndexOf("::");
    String className = split < 0 ? handler : handler.substring(0, split);
    String methodName = split < 0 ? null : handler.substring(split + 2);
    if (className.isEmpty() || (methodName != null && methodName.isEmpty())) {
      throw HandlerFault.deferred("Invalid handler: `" + handler + "'", null);
    }
    Class<?> handlerClass = loadClass(className);
    return methodName == null
        ? classHandler(handlerClass)
        : methodHandler(handlerClass, methodName);
  }

  private Class<?> loadClass(String name) throws HandlerFault {
    try {
      return Class.forName(name, true, loader);
    } catch (ClassNotFoundException e) {
      throw HandlerFault.deferred("Class not found: " + name, ClassNotFoundException.class);
    } catch (NoClassDefFoundError e) {
      throw HandlerFault.deferred(
          "Error loading class " + name + ": " + e.getMessage(), NoClassDefFoundError.class);
    } catch (Throwable e) {
      stderr.accept(StackTraces.text(e));
      String detail =
          e instanceof ExceptionInInitializerError || e.getMessage() == null
              ? ""
              : ": " + e.getMessage();
      throw HandlerFault.fatal("Error loading class " + name + detail, e);
    }
  }

  private LoadedHandler classHandler(Class<?> handlerClass) throws HandlerFault {
    if (RequestStreamHandler.class.isAssignableFrom(handlerClass)) {
      RequestStreamHandler handler = (RequestStreamHandler) instantiate(handlerClass);
      return (event, context) -> {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, context);
        return out.toByteArray();
      };
    }
    if (RequestHandler.class.isAssignableFrom(handlerClass)) {
      Type[] types = GenericTypes.arguments(handlerClass, RequestHandler.class);
      @SuppressWarnings("unchecked")
      RequestHandler<Object, Object> handler =
          (RequestHandler<Object, Object>) instantiate(handlerClass);
      Serializers.Codec input = codec(types[0]);
      Serializers.Codec output = isVoid(types[1]) ? null : codec(types[1]);
      return (event, context) -> write(output, handler.handleRequest(read(input, event), context));
    }
    throw HandlerFault.deferred(
        "Class does not implement an appropriate handler interface: " + handlerClass.getName(),
        null);
  }

  private Object instantiate(Class<?> handlerClass) throws HandlerFault {
    if (handlerClass.getEnclosingClass() != null
        && !Modifier.isStatic(handlerClass.getModifiers())) {
      throw HandlerFault.deferred(
          "Class "
              + handlerClass.getName()
              + " cannot be instantiated because it is a non-static inner class",
          Exception.class);
    }
    Constructor<?> constructor;
    try {
      constructor = handlerClass.getConstructor();
    } catch (NoSuchMethodException e) {
      throw HandlerFault.deferred(
          "Class " + handlerClass.getName() + " has no public zero-argument constructor",
          Exception.class);
    }
    if (!Modifier.isPublic(handlerClass.getModifiers())) {
      // the runtime's own wording, naming its loader class
      throw HandlerFault.deferred(
          "class com.amazonaws.services.lambda.runtime.api.client.EventHandlerLoader cannot access"
              + " a member of class "
              + handlerClass.getName()
              + " with modifiers \"public\"",
          IllegalAccessException.class);
    }
    try {
      return constructor.newInstance();
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      stderr.accept(StackTraces.text(cause));
      throw HandlerFault.fatal(
          cause.getMessage() != null ? cause.getMessage() : cause.getClass().getName(), cause);
    } catch (ReflectiveOperationException e) {
      throw HandlerFault.deferred(String.valueOf(e.getMessage()), e.getClass());
    }
  }

  // ---- Class::method

  private LoadedHandler methodHandler(Class<?> handlerClass, String name) throws HandlerFault {
    Method[] methods;
    try {
      methods = handlerClass.getMethods();
    } catch (NoClassDefFoundError e) {
      throw HandlerFault.deferred(
          "Error loading method " + name + " on class " + handlerClass.getName(),
          NoClassDefFoundError.class);
    }
    // A stable sort: non-bridge first, then heavier signatures first; ties keep getMethods() order.
    List<Method> candidates =
        Arrays.stream(methods)
            .filter(m -> m.getName().equals(name))
            .sorted(
                Comparator.comparing(Method::isBridge)
                    .thenComparing(Comparator.comparingInt(HandlerLoader::weight).reversed()))
            .toList();
    for (Method method : candidates) {
      Shape shape = shape(method);
      if (shape != null) {
        Object instance =
            Modifier.isStatic(method.getModifiers()) ? null : instantiate(handlerClass);
        return bind(method, shape, instance);
      }
    }
    throw HandlerFault.deferred(
        "No public method named "
            + name
            + " with appropriate method signature found on class "
            + handlerClass.getName(),
        null);
  }

  private static int weight(Method method) {
    Class<?>[] parameters = method.getParameterTypes();
    int last = parameters.length - 1;
    return parameters.length + (last >= 0 && parameters[last] == Context.class ? 1 : 0);
  }

  /** What each parameter receives. */
  private enum Slot {
    INPUT_STREAM,
    OUTPUT_STREAM,
    CONTEXT,
    POJO
  }

  private record Shape(Slot[] slots) {
    boolean has(Slot slot) {
      return Arrays.asList(slots).contains(slot);
    }
  }

  /**
   * The accepted shape of a candidate, or null (with the runtime's "Ignoring" line) when it is
   * rejected.
   */
  private Shape shape(Method method) {
    Type[] p = method.getGenericParameterTypes();
    switch (p.length) {
      case 0 -> {
        return new Shape(new Slot[0]);
      }
      case 1 -> {
        return new Shape(new Slot[] {slot(p[0])});
      }
      case 2 -> {
        if (p[0] == OutputStream.class && p[1] != Context.class) {
          stderr.accept(
              "Ignoring two-argument overload because first argument type is OutputStream and second argument type is not Context");
          return null;
        }
        if (p[0] == Context.class) {
          stderr.accept("Ignoring two-argument overload because first argument type is Context");
          return null;
        }
        if (p[0] == InputStream.class && p[1] != OutputStream.class && p[1] != Context.class) {
          stderr.accept(
              "Ignoring two-argument overload because second parameter type, "
                  + p[1].getTypeName()
                  + ", is not OutputStream.");
          return null;
        }
        if (p[0] != InputStream.class && p[1] != Context.class) {
          stderr.accept(
              "Ignoring two-argument overload because second parameter type is not Context");
          return null;
        }
        return new Shape(new Slot[] {slot(p[0]), slot(p[1])});
      }
      case 3 -> {
        if (p[0] == InputStream.class && p[1] == OutputStream.class && p[2] == Context.class) {
          return new Shape(new Slot[] {Slot.INPUT_STREAM, Slot.OUTPUT_STREAM, Slot.CONTEXT});
        }
        stderr.accept(
            "Ignoring three-argument overload because argument signature is not (InputStream, OutputStream, Context");
        return null;
      }
      default -> {
        stderr.accept(
            "Ignoring an overload of method "
                + method.getName()
                + " because it has too many parameters: Expected at most 3, got "
                + p.length);
        return null;
      }
    }
  }

  private static Slot slot(Type type) {
    if (type == InputStream.class) {
      return Slot.INPUT_STREAM;
    }
    if (type == OutputStream.class) {
      return Slot.OUTPUT_STREAM;
    }
    return type == Context.class ? Slot.CONTEXT : Slot.POJO;
  }

  private LoadedHandler bind(Method method, Shape shape, Object instance) throws HandlerFault {
    Slot[] slots = shape.slots();
    boolean stream = shape.has(Slot.INPUT_STREAM) || shape.has(Slot.OUTPUT_STREAM);
    Serializers.Codec input = null;
    for (int i = 0; i < slots.length; i++) {
      if (slots[i] == Slot.POJO) {
        input = codec(method.getGenericParameterTypes()[i]);
      }
    }
    Serializers.Codec output =
        stream || isVoid(method.getGenericReturnType())
            ? null
            : codec(method.getGenericReturnType());
    if (stream && !shape.has(Slot.OUTPUT_STREAM) && method.getReturnType() != void.class) {
      stderr.accept(
          "Will ignore return type "
              + method.getGenericReturnType().getTypeName()
              + " on byte stream handler");
    }
    Serializers.Codec pojoInput = input;
    return (event, context) -> {
      Object[] args = new Object[slots.length];
      ByteArrayOutputStream out = null;
      for (int i = 0; i < slots.length; i++) {
        switch (slots[i]) {
          case INPUT_STREAM -> args[i] = new ByteArrayInputStream(event);
          case OUTPUT_STREAM -> args[i] = out = new ByteArrayOutputStream();
          case CONTEXT -> args[i] = context;
          case POJO -> args[i] = read(pojoInput, event);
        }
      }
      Object result;
      try {
        result = method.invoke(instance, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
      if (out != null) {
        return out.toByteArray();
      }
      return stream ? NULL : write(output, result);
    };
  }

  // ---- (de)serialization, with the runtime's messages

  private static final byte[] NULL = {'n', 'u', 'l', 'l'};

  private Serializers.Codec codec(Type type) throws HandlerFault {
    try {
      return serializers.codec(type);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      throw HandlerFault.deferred(String.valueOf(cause.getMessage()), cause.getClass());
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      throw HandlerFault.deferred(String.valueOf(e.getMessage()), e.getClass());
    }
  }

  private static boolean isVoid(Type type) {
    return type == void.class || type == Void.class;
  }

  private Object read(Serializers.Codec codec, byte[] event) {
    try {
      return codec.read(event);
    } catch (Throwable e) {
      stderr.accept("An error occurred during JSON parsing: " + StackTraces.text(e));
      throw ErrorDocument.runtimeError("An error occurred during JSON parsing");
    }
  }

  private byte[] write(Serializers.Codec codec, Object result) {
    if (codec == null) {
      return NULL;
    }
    try {
      return codec.write(result);
    } catch (Throwable e) {
      stderr.accept(
          "An error occurred during JSON serialization of response: " + StackTraces.text(e));
      throw ErrorDocument.runtimeError("An error occurred during JSON serialization of response");
    }
  }
}
