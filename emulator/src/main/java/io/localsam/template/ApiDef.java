package io.localsam.template;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One API with its own settings, as deployed API Gateway keeps them per API (not one global set).
 *
 * @param logicalId {@code ServerlessRestApi}, {@code ServerlessHttpApi} or the explicit resource's
 *     id; an API of a nested stack is {@code Stack/Id}
 * @param kind REST or HTTP
 * @param stageName the stage ({@code Prod} for the implicit REST API, {@code $default} for HTTP
 *     APIs without one)
 * @param stageVariables the stage's variables
 * @param binaryMediaTypes {@code BinaryMediaTypes}, with {@code ~1} already turned into {@code /}
 * @param cors an HTTP API's CORS configuration, or {@code null} when it has none (a REST API's CORS
 *     is its {@code optionsMocks})
 * @param optionsMocks a REST API's MOCK OPTIONS methods, one per resource that has one (SAM's
 *     {@code Cors} included)
 * @param auth the API's authorizers and default authorizer ({@link ApiAuth#NONE} when none)
 * @param location where the resource (or, for implicit APIs, the first event using it) was written
 */
public record ApiDef(
    String logicalId,
    ApiKind kind,
    String stageName,
    Map<String, String> stageVariables,
    List<String> binaryMediaTypes,
    CorsConfig cors,
    List<OptionsMock> optionsMocks,
    ApiAuth auth,
    SourceLocation location) {

  public ApiDef {
    Objects.requireNonNull(logicalId, "logicalId");
    Objects.requireNonNull(kind, "kind");
    stageVariables = Collections.unmodifiableMap(new LinkedHashMap<>(stageVariables));
    binaryMediaTypes = List.copyOf(binaryMediaTypes);
    optionsMocks = optionsMocks == null ? List.of() : List.copyOf(optionsMocks);
    auth = auth == null ? ApiAuth.NONE : auth;
  }

  /** The shape before CORS and Auth were read; kept for callers. */
  public ApiDef(
      String logicalId,
      ApiKind kind,
      String stageName,
      Map<String, String> stageVariables,
      List<String> binaryMediaTypes,
      SourceLocation location) {
    this(
        logicalId,
        kind,
        stageName,
        stageVariables,
        binaryMediaTypes,
        null,
        List.of(),
        ApiAuth.NONE,
        location);
  }
}
