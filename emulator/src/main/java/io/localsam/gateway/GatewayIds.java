package io.localsam.gateway;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/** The identifiers and time stamps API Gateway puts in events, in its formats. */
final class GatewayIds {
  private static final DateTimeFormatter REQUEST_TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);
  private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

  private GatewayIds() {}

  /** A stable 10-character API id per API, like API Gateway's ({@code a1b2c3d4e5}). */
  static String apiId(String logicalId) {
    return stableId(logicalId, 10);
  }

  /** A stable 6-character resource id per REST resource path. */
  static String resourceId(String path) {
    return stableId(path, 6);
  }

  private static String stableId(String seed, int length) {
    long hash = 1125899906842597L;
    for (int i = 0; i < seed.length(); i++) {
      hash = 31 * hash + seed.charAt(i);
    }
    StringBuilder id = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      id.append(ALPHABET[(int) Math.floorMod(hash, (long) ALPHABET.length)]);
      hash = hash / ALPHABET.length ^ (hash << 7);
    }
    return id.toString();
  }

  /** REST's extendedRequestId: 16 base64 characters ending in {@code =}. */
  static String extendedRequestId() {
    byte[] bytes = new byte[11];
    ThreadLocalRandom.current().nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes).substring(0, 15) + "=";
  }

  private record FormattedSecond(long second, String text) {}

  private static volatile FormattedSecond lastSecond = new FormattedSecond(-1, "");

  /**
   * {@code 28/Nov/2026:20:40:50 +0000}; formatted once per second, as every request in it shares
   * the text.
   */
  static String requestTime(long epochMillis) {
    long second = Math.floorDiv(epochMillis, 1000);
    FormattedSecond cached = lastSecond;
    if (cached.second() != second) {
      cached = new FormattedSecond(second, REQUEST_TIME.format(Instant.ofEpochSecond(second)));
      lastSecond = cached;
    }
    return cached.text();
  }
}
