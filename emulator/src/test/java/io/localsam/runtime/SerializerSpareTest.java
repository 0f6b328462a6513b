package io.localsam.runtime;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The serializer copy an environment takes was made ahead, off the request path, and is its own: no
 * two environments get the same copy, so nothing AWS's classes keep in their statics (Jackson's
 * caches of the function's types) is shared between environments or outlives the one that filled
 * it.
 */
class SerializerSpareTest {
  private static final String ZONES =
      "com/amazonaws/lambda/thirdparty/org/joda/time/tz/data/ZoneInfoMap";
  private static final String EVENTS =
      "com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers";

  private static final String BEAN_DESERIALIZER =
      "com.amazonaws.lambda.thirdparty.com.fasterxml.jackson.databind.deser.BeanDeserializer";
  private static final String JODA_MODULE =
      "com.amazonaws.lambda.thirdparty.com.fasterxml.jackson.datatype.joda.JodaModule";

  @Test
  void everyEnvironmentTakesACopyOfItsOwn() throws Exception {
    SerializationClassLoader first = SerializerSpare.take();
    SerializationClassLoader second = SerializerSpare.take();
    try {
      assertNotSame(first, second);
      assertNotSame(first.loadClass(EVENTS), second.loadClass(EVENTS));
    } finally {
      first.close();
      second.close();
    }
  }

  @Test
  void anEnvironmentEndingDoesNotCloseTheZoneDataAnotherIsReading() throws Exception {
    SerializationClassLoader reading = SerializerSpare.take();
    SerializationClassLoader ending = SerializerSpare.take();
    try (InputStream zones = reading.getResourceAsStream(ZONES)) {
      assertNotNull(ending.getResourceAsStream(ZONES), "the jar holds joda-time's zone data");
      ending
          .close(); // the JDK's shared JarFile cache would close the other copy's open stream here
      assertTrue(zones.readAllBytes().length > 0);
    } finally {
      reading.close();
    }
  }

  @Test
  void aCopyIsMadeInTheBackgroundAlreadyLoaded() throws Exception {
    SerializerSpare.prepare(1); // as LocalSAM's start does
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    SerializationClassLoader ready = null;
    while (ready == null && System.nanoTime() < deadline) {
      ready = SerializerSpare.readyOrNull();
      if (ready == null) {
        Thread.sleep(5);
      }
    }
    assertTrue(ready != null, "no copy was made ready in 30 s");
    try {
      assertSame(
          ready, ready.loadClass(EVENTS).getClassLoader(), "AWS's classes are the copy's own");
      assertTrue(ready.isLoaded(EVENTS), "the copy was loaded ahead");
      // and warmed with an event's round trip: what a first request would otherwise load
      assertTrue(ready.isLoaded(BEAN_DESERIALIZER), "Jackson's bean deserializer");
      assertTrue(ready.isLoaded(JODA_MODULE), "the date modules' joda-time");
      assertSame(
          ClassLoader.getPlatformClassLoader(),
          ready.getParent(),
          "it sees the JDK, not LocalSAM or a function");
    } finally {
      ready.close();
    }
  }

  @Test
  void asManyCopiesAsAskedForAreMadeAheadAtMostTwoAndNoneAfterThemAreTaken() throws Exception {
    drain();
    SerializerSpare.prepare(5); // one for each function of a template, as a reset asks
    SerializationClassLoader first = awaitReady();
    SerializationClassLoader second = awaitReady();
    try {
      assertNotSame(first, second);
      awaitIdle();
      assertNull(SerializerSpare.readyOrNull(), "two were asked for at most; both were taken");
    } finally {
      first.close();
      second.close();
    }
  }

  /** Takes what earlier tests' emulators left ready, once nothing is being made. */
  private static void drain() throws Exception {
    awaitIdle();
    for (SerializationClassLoader left; (left = SerializerSpare.readyOrNull()) != null; ) {
      left.close();
    }
  }

  private static void awaitIdle() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (SerializerSpare.making()) {
      assertTrue(System.nanoTime() < deadline, "the background thread did not finish in 30 s");
      Thread.sleep(5);
    }
  }

  private static SerializationClassLoader awaitReady() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    SerializationClassLoader ready;
    while ((ready = SerializerSpare.readyOrNull()) == null) {
      assertTrue(System.nanoTime() < deadline, "no copy was made ready in 30 s");
      Thread.sleep(5);
    }
    return ready;
  }
}
