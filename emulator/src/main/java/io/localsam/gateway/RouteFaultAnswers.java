package io.localsam.gateway;

import io.localsam.fault.Fault;
import io.localsam.server.JsonValues;
import io.localsam.template.ApiKind;
import io.undertow.util.StatusCodes;

/**
 * What API Gateway answers for a route's injected fault, and the error type the journal records it
 * under.
 */
final class RouteFaultAnswers {
  private RouteFaultAnswers() {}

  static GatewayResponse answer(Fault fault, ApiKind kind) {
    return switch (fault.kind()) {
      case THROTTLE -> GatewayErrors.throttled();
      case TIMEOUT -> GatewayErrors.integrationTimeout(kind);
      case STATUS ->
          GatewayResponse.json(
              fault.status(),
              "{\"message\":" + JsonValues.quote(StatusCodes.getReason(fault.status())) + "}");
      default -> throw new IllegalArgumentException(fault.describe() + " is not a route's answer");
    };
  }

  static String errorType(Fault fault) {
    return switch (fault.kind()) {
      case THROTTLE -> "TooManyRequestsException";
      case TIMEOUT -> "IntegrationTimeout";
      default -> "HTTP " + fault.status();
    };
  }
}
