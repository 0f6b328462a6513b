package io.localsam.template;

import java.nio.file.Path;
import java.util.stream.Collectors;

/** A template as plain text, for comparing a corpus template with what it should read as. */
final class TemplateRendering {
  private TemplateRendering() {}

  static String render(Template template, Path folder) {
    StringBuilder out = new StringBuilder();
    out.append("routes:\n");
    for (RouteDef route : template.routes()) {
      ApiDef api = template.api(route.apiId());
      out.append("  ")
          .append(route.method())
          .append(' ')
          .append(route.path())
          .append(" -> ")
          .append(route.functionId())
          .append(" [")
          .append(route.apiId())
          .append(' ')
          .append(api.kind())
          .append(' ')
          .append(api.stageName())
          .append(' ')
          .append(route.payloadFormat().version())
          .append(']');
      if (route.operationName() != null) {
        out.append(" op=").append(route.operationName());
      }
      if (route.authorizer() != null) {
        out.append(" auth=").append(route.authorizer());
      }
      if (!route.authorizationScopes().isEmpty()) {
        out.append(" scopes=").append(route.authorizationScopes());
      }
      if (route.apiKeyRequired()) {
        out.append(" apikey");
      }
      out.append('\n');
    }
    out.append("apis:\n");
    for (ApiDef api : template.apis().values()) {
      out.append("  ")
          .append(api.logicalId())
          .append(' ')
          .append(api.kind())
          .append(" stage=")
          .append(api.stageName());
      if (!api.stageVariables().isEmpty()) {
        out.append(" variables=").append(api.stageVariables());
      }
      if (!api.binaryMediaTypes().isEmpty()) {
        out.append(" binary=").append(api.binaryMediaTypes());
      }
      out.append('\n');
      if (api.cors() != null) {
        CorsConfig cors = api.cors();
        out.append("    cors: ").append(cors(cors)).append('\n');
      }
      for (OptionsMock mock : api.optionsMocks()) {
        out.append("    options-mock: ")
            .append(mock.path())
            .append(' ')
            .append(mock.statusCode())
            .append(' ')
            .append(mock.headers())
            .append('\n');
      }
      if (!api.auth().authorizers().isEmpty() || api.auth().defaultAuthorizer() != null) {
        out.append("    auth: default=").append(api.auth().defaultAuthorizer()).append('\n');
        for (AuthorizerDef a : api.auth().authorizers().values()) {
          out.append("      ")
              .append(a.name())
              .append(' ')
              .append(a.type())
              .append(" function=")
              .append(a.functionId())
              .append(" sources=")
              .append(a.identitySources())
              .append(" ttl=")
              .append(a.ttlSeconds());
          if (a.payloadFormat() != null) {
            out.append(" payload=").append(a.payloadFormat().version());
          }
          if (a.simpleResponses()) {
            out.append(" simple");
          }
          if (a.validationExpression() != null) {
            out.append(" validation=").append(a.validationExpression());
          }
          out.append(a.emulated() ? " emulated" : " not-emulated").append('\n');
        }
      }
    }
    out.append("functions:\n");
    for (FunctionDef f : template.functions().values()) {
      out.append("  ")
          .append(f.logicalId())
          .append(": handler=")
          .append(f.handler())
          .append(" runtime=")
          .append(f.runtime())
          .append(" code=")
          .append(f.codeUri() == null ? "(inline)" : relative(folder, f.codeUri()))
          .append(" timeout=")
          .append(f.timeoutSeconds())
          .append(" memory=")
          .append(f.memorySize())
          .append(" arch=")
          .append(f.architecture())
          .append('\n');
      StringBuilder more = new StringBuilder();
      if (f.functionName() != null) {
        more.append(" name=").append(f.functionName());
      }
      if (!f.stack().isEmpty()) {
        more.append(" stack=").append(f.stack());
      }
      if (f.reservedConcurrency() != null) {
        more.append(" reserved=").append(f.reservedConcurrency());
      }
      if (f.logFormat() != null || f.logGroup() != null) {
        more.append(" log=").append(f.logFormat()).append('/').append(f.logGroup());
      }
      if (f.functionUrl() != null) {
        more.append(" url=")
            .append(f.functionUrl().authType())
            .append('/')
            .append(f.functionUrl().invokeMode());
        if (f.functionUrl().cors() != null) {
          more.append(" url-cors={").append(cors(f.functionUrl().cors())).append('}');
        }
      }
      if (more.length() > 0) {
        out.append("   ").append(more).append('\n');
      }
      if (!f.environment().isEmpty()) {
        out.append("    env: ")
            .append(
                f.environment().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(", ")))
            .append('\n');
      }
      if (!f.layers().isEmpty()) {
        out.append("    layers: ")
            .append(f.layers().stream().map(p -> relative(folder, p)).toList())
            .append('\n');
      }
    }
    if (!template.apiKeys().isEmpty()) {
      out.append("apikeys: ").append(template.apiKeys()).append('\n');
    }
    out.append("warnings:\n");
    for (String warning : template.warnings()) {
      out.append("  - ").append(scrub(warning, folder)).append('\n');
    }
    return out.toString();
  }

  private static String cors(CorsConfig cors) {
    return "origins="
        + cors.allowOrigins()
        + " methods="
        + cors.allowMethods()
        + " headers="
        + cors.allowHeaders()
        + (cors.exposeHeaders().isEmpty() ? "" : " expose=" + cors.exposeHeaders())
        + (cors.allowCredentials() ? " credentials" : "")
        + (cors.maxAgeSeconds() == null ? "" : " maxAge=" + cors.maxAgeSeconds());
  }

  static String relative(Path folder, Path path) {
    Path relative =
        folder.toAbsolutePath().normalize().relativize(path.toAbsolutePath().normalize());
    String text = relative.toString().replace('\\', '/');
    return text.isEmpty() ? "." : text;
  }

  static String scrub(String text, Path folder) {
    return text.replace(folder.toAbsolutePath().normalize().toString(), "$DIR");
  }
}
