package io.localsam.fault;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The faults injected into a running emulator, per function (seen by every way in: routes, the
 * Invoke API, {@code Emulator.invoke}) and per route (API Gateway's side: the function may never be
 * called). One fault per function and one per route at a time; a new one replaces the old.
 * Thread-safe.
 *
 * <pre>{@code
 * emulator.faults().forFunction("OrdersFunction").throttle();
 * emulator.faults().forRoute("GET /orders").oneIn(3).status(503);
 * emulator.faults().clear();
 * }</pre>
 */
public final class Faults {
  private final Map<String, Armed> functions = new ConcurrentHashMap<>();
  private final Map<String, Armed> routes = new ConcurrentHashMap<>();
  private final Consumer<String> functionCheck;
  private final Consumer<String> routeCheck;
  private final Consumer<String> log;

  /** A fault and how many requests it has seen, for one-in-N. */
  private record Armed(Fault fault, AtomicLong seen) {
    Fault next() {
      return seen.incrementAndGet() % fault.oneIn() == 0 ? fault : null;
    }
  }

  /**
   * {@code functionCheck} and {@code routeCheck} throw, with a message that says what exists, for a
   * function id or a route key ({@code "GET /orders"}) the template does not have; {@code log} is
   * told of each fault set.
   */
  public Faults(Consumer<String> functionCheck, Consumer<String> routeCheck, Consumer<String> log) {
    this.functionCheck = functionCheck;
    this.routeCheck = routeCheck;
    this.log = log;
  }

  /** No checks and no log: for a runtime or gateway started without an emulator. */
  public static Faults none() {
    return new Faults(id -> {}, key -> {}, line -> {});
  }

  /** Faults for one function, by its logical id. */
  public FunctionFaults forFunction(String functionId) {
    functionCheck.accept(functionId);
    return new FunctionFaults(this, functionId, 1);
  }

  /**
   * Faults for one route, written as the {@code routes} command lists it: {@code "GET
   * /orders/{id}"}.
   */
  public RouteFaults forRoute(String routeKey) {
    String key = routeKey(routeKey);
    routeCheck.accept(key);
    return new RouteFaults(this, key, 1);
  }

  /** Sets the fault a command-line spec describes ({@link FaultSpec}). */
  public Fault add(FaultSpec spec) {
    if (spec.route()) {
      routeCheck.accept(spec.target());
      return setRoute(spec.target(), spec.fault());
    }
    functionCheck.accept(spec.target());
    return setFunction(spec.target(), spec.fault());
  }

  /** Removes every fault. */
  public void clear() {
    functions.clear();
    routes.clear();
  }

  /** The faults set now, by function id. */
  public Map<String, Fault> functionFaults() {
    return view(functions);
  }

  /** The faults set now, by route key. */
  public Map<String, Fault> routeFaults() {
    return view(routes);
  }

  /**
   * The fault for this invocation of {@code functionId}, or null; each call counts as one
   * invocation for one-in-N.
   */
  public Fault nextForFunction(String functionId) {
    Armed armed = functions.isEmpty() ? null : functions.get(functionId);
    return armed == null ? null : armed.next();
  }

  /**
   * The fault for this request to {@code routeKey}, or null; each call counts as one request for
   * one-in-N.
   */
  public Fault nextForRoute(String routeKey) {
    Armed armed = routes.isEmpty() ? null : routes.get(routeKey);
    return armed == null ? null : armed.next();
  }

  Fault setFunction(String functionId, Fault fault) {
    functions.put(functionId, new Armed(fault, new AtomicLong()));
    log.accept("Fault injected into function " + functionId + ": " + fault.describe());
    return fault;
  }

  Fault setRoute(String routeKey, Fault fault) {
    routes.put(routeKey, new Armed(fault, new AtomicLong()));
    log.accept("Fault injected into route " + routeKey + ": " + fault.describe());
    return fault;
  }

  /**
   * {@code get /orders} as {@code GET /orders}: the method upper-cased, one space, the path as
   * written.
   */
  static String routeKey(String written) {
    String trimmed = written.strip();
    int space = trimmed.indexOf(' ');
    if (space <= 0 || !trimmed.substring(space).strip().startsWith("/")) {
      throw new IllegalArgumentException(
          "a route is written METHOD /path, as the routes command lists it (GET /orders/{id}),"
              + " not '"
              + written
              + "'");
    }
    return trimmed.substring(0, space).toUpperCase(Locale.ROOT)
        + " "
        + trimmed.substring(space).strip();
  }

  private static Map<String, Fault> view(Map<String, Armed> armed) {
    Map<String, Fault> faults = new LinkedHashMap<>();
    armed.forEach((key, value) -> faults.put(key, value.fault()));
    return faults;
  }
}
