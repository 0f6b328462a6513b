package io.localsam.runtime;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * X-Ray trace headers as Lambda hands one to each invocation of a function with active tracing:
 * {@code Root=1-<epoch seconds, 8 hex>-<24 hex>;Parent=<16 hex>;Sampled=1}
 * (https://docs.aws.amazon.com/xray/latest/devguide/xray-concepts.html#xray-concepts-tracingheader).
 */
final class TraceHeaders {
  private TraceHeaders() {}

  static String next() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    HexFormat hex = HexFormat.of();
    return "Root=1-"
        + hex.toHexDigits((int) (System.currentTimeMillis() / 1000))
        + "-"
        + hex.toHexDigits(random.nextInt())
        + hex.toHexDigits(random.nextLong())
        + ";Parent="
        + hex.toHexDigits(random.nextLong())
        + ";Sampled=1";
  }
}
