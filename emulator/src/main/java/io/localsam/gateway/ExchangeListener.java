package io.localsam.gateway;

/**
 * Told about every request the gateway answered after invoking its function, just before the answer
 * is written: a client that has its answer finds the exchange recorded.
 */
@FunctionalInterface
public interface ExchangeListener {
  ExchangeListener NONE = exchange -> {};

  void answered(GatewayExchange exchange);
}
