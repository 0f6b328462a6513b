package io.localsam.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads a MOCK OPTIONS method's answer: its default integration response's status and the headers
 * its {@code method.response.header.*} parameters set, from CloudFormation's {@code Integration} or
 * OpenAPI's {@code x-amazon-apigateway-integration}; {@code null} for a mock without integration
 * responses, which is left to the caller's "not emulated" warning.
 */
final class MockIntegrations {
  private static final String HEADER = "method.response.header.";

  private final Consumer<String> warn;

  MockIntegrations(Consumer<String> warn) {
    this.warn = warn;
  }

  /** {@code IntegrationResponses: [{StatusCode, SelectionPattern, ResponseParameters}]}. */
  OptionsMock cloudFormation(
      String path, Map<String, Object> integration, String source, SourceLocation where) {
    Map<String, Object> chosen = Map.of();
    if (integration.get("IntegrationResponses") instanceof List<?> responses) {
      for (Object response : responses) {
        if (response instanceof Map<?, ?> map
            && (chosen.isEmpty() || isDefault(map.get("SelectionPattern")))) {
          chosen = Intrinsics.cast(map);
          if (isDefault(map.get("SelectionPattern"))) {
            break;
          }
        }
      }
    }
    return chosen.isEmpty()
        ? null
        : mock(path, chosen.get("StatusCode"), chosen.get("ResponseParameters"), source, where);
  }

  /** {@code responses: {default: {statusCode, responseParameters}, <pattern>: ...}}. */
  OptionsMock openApi(
      String path, Map<String, Object> integration, String source, SourceLocation where) {
    Map<String, Object> chosen = Map.of();
    if (integration.get("responses") instanceof Map<?, ?> responses) {
      Object response =
          responses.containsKey("default")
              ? responses.get("default")
              : responses.values().stream().findFirst().orElse(null);
      if (response instanceof Map<?, ?> map) {
        chosen = Intrinsics.cast(map);
      }
    }
    return chosen.isEmpty()
        ? null
        : mock(path, chosen.get("statusCode"), chosen.get("responseParameters"), source, where);
  }

  /** The integration response with no selection pattern catches whatever the others do not. */
  private static boolean isDefault(Object selectionPattern) {
    return Scalars.text(selectionPattern).isEmpty();
  }

  private OptionsMock mock(
      String path, Object status, Object parameters, String source, SourceLocation where) {
    Integer code = Scalars.integer(status);
    Map<String, String> headers = new LinkedHashMap<>();
    if (parameters instanceof Map<?, ?> map) {
      for (Map.Entry<String, Object> entry : Intrinsics.<Map<String, Object>>cast(map).entrySet()) {
        if (entry.getKey().toLowerCase(Locale.ROOT).startsWith(HEADER)) {
          String value =
              value(entry.getKey(), Scalars.text(entry.getValue()).strip(), source, where);
          if (value != null) {
            headers.put(entry.getKey().substring(HEADER.length()), value);
          }
        }
      }
    }
    return new OptionsMock(path, code == null ? 200 : code, headers);
  }

  private String value(String parameter, String written, String source, SourceLocation where) {
    String literal = ResponseParameters.literal(written);
    if (literal != null) {
      return literal;
    }
    if (ResponseParameters.mappingExpression(written)) {
      warn.accept(
          source
              + ": "
              + parameter
              + " is the mapping expression "
              + written
              + ", which LocalSAM does not"
              + " evaluate; the header is left out");
      return null;
    }
    throw TemplateException.at(
        where,
        source
            + ": "
            + parameter
            + " is '"
            + written
            + "', which API Gateway refuses when"
            + " deployed (\"Invalid mapping expression specified\"); a static value is written in single quotes: \"'"
            + written
            + "'\"");
  }
}
