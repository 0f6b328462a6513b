package io.localsam.junit;

import io.localsam.template.AuthorizerDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What a JWT or Cognito authorizer of the template expects of a token's {@code iss} and {@code aud}. */
final class TokenDefaults {
  private TokenDefaults() {}

  /** {@code JwtConfiguration.issuer} or {@code .audience}, whatever the case SAM, CloudFormation or OpenAPI use. */
  static List<String> jwtSetting(AuthorizerDef authorizer, String name) {
    Object configuration = authorizer.properties().getOrDefault("JwtConfiguration", authorizer.properties().get("jwtConfiguration"));
    if (configuration instanceof Map<?, ?> settings) {
      for (Map.Entry<?, ?> setting : settings.entrySet()) {
        if (setting.getKey().toString().equalsIgnoreCase(name)) {
          return strings(setting.getValue());
        }
      }
    }
    return List.of();
  }

  /** {@code https://cognito-idp.REGION.amazonaws.com/POOL_ID} for each user pool ARN the authorizer names. */
  static List<String> userPoolIssuers(AuthorizerDef authorizer) {
    List<String> issuers = new ArrayList<>();
    for (String key : List.of("UserPoolArn", "ProviderARNs", "providerARNs")) {
      for (String arn : strings(authorizer.properties().get(key))) {
        String[] parts = arn.split(":", 6);
        if (parts.length == 6 && parts[2].equals("cognito-idp") && parts[5].startsWith("userpool/")) {
          issuers.add("https://cognito-idp." + parts[3] + ".amazonaws.com/" + parts[5].substring("userpool/".length()));
        }
      }
    }
    return issuers;
  }

  private static List<String> strings(Object value) {
    List<String> values = new ArrayList<>();
    if (value instanceof List<?> list) {
      list.forEach(item -> values.add(String.valueOf(item)));
    } else if (value != null) {
      values.add(String.valueOf(value));
    }
    return values;
  }
}
