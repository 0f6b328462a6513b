package io.localsam.fault;

import java.time.Duration;

/**
 * The faults one route can be given: API Gateway's side, so only requests through that route see
 * them.
 */
public final class RouteFaults {
  private final Faults faults;
  private final String routeKey;
  private final int oneIn;

  RouteFaults(Faults faults, String routeKey, int oneIn) {
    this.faults = faults;
    this.routeKey = routeKey;
    this.oneIn = oneIn;
  }

  /** Applies the fault to every {@code n}-th request only (the n-th, the 2n-th, ...). */
  public RouteFaults oneIn(int n) {
    return new RouteFaults(faults, routeKey, n);
  }

  /** Each request waits {@code delay} before its function is invoked, then goes on as usual. */
  public Fault latency(Duration delay) {
    return faults.setRoute(routeKey, new Fault(Fault.Kind.LATENCY, delay, null, null, 0, oneIn));
  }

  /**
   * API Gateway's own throttling: 429 {@code {"message":"Too Many Requests"}}, the function not
   * called.
   */
  public Fault throttle() {
    return faults.setRoute(routeKey, Fault.of(Fault.Kind.THROTTLE, oneIn));
  }

  /** Answers {@code status} with {@code {"message":"<reason phrase>"}}, the function not called. */
  public Fault status(int status) {
    return faults.setRoute(
        routeKey, new Fault(Fault.Kind.STATUS, Duration.ZERO, null, null, status, oneIn));
  }

  /**
   * API Gateway's integration timeout, answered at once rather than after 29 s: 504 {@code Endpoint
   * request timed out} on REST APIs, 503 {@code Service Unavailable} on HTTP APIs; the function not
   * called.
   */
  public Fault timeout() {
    return faults.setRoute(routeKey, Fault.of(Fault.Kind.TIMEOUT, oneIn));
  }
}
