package io.localsam.template;

import java.util.List;

/**
 * The values API Gateway takes for an integration response's parameters: a static value in single
 * quotes, or a mapping expression read from the integration response, a stage variable or the
 * context (AWS docs, "Parameter mapping source reference for REST APIs"). Anything else is refused
 * when deployed ("Invalid mapping expression specified").
 */
final class ResponseParameters {
  private static final List<String> SOURCES =
      List.of("integration.response.", "stageVariables.", "context.");

  private ResponseParameters() {}

  /**
   * The text between the outer single quotes, as API Gateway sends it; {@code null} when not
   * quoted.
   */
  static String literal(String value) {
    return value.length() >= 2 && value.startsWith("'") && value.endsWith("'")
        ? value.substring(1, value.length() - 1)
        : null;
  }

  /**
   * True for a mapping expression, which API Gateway evaluates per request and LocalSAM does not.
   */
  static boolean mappingExpression(String value) {
    return SOURCES.stream().anyMatch(value::startsWith);
  }
}
