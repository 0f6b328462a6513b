package io.localsam.runtime;

import io.localsam.host.HelperThreads;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.Map;

/**
 * AWS's serializer, loaded and initialised before an environment needs it: a copy is made on a
 * background thread while LocalSAM starts ({@link #refill}), and the first environment's Init takes
 * it instead of loading and initialising about 880 classes on the first request. Each copy serves
 * one environment only (nothing AWS's classes keep in their statics is shared). Taking it does not
 * start the next one: that work would run beside the new environment's first invocation, and a
 * function that fills the heap then ran out of memory only after its timeout (FunctionFaultsTest).
 */
final class SerializerSpare {
  private static SerializationClassLoader ready; // guarded by the class
  private static boolean making; // guarded by the class
  private static boolean claimed; // an Init waits for the copy being made; guarded by the class
  private static final long WAIT_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(10);

  private static final String SHADED_MODULE =
      "com.amazonaws.lambda.thirdparty.com.fasterxml.jackson.databind.Module";
  private static final String DATE_MODULE =
      "com.amazonaws.services.lambda.runtime.serialization.events.modules.DateModule";
  // What DateTimeModule extends; that one needs the function's own joda-time to be made.
  private static final String JODA_MODULE =
      "com.amazonaws.lambda.thirdparty.com.fasterxml.jackson.datatype.joda.JodaModule";

  private SerializerSpare() {}

  /**
   * The ready copy, or the one on its way unless another Init already waits for it (its loading is
   * further along than a new one's would be, and two loading at once share the CPU), or a new one
   * made now. Environments started together do not queue behind the background thread.
   */
  static SerializationClassLoader take() {
    SerializationClassLoader taken;
    synchronized (SerializerSpare.class) {
      boolean waits = ready == null && making && !claimed;
      claimed |= waits;
      long deadline = System.nanoTime() + WAIT_NANOS;
      while (waits && ready == null && making && System.nanoTime() < deadline) {
        try {
          SerializerSpare.class.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      if (waits) {
        claimed = false;
      }
      taken = waits || !claimed ? ready : null;
      if (taken != null) {
        ready = null;
      }
    }
    return taken != null ? taken : new SerializationClassLoader();
  }

  /** The ready copy, taken without starting the next one; null while none is ready (for tests). */
  static SerializationClassLoader readyOrNull() {
    synchronized (SerializerSpare.class) {
      SerializationClassLoader taken = ready;
      ready = null;
      return taken;
    }
  }

  /** Starts making a copy in the background unless one is ready or on its way. */
  static void refill() {
    synchronized (SerializerSpare.class) {
      if (ready != null || making) {
        return;
      }
      making = true;
    }
    Thread thread = HelperThreads.daemon(SerializerSpare::make, "localsam-serializer-spare");
    thread.setPriority(Thread.MIN_PRIORITY); // idle work: requests come first
    thread.start();
  }

  private static void make() {
    SerializationClassLoader loader = null;
    try {
      loader = new SerializationClassLoader();
      warm(loader);
    } catch (ReflectiveOperationException | RuntimeException | LinkageError | OutOfMemoryError e) {
      loader =
          null; // an environment then loads its own, and reports what fails there (a function may
      // fill the heap)
    } finally {
      synchronized (SerializerSpare.class) {
        ready = loader;
        making = false;
        SerializerSpare.class.notifyAll();
      }
    }
  }

  /**
   * Loads and initialises what every environment's {@link Serializers} uses, and the event
   * serializers' tables; then round-trips an API Gateway-shaped event through AWS's Jackson, so the
   * parser, generator and deserializers a first request needs are loaded too. Only JDK types and
   * {@link WarmUpEvent} (LocalSAM's own) reach its caches: nothing of a function.
   */
  private static void warm(ClassLoader loader) throws ReflectiveOperationException {
    Class.forName(
        "com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers",
        true,
        loader);
    Class<?> pojoSerializer =
        Class.forName(
            "com.amazonaws.services.lambda.runtime.serialization.PojoSerializer", true, loader);
    try {
      Class<?> factory =
          Class.forName(
              "com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory",
              true,
              loader);
      Object jackson = factory.getMethod("getInstance").invoke(null);
      Method serializerFor = factory.getMethod("getSerializer", Type.class);
      Method fromJson = pojoSerializer.getMethod("fromJson", InputStream.class);
      Method toJson = pojoSerializer.getMethod("toJson", Object.class, OutputStream.class);
      // The date modules the event serializers register on their copy of the mapper (joda-time's
      // zone data and formatters).
      Object mapper = factory.getMethod("getMapper").invoke(jackson);
      Object copy = mapper.getClass().getMethod("copy").invoke(mapper);
      Method register =
          mapper
              .getClass()
              .getMethod("registerModule", Class.forName(SHADED_MODULE, false, loader));
      register.invoke(
          copy, Class.forName(DATE_MODULE, true, loader).getConstructor().newInstance());
      register.invoke(
          copy, Class.forName(JODA_MODULE, true, loader).getConstructor().newInstance());
      for (Type type : new Type[] {WarmUpEvent.class, Map.class}) {
        Object serializer = serializerFor.invoke(jackson, type);
        Object event = fromJson.invoke(serializer, new ByteArrayInputStream(WarmUpEvent.JSON));
        toJson.invoke(serializer, event, new ByteArrayOutputStream(WarmUpEvent.JSON.length));
      }
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(e.getCause());
    }
  }
}
