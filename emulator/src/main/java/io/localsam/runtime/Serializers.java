package io.localsam.runtime;

import com.amazonaws.services.lambda.runtime.CustomPojoSerializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.Iterator;
import java.util.ServiceLoader;

/**
 * Picks the serializer for a handler's input or output type exactly as the Java runtime does: the
 * function's own {@code CustomPojoSerializer} if it ships one, AWS's event serializers for the
 * event classes they know, AWS's Jackson configuration for everything else. The AWS classes live in
 * the function's {@link SerializationClassLoader}, so they are reached reflectively.
 */
final class Serializers {
  private final ClassLoader functionLoader;
  private final Object customSerializer;
  private final Method isSupportedEvent;
  private final Method eventSerializerFor;
  private final Object jacksonFactory;
  private final Method jacksonSerializerFor;
  private final Method fromJson;
  private final Method toJson;

  Serializers(ClassLoader functionLoader, ClassLoader serializationLoader)
      throws ReflectiveOperationException {
    this.functionLoader = functionLoader;
    this.customSerializer = customSerializer(functionLoader);
    Class<?> events =
        serializationLoader.loadClass(
            "com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers");
    isSupportedEvent = events.getMethod("isLambdaSupportedEvent", String.class);
    eventSerializerFor = events.getMethod("serializerFor", Class.class, ClassLoader.class);
    Class<?> factory =
        serializationLoader.loadClass(
            "com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory");
    jacksonFactory = factory.getMethod("getInstance").invoke(null);
    jacksonSerializerFor = factory.getMethod("getSerializer", Type.class);
    Class<?> pojoSerializer =
        serializationLoader.loadClass(
            "com.amazonaws.services.lambda.runtime.serialization.PojoSerializer");
    fromJson = pojoSerializer.getMethod("fromJson", InputStream.class);
    toJson = pojoSerializer.getMethod("toJson", Object.class, OutputStream.class);
  }

  /** Reads and writes one declared type. */
  interface Codec {
    Object read(byte[] json) throws Exception;

    byte[] write(Object value) throws Exception;
  }

  Codec codec(Type type) throws ReflectiveOperationException {
    if (customSerializer != null) {
      return custom(type);
    }
    Object serializer;
    if (type instanceof Class<?> cls && (Boolean) isSupportedEvent.invoke(null, cls.getName())) {
      serializer = eventSerializerFor.invoke(null, cls, functionLoader);
    } else {
      serializer = jacksonSerializerFor.invoke(jacksonFactory, type);
    }
    return new Codec() {
      @Override
      public Object read(byte[] json) throws Exception {
        return call(fromJson, serializer, new ByteArrayInputStream(json));
      }

      @Override
      public byte[] write(Object value) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        call(toJson, serializer, value, out);
        return out.toByteArray();
      }
    };
  }

  private Codec custom(Type type) {
    CustomPojoSerializer serializer = (CustomPojoSerializer) customSerializer;
    return new Codec() {
      @Override
      public Object read(byte[] json) {
        return serializer.fromJson(new ByteArrayInputStream(json), type);
      }

      @Override
      public byte[] write(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        serializer.toJson(value, out, type);
        return out.toByteArray();
      }
    };
  }

  private static Object customSerializer(ClassLoader functionLoader) {
    Iterator<CustomPojoSerializer> found =
        ServiceLoader.load(CustomPojoSerializer.class, functionLoader).iterator();
    if (!found.hasNext()) {
      return null;
    }
    Object first = found.next();
    if (found.hasNext()) {
      throw new IllegalStateException(
          "Too many serializers provided inside the META-INF/services folder, only one is allowed");
    }
    return first;
  }

  private static Object call(Method method, Object target, Object... args) throws Exception {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception exception) {
        throw exception;
      }
      throw (Error) cause;
    }
  }
}
