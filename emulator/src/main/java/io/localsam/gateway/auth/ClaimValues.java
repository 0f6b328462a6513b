package io.localsam.gateway.auth;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A token's claims as API Gateway hands them to the function: every value a string. HTTP APIs
 * ({@code requestContext.authorizer.jwt.claims}) write numbers and booleans as text, lists as
 * {@code [a b]}, objects as JSON, and leave null claims out. REST Cognito authorizers ({@code
 * requestContext.authorizer.claims}) write {@code exp} and {@code iat} as dates ({@code Mon Apr 17
 * 23:12:49 UTC 2017}) and lists comma-joined.
 */
public final class ClaimValues {
  private static final DateTimeFormatter COGNITO_DATE =
      DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss 'UTC' yyyy", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private ClaimValues() {}

  /**
   * HTTP API JWT authorizers (measured shape: floci-io/floci#2011, aws-solutions-library-samples PR
   * #803).
   */
  public static Map<String, String> httpApi(JsonNode claims) {
    Map<String, String> values = new LinkedHashMap<>();
    claims
        .fields()
        .forEachRemaining(
            claim -> {
              JsonNode value = claim.getValue();
              if (value.isArray()) {
                List<String> items = new ArrayList<>();
                value.forEach(item -> items.add(scalar(item)));
                values.put(claim.getKey(), "[" + String.join(" ", items) + "]");
              } else if (!value.isNull()) {
                values.put(claim.getKey(), scalar(value));
              }
            });
    return values;
  }

  /**
   * REST Cognito user pool authorizers (the shape aws/serverless-java-container's
   * CognitoAuthorizerClaims documents).
   */
  public static Map<String, String> cognito(JsonNode claims) {
    Map<String, String> values = new LinkedHashMap<>();
    claims
        .fields()
        .forEachRemaining(
            claim -> {
              JsonNode value = claim.getValue();
              String name = claim.getKey();
              if ((name.equals("exp") || name.equals("iat")) && value.isNumber()) {
                values.put(name, COGNITO_DATE.format(Instant.ofEpochSecond(value.asLong())));
              } else if (value.isArray()) {
                List<String> items = new ArrayList<>();
                value.forEach(item -> items.add(scalar(item)));
                values.put(name, String.join(",", items));
              } else if (!value.isNull()) {
                values.put(name, scalar(value));
              }
            });
    return values;
  }

  private static String scalar(JsonNode value) {
    return value.isValueNode() ? value.asText() : value.toString();
  }
}
