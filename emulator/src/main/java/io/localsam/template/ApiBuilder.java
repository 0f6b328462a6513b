package io.localsam.template;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** An API while its resources are read: CloudFormation spreads one API over several resources. */
final class ApiBuilder {
  final String id;
  final ApiKind kind;
  final SourceLocation location;
  String stage;
  final Map<String, String> variables = new LinkedHashMap<>();
  final LinkedHashSet<String> binaryMediaTypes = new LinkedHashSet<>();
  CorsConfig cors;
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

  ApiDef build() {
    return new ApiDef(id, kind, stage == null ? (kind == ApiKind.HTTP ? "$default" : "Prod") : stage, variables,
        List.copyOf(binaryMediaTypes), cors, new ApiAuth(defaultAuthorizer, authorizers, authProperties), location);
  }
}
