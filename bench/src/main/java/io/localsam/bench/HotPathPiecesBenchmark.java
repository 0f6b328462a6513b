package io.localsam.bench;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Small things LocalSAM does on every request, each next to a cheaper way to get the same text, run
 * on two threads as the gateway's workers do: request ids from {@code UUID.randomUUID()}
 * (SecureRandom, behind one lock) against ids from {@code ThreadLocalRandom}, and {@code
 * String.format("%.2f")} of the REPORT line against plain arithmetic.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(2)
public class HotPathPiecesBenchmark {
  private static final DateTimeFormatter REQUEST_TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private final long nanos = 834_567;

  @Benchmark
  public String uuidSecureRandom() {
    return UUID.randomUUID().toString();
  }

  @Benchmark
  public String uuidThreadLocalRandom() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long most = random.nextLong() & ~0xF000L | 0x4000L; // version 4
    long least = random.nextLong() & ~(0xC000L << 48) | (0x8000L << 48); // IETF variant
    return new UUID(most, least).toString();
  }

  @Benchmark
  public String millisFormat() {
    return String.format(Locale.ROOT, "%.2f", nanos / 1e6);
  }

  @Benchmark
  public String millisArithmetic() {
    long hundredths = (nanos + 5_000) / 10_000;
    long fraction = hundredths % 100;
    return (hundredths / 100) + (fraction < 10 ? ".0" : ".") + fraction;
  }

  @Benchmark
  public String requestTime() {
    return REQUEST_TIME.format(Instant.ofEpochMilli(1_764_361_250_000L));
  }
}
