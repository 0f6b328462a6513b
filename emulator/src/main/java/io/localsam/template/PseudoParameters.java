package io.localsam.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SAM CLI's local values of the pseudo parameters (README: "How faithful it is", "Template"), with
 * any given through {@code --region} or {@code --parameter-overrides AWS::X=...} applied before the
 * values derived from them.
 */
final class PseudoParameters {
  static final String DEFAULT_REGION = "us-east-1";

  private PseudoParameters() {}

  static Map<String, Object> of(Map<String, String> overrides) {
    String region = overrides.getOrDefault("AWS::Region", DEFAULT_REGION);
    String account = overrides.getOrDefault("AWS::AccountId", TemplateLoader.ACCOUNT_ID);
    Map<String, Object> pseudo = new LinkedHashMap<>();
    pseudo.put("AWS::Region", region);
    pseudo.put("AWS::AccountId", account);
    pseudo.put("AWS::Partition", partition(region));
    pseudo.put("AWS::StackName", "local");
    pseudo.put(
        "AWS::StackId",
        "arn:"
            + partition(region)
            + ":cloudformation:"
            + region
            + ":"
            + account
            + ":stack/local/51af3dc0-da77-11e4-872e-1234567db123");
    pseudo.put("AWS::URLSuffix", "localhost");
    pseudo.put("AWS::NotificationARNs", new ArrayList<>());
    pseudo.putAll(overrides);
    pseudo.put("AWS::NoValue", Intrinsics.NO_VALUE);
    return pseudo;
  }

  static String partition(String region) {
    return region.startsWith("cn-")
        ? "aws-cn"
        : region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
  }
}
