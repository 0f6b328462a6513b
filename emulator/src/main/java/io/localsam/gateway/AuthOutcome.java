package io.localsam.gateway;

/**
 * What an authorizer decided: go on with what it leaves for the event, or API Gateway's refusal and
 * the reason for the log.
 */
record AuthOutcome(Authorization authorization, GatewayResponse refusal, String reason) {
  static AuthOutcome allow(Authorization authorization) {
    return new AuthOutcome(authorization, null, null);
  }

  static AuthOutcome refuse(GatewayResponse refusal, String reason) {
    return new AuthOutcome(null, refusal, reason);
  }

  boolean allowed() {
    return refusal == null;
  }
}
