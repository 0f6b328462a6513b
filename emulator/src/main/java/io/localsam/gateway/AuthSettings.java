package io.localsam.gateway;

import java.util.List;

/**
 * How the gateway authorizes requests, as the emulator's options set it.
 *
 * @param region the region in method ARNs ({@code arn:aws:execute-api:REGION:...})
 * @param jwks key sets for JWT and Cognito authorizers: files, {@code http(s)} URLs or inline JSON;
 *     none means tokens are decoded without checking signatures (warned about at start-up)
 * @param disabled {@code --disable-authorizer}: no authorizer runs, every request passes them
 * @param apiKeys API key values accepted besides the template's {@code AWS::ApiGateway::ApiKey}
 *     values
 */
public record AuthSettings(
    String region, List<String> jwks, boolean disabled, List<String> apiKeys) {
  public AuthSettings {
    jwks = List.copyOf(jwks);
    apiKeys = List.copyOf(apiKeys);
  }

  /** Every authorizer on, no key set, no extra API keys. */
  public static AuthSettings defaults(String region) {
    return new AuthSettings(region, List.of(), false, List.of());
  }
}
