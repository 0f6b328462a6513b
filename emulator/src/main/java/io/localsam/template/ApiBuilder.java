package io.localsam.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An API while its resources are read: CloudFormation spreads one API over several resources. */
final class ApiBuilder {
  final String id;
  final ApiKind kind;
  final SourceLocation location;
  String stage;
  final Map<String, String> variables = new LinkedHashMap<>();
  final LinkedHashSet<String> binaryMediaTypes = new LinkedHashSet<>();

  /** An HTTP API's CORS. */
  CorsConfig cors;

  /** A SAM REST API's {@code Cors}, turned into an OPTIONS mock per path when the API is built. */
  SamCors samCors;

  final List<OptionsMock> optionsMocks = new ArrayList<>();

  /**
   * Every method each path declares, integrated locally or not: what SAM computes AllowMethods
   * from.
   */
  final Map<String, Set<String>> declaredMethods = new LinkedHashMap<>();

  String defaultAuthorizer;
  final Map<String, AuthorizerDef> authorizers = new LinkedHashMap<>();
  Map<String, Object> authProperties = Map.of();

  ApiBuilder(String id, ApiKind kind, SourceLocation location) {
    this.id = id;
    this.kind = kind;
    this.location = location;
  }

  void binary(List<?> types) {
    for (Object type : types) {
      binaryMediaTypes.add(Scalars.text(type).replace("~1", "/"));
    }
  }

  void declare(String path, String method) {
    if (!path.equals(RouteDef.DEFAULT_ROUTE)) {
      declaredMethods.computeIfAbsent(path, p -> new LinkedHashSet<>()).add(method);
    }
  }

  ApiDef build() {
    return new ApiDef(
        id,
        kind,
        stage == null ? (kind == ApiKind.HTTP ? "$default" : "Prod") : stage,
        variables,
        List.copyOf(binaryMediaTypes),
        cors,
        mocks(),
        new ApiAuth(defaultAuthorizer, authorizers, authProperties),
        location);
  }

  /**
   * The API's own OPTIONS mocks, and SAM's for every other path (a path with an OPTIONS method
   * keeps its own).
   */
  private List<OptionsMock> mocks() {
    List<OptionsMock> mocks = new ArrayList<>(optionsMocks);
    if (samCors != null) {
      declaredMethods.forEach(
          (path, methods) -> {
            if (!methods.contains("OPTIONS")) {
              mocks.add(samCors.mock(path, methods));
            }
          });
    }
    return mocks;
  }
}
