package io.localsam;

import io.localsam.error.LocalSamException;
import io.localsam.lambda.FunctionNames;
import io.localsam.template.ApiDef;
import io.localsam.template.AuthorizerDef;
import io.localsam.template.FunctionDef;
import io.localsam.template.RouteDef;
import io.localsam.template.Template;
import io.localsam.template.TemplateLoader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * A template read and checked with nothing started: the functions {@code invoke} chooses from, the
 * routes {@code routes} prints, and which of its functions, on which runtime, an {@link Emulator}
 * started from it runs. The choice holds for every version of the template a reload reads.
 *
 * <pre>{@code
 * LocalTemplate template = LocalTemplate.read(options);
 * String id = template.functionId("my-function").orElseThrow();
 * try (Emulator emulator = Emulator.start(template.only(List.of(id)))) { ... }
 * }</pre>
 */
public final class LocalTemplate {
  private final EmulatorOptions options;
  private final Consumer<String> log;
  private final Template read;
  private final UnaryOperator<Template> selection;
  private final Template selected;

  private LocalTemplate(
      EmulatorOptions options,
      Consumer<String> log,
      Template read,
      UnaryOperator<Template> selection) {
    this.options = options;
    this.log = log;
    this.read = read;
    this.selection = selection;
    this.selected = selection.apply(read);
  }

  /**
   * Reads {@code options.template()}; its warnings go to the options' log, each once for as long as
   * this template and what is started from it run.
   *
   * @throws LocalSamException when the template cannot be read, naming file, line and column
   */
  public static LocalTemplate read(EmulatorOptions options) {
    Consumer<String> log =
        new WarningsOnce(options.log()); // a reload repeats none of the warnings already given
    Template template =
        TemplateLoader.load(options.template(), options.parameterOverrides(), options.region());
    template.warnings().forEach(warning -> log.accept("Warning: " + warning));
    return new LocalTemplate(options, log, template, UnaryOperator.identity());
  }

  public EmulatorOptions options() {
    return options;
  }

  /** The logical ids of the functions chosen, in template order. */
  public List<String> functionIds() {
    return List.copyOf(selected.functions().keySet());
  }

  /**
   * The logical id of the function {@code name} refers to: a logical id, a {@code FunctionName} or
   * an ARN.
   */
  public Optional<String> functionId(String name) {
    return FunctionNames.resolve(selected, name);
  }

  /** One chosen function, by logical id. */
  public FunctionInfo function(String functionId) {
    FunctionDef function =
        selected
            .function(functionId)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "no function " + functionId + " in " + functionIds()));
    return new FunctionInfo(
        functionId, function.handler(), function.runtime(), function.inlineCode());
  }

  /** Every route {@code start-api} would mount, in template order. */
  public List<RouteInfo> routes() {
    return routes(selected);
  }

  /**
   * The JWT and Cognito authorizers of every API, in template order: what a test token must
   * satisfy.
   */
  public List<TokenAuthorizerInfo> tokenAuthorizers() {
    return tokenAuthorizers(selected);
  }

  static List<TokenAuthorizerInfo> tokenAuthorizers(Template template) {
    List<TokenAuthorizerInfo> found = new ArrayList<>();
    for (ApiDef api : template.apis().values()) {
      for (AuthorizerDef authorizer : api.auth().authorizers().values()) {
        if (authorizer.type().equals(AuthorizerDef.JWT)) {
          found.add(
              new TokenAuthorizerInfo(
                  authorizer.name(), authorizer.jwtIssuers(), authorizer.jwtAudiences()));
        } else if (authorizer.type().equals(AuthorizerDef.COGNITO)) {
          found.add(
              new TokenAuthorizerInfo(authorizer.name(), authorizer.userPoolIssuers(), List.of()));
        }
      }
    }
    return List.copyOf(found);
  }

  static List<RouteInfo> routes(Template template) {
    List<RouteInfo> routes = new ArrayList<>();
    for (RouteDef route : template.routes()) {
      ApiDef api = template.api(route.apiId());
      routes.add(
          new RouteInfo(
              route.method(),
              route.path(),
              route.functionId(),
              route.apiId(),
              api.kind().name(),
              api.stageName(),
              route.payloadFormat().version()));
    }
    return List.copyOf(routes);
  }

  /**
   * Only the functions {@code names} refer to (logical ids, {@code FunctionName}s or ARNs), without
   * the APIs: what {@code start-lambda FUNCTION...} and {@code invoke} serve.
   *
   * @throws LocalSamException naming every name the template does not have, and the names it does
   */
  public LocalTemplate only(Collection<String> names) {
    List<String> wanted = List.copyOf(names);
    return new LocalTemplate(
        options, log, read, selection.andThen(all -> only(all, wanted))::apply);
  }

  /**
   * The chosen functions run on {@code runtime} ({@code java21}, {@code provided.al2023}, ...)
   * instead of their own.
   */
  public LocalTemplate onRuntime(String runtime) {
    return new LocalTemplate(
        options, log, read, selection.andThen(chosen -> onRuntime(chosen, runtime))::apply);
  }

  private static Template only(Template all, List<String> names) {
    Map<String, FunctionDef> named = new LinkedHashMap<>();
    List<String> unknown = new ArrayList<>();
    for (String name : names) {
      FunctionNames.resolve(all, name)
          .ifPresentOrElse(id -> named.put(id, all.functions().get(id)), () -> unknown.add(name));
    }
    if (!unknown.isEmpty()) {
      throw new LocalSamException(
          String.join(", ", unknown.stream().sorted().toList())
              + " not found. Possible options in your"
              + " template: "
              + String.join(", ", all.functions().keySet()));
    }
    return all.withOnly(named);
  }

  private static Template onRuntime(Template chosen, String runtime) {
    Map<String, FunctionDef> moved = new LinkedHashMap<>();
    chosen.functions().forEach((id, function) -> moved.put(id, function.withRuntime(runtime)));
    return chosen.withOnly(moved);
  }

  Consumer<String> log() {
    return log;
  }

  /** The chosen part of the template as read. */
  Template selected() {
    return selected;
  }

  /** What of each version a reload reads is served: the same choice. */
  UnaryOperator<Template> selection() {
    return selection;
  }

  /** What {@code invoke} says of a function before running it. */
  public record FunctionInfo(String id, String handler, String runtime, boolean inlineCode) {}

  /**
   * A JWT or Cognito user pool authorizer: the issuers a token may come from and the audiences it
   * may name.
   */
  public record TokenAuthorizerInfo(String name, List<String> issuers, List<String> audiences) {
    public TokenAuthorizerInfo {
      issuers = List.copyOf(issuers);
      audiences = List.copyOf(audiences);
    }
  }

  /**
   * One route as {@code routes} prints it; {@code apiType} is the API's kind ({@code REST}, {@code
   * HTTP}, ...).
   */
  public record RouteInfo(
      String method,
      String path,
      String functionId,
      String apiId,
      String apiType,
      String stage,
      String payloadVersion) {}
}
