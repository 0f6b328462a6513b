package io.localsam.fault;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fault as the command line writes it ({@code --fault}): {@code TARGET:FAULT[,one-in=N]}, where
 * TARGET is a function's logical id or a route ({@code GET /hello}) and FAULT one of {@code
 * latency=DURATION} ({@code 200ms}, {@code 2s}), {@code throttle}, {@code error=TYPE[:MESSAGE]}
 * (functions), {@code status=CODE} (routes), {@code timeout}.
 *
 * @param target the function id, or the route key
 * @param route true when the target is a route
 * @param fault what to inject
 */
public record FaultSpec(String target, boolean route, Fault fault) {
  private static final Pattern ONE_IN = Pattern.compile("(.*),one-in=(\\d{1,9})");
  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s)");

  /** Parses a spec; the message of the exception says what is wrong and what is expected. */
  public static FaultSpec parse(String spec) {
    int colon = spec.indexOf(':');
    if (colon <= 0) {
      throw bad(spec, "no TARGET: before the fault");
    }
    String target = spec.substring(0, colon).strip();
    String rest = spec.substring(colon + 1).strip();
    boolean route = target.contains(" ");
    if (route) {
      try {
        target = Faults.routeKey(target);
      } catch (IllegalArgumentException e) {
        throw bad(spec, e.getMessage());
      }
    }
    int oneIn = 1;
    Matcher every = ONE_IN.matcher(rest);
    if (every.matches()) {
      rest = every.group(1);
      oneIn = Integer.parseInt(every.group(2));
      if (oneIn < 1) {
        throw bad(spec, "one-in must be 1 or more");
      }
    }
    int eq = rest.indexOf('=');
    String name = eq < 0 ? rest : rest.substring(0, eq);
    String value = eq < 0 ? null : rest.substring(eq + 1);
    Fault fault =
        switch (name) {
          case "latency" ->
              new Fault(Fault.Kind.LATENCY, duration(spec, value), null, null, 0, oneIn);
          case "throttle" -> noValue(spec, name, value, Fault.of(Fault.Kind.THROTTLE, oneIn));
          case "timeout" -> noValue(spec, name, value, Fault.of(Fault.Kind.TIMEOUT, oneIn));
          case "error" -> {
            if (route) {
              throw bad(spec, "a route takes status=CODE; error=TYPE is for a function");
            }
            if (value == null || value.isBlank() || value.startsWith(":")) {
              throw bad(
                  spec, "error needs a type: error=java.lang.IllegalStateException[:message]");
            }
            int split = value.indexOf(':');
            yield new Fault(
                Fault.Kind.ERROR,
                Duration.ZERO,
                split < 0 ? value : value.substring(0, split),
                split < 0 ? "Injected fault" : value.substring(split + 1),
                0,
                oneIn);
          }
          case "status" -> {
            if (!route) {
              throw bad(
                  spec,
                  "status=CODE is for a route (GET /path); a function takes error=TYPE[:MESSAGE]");
            }
            if (value == null
                || !value.matches("\\d{3}")
                || Integer.parseInt(value) < 100
                || Integer.parseInt(value) > 599) {
              throw bad(spec, "status needs an HTTP status from 100 to 599: status=503");
            }
            yield new Fault(
                Fault.Kind.STATUS, Duration.ZERO, null, null, Integer.parseInt(value), oneIn);
          }
          default -> throw bad(spec, "unknown fault '" + name + "'");
        };
    return new FaultSpec(target, route, fault);
  }

  private static Duration duration(String spec, String value) {
    Matcher matcher = value == null ? null : DURATION.matcher(value.strip());
    if (matcher == null || !matcher.matches()) {
      throw bad(spec, "latency needs a duration in ms or s: latency=200ms, latency=2s");
    }
    long amount = Long.parseLong(matcher.group(1));
    return matcher.group(2).equals("ms") ? Duration.ofMillis(amount) : Duration.ofSeconds(amount);
  }

  private static Fault noValue(String spec, String name, String value, Fault fault) {
    if (value != null) {
      throw bad(spec, name + " takes no value");
    }
    return fault;
  }

  private static IllegalArgumentException bad(String spec, String why) {
    return new IllegalArgumentException(
        "--fault '"
            + spec
            + "': "
            + why
            + ". Write TARGET:FAULT[,one-in=N]: TARGET a function id"
            + " or a route (GET /hello), FAULT one of latency=200ms, throttle, error=TYPE[:MESSAGE] (functions), status=503"
            + " (routes), timeout.");
  }
}
