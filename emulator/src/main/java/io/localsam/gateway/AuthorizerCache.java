package io.localsam.gateway;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Lambda authorizer results kept for the authorizer's TTL ({@code ReauthorizeEvery}, {@code
 * AuthorizerResultTtlInSeconds}; API Gateway's maximum is 3600 s), keyed by the authorizer and the
 * values of its identity sources. As deployed, a cached policy is evaluated again for each
 * request's method ARN, so a policy that names one method denies the others until it expires.
 */
final class AuthorizerCache {
  private static final int MAX_ENTRIES = 10_000;

  private record Entry(AuthorizerAnswer answer, long expiresAtNanos) {}

  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

  AuthorizerAnswer get(String key) {
    Entry entry = entries.get(key);
    if (entry == null) {
      return null;
    }
    if (System.nanoTime() - entry.expiresAtNanos() >= 0) {
      entries.remove(key, entry);
      return null;
    }
    return entry.answer();
  }

  void clear() {
    entries.clear();
  }

  void put(String key, AuthorizerAnswer answer, int ttlSeconds) {
    long now = System.nanoTime();
    if (entries.size() >= MAX_ENTRIES) {
      entries.values().removeIf(entry -> now - entry.expiresAtNanos() >= 0);
    }
    entries.put(key, new Entry(answer, now + Math.min(ttlSeconds, 3600) * 1_000_000_000L));
  }
}
