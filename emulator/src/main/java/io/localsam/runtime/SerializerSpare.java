package io.localsam.runtime;

import io.localsam.host.HelperThreads;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * AWS's serializer, loaded and initialised before an environment needs it: copies are made on a
 * background thread ({@link #prepare}) when an environment will soon be needed — while LocalSAM
 * starts, when its state is reset (a test class begins), when a function's code changes (during the
 * quiet time before it is reloaded) — and an environment's Init takes one instead of loading and
 * initialising about 900 classes on its first request. Each copy serves one environment only
 * (nothing AWS's classes keep in their statics is shared). Taking one does not start the next: that
 * work would run beside the new environment's first invocation, and a function that fills the heap
 * then ran out of memory only after its timeout (FunctionFaultsTest); for the same reason no copy
 * is made while the heap is over half full.
 */
final class SerializerSpare {
  /** At most this many copies wait ready: each holds about 900 classes until it is taken. */
  static final int MAX_READY = 2;

  private static final Deque<SerializationClassLoader> ready = new ArrayDeque<>(); // guarded
  private static int wanted; // how many copies will be taken: kept ready; guarded by the class
  private static boolean making; // guarded by the class
  private static boolean claimed; // an Init waits for the copy being made; guarded by the class
  private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(10);

  private static final String SHADED_MODULE =
      "com.amazonaws.lambda.thirdparty.com.fasterxml.jackson.databind.Module";
  private static final String DATE_MODULE =
      "com.amazonaws.services.lambda.runtime.serialization.events.modules.DateModule";
  // What DateTimeModule extends; that one needs the function's own joda-time to be made.
  private static final String JODA_MODULE =
      "com.amazonaws.lambda.thirdparty.com.fasterxml.jackson.datatype.joda.JodaModule";

  private SerializerSpare() {}

  /**
   * A ready copy, or the one on its way unless another Init already waits for it (its loading is
   * further along than a new one's would be, and two loading at once share the CPU), or a new one
   * made now. Environments started together do not queue behind the background thread.
   */
  static SerializationClassLoader take() {
    SerializationClassLoader taken = null;
    synchronized (SerializerSpare.class) {
      if (ready.size() > (claimed ? 1 : 0)) { // the first one is for the Init that waits for it
        taken = ready.poll();
        wanted = Math.max(0, wanted - 1);
      } else if (making && !claimed) {
        claimed = true;
        wanted = Math.max(0, wanted - 1); // this one is the copy on its way
        long deadline = System.nanoTime() + WAIT_NANOS;
        while (ready.isEmpty() && making && System.nanoTime() < deadline) {
          try {
            SerializerSpare.class.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            break;
          }
        }
        claimed = false;
        taken = ready.poll();
      }
    }
    return taken != null ? taken : new SerializationClassLoader();
  }

  /** A ready copy, taken without starting the next one; null while none is ready (for tests). */
  static SerializationClassLoader readyOrNull() {
    synchronized (SerializerSpare.class) {
      SerializationClassLoader taken = ready.poll();
      if (taken != null) {
        wanted = Math.max(0, wanted - 1);
      }
      return taken;
    }
  }

  /** Whether a copy is being made now (for tests). */
  static synchronized boolean making() {
    return making;
  }

  /**
   * Makes copies in the background until {@code count} are ready (at most {@link #MAX_READY}),
   * unless they are ready or on their way; each one taken, or waited for, lowers the count by one,
   * so the copies made are the copies asked for.
   */
  static void prepare(int count) {
    synchronized (SerializerSpare.class) {
      wanted = Math.max(wanted, Math.min(MAX_READY, count));
      if (making || ready.size() >= wanted) {
        return;
      }
      making = true;
    }
    Thread thread = HelperThreads.daemon(SerializerSpare::make, "localsam-serializer-spare");
    thread.setPriority(Thread.MIN_PRIORITY); // idle work: requests come first
    thread.start();
  }

  private static void make() {
    while (true) {
      synchronized (SerializerSpare.class) {
        if (ready.size() >= wanted || !roomInHeap()) {
          making = false;
          SerializerSpare.class.notifyAll();
          return;
        }
      }
      SerializationClassLoader loader = null;
      try {
        loader = new SerializationClassLoader();
        warm(loader);
      } catch (ReflectiveOperationException
          | RuntimeException
          | LinkageError
          | OutOfMemoryError e) {
        close(loader);
        loader = null; // an environment then loads its own, and reports what fails there
      }
      synchronized (SerializerSpare.class) {
        if (loader == null) {
          making = false;
        } else {
          ready.add(loader);
        }
        SerializerSpare.class.notifyAll();
        if (!making) {
          return;
        }
      }
    }
  }

  private static void close(SerializationClassLoader loader) {
    if (loader != null) {
      try {
        loader.close();
      } catch (IOException ignored) {
        // thrown away either way
      }
    }
  }

  /** Whether the heap is under half full: a function may be filling it. */
  private static boolean roomInHeap() {
    Runtime runtime = Runtime.getRuntime();
    return runtime.totalMemory() - runtime.freeMemory() < runtime.maxMemory() / 2;
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
