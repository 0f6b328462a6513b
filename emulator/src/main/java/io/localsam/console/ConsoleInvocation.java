package io.localsam.console;

import io.localsam.gateway.GatewayExchange;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One journal entry as the admin API and the console show it; the facade's {@code Invocation} is
 * one.
 */
public interface ConsoleInvocation {
  /**
   * The journal's number for it, rising from 1; what {@code /__localsam/api/invocations/{id}}
   * takes.
   */
  long id();

  String functionId();

  String requestId();

  String event();

  String response();

  String error();

  Duration duration();

  Instant startedAt();

  /** Init's duration when this invocation started a new environment (a cold start), else null. */
  Duration initDuration();

  List<String> logs();

  /**
   * The HTTP request that led to it and what the gateway answered; null for a direct or
   * asynchronous invocation.
   */
  GatewayExchange request();
}
