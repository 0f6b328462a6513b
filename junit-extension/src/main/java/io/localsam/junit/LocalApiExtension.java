package io.localsam.junit;

import io.localsam.Emulator;
import io.localsam.Invocation;
import io.localsam.config.RuntimeClient;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link LocalApi}, and its programmatic form for options an
 * annotation cannot carry:
 *
 * <pre>{@code
 * class OrdersApiTest {
 *   @RegisterExtension
 *   static LocalApiExtension api = LocalApiExtension.builder()
 *       .template("../template.yaml")
 *       .parameter("Stage", "test")
 *       .environment("OrdersFunction", "TABLE_NAME", "orders-test")
 *       .failOnFunctionError(true)
 *       .build();
 *
 *   @Test
 *   void lists_orders() throws Exception {
 *     HttpResponse<String> response = HttpClient.newHttpClient().send(
 *         HttpRequest.newBuilder(api.uri("/orders")).build(), BodyHandlers.ofString());
 *     assertEquals(200, response.statusCode());
 *   }
 * }
 * }</pre>
 *
 * <p>In a {@code static} field the emulator is acquired before all tests of the class; in an
 * instance field, before each test. Either way it is shared with every class on the same options,
 * reset when acquired and closed when the run ends, unless {@link Builder#sharing} says otherwise
 * (see {@link LocalApi}). {@code URI} and {@code Emulator} parameters are injected as with the
 * annotation; with two extensions on one class, use each one's {@link #uri} instead.
 *
 * <p>The lifecycle callbacks are final; a subclass hooks in through {@link #onBeforeAll}, {@link
 * #onBeforeEach} and {@link #onAfterEach}.
 */
public class LocalApiExtension
    implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

  private static final Namespace NAMESPACE = Namespace.create(LocalApiExtension.class);

  /**
   * {@code null} for the {@code @LocalApi} form, whose options come from the nearest annotation.
   */
  private final ApiSettings settings;

  /**
   * The programmatic form's emulator, for {@link #uri} called without a context. Only a cache: the
   * binding of record lives in the store, and equal options always give the same shared emulator.
   */
  private volatile Emulator emulator;

  /** Used by {@code @LocalApi} (through {@code @ExtendWith}); register the builder form by hand. */
  public LocalApiExtension() {
    this.settings = null;
  }

  /**
   * Takes a builder rather than a list of options, so options can be added without breaking
   * subclasses or callers.
   */
  protected LocalApiExtension(Builder builder) {
    this.settings = builder.settings();
  }

  /** Starts a programmatic configuration; the defaults match {@code @LocalApi}'s. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public final void beforeAll(ExtensionContext context) {
    onBeforeAll(context, binding(context).emulator());
  }

  @Override
  public final void beforeEach(ExtensionContext context) {
    Binding binding = binding(context);
    binding.emulator().faults().clear();
    binding.emulator().resetJournal();
    onBeforeEach(context, binding.emulator());
  }

  @Override
  public final void afterEach(ExtensionContext context) {
    Binding binding = context.getStore(NAMESPACE).get(bindingKey(context), Binding.class);
    if (binding == null) {
      return; // beforeEach failed; that failure is the one to report
    }
    onAfterEach(context, binding.emulator());
    if (binding.failOnFunctionError()) {
      List<Invocation> failed = new ArrayList<>();
      for (Invocation invocation : binding.emulator().invocations()) {
        if (invocation.failed()
            && !invocation.injected()) { // a fault the test injected is not the function's error
          failed.add(invocation);
        }
      }
      if (!failed.isEmpty()) {
        throw LocalApiErrors.functionsFailed(context.getDisplayName(), failed);
      }
    }
  }

  /**
   * {@code Emulator}, {@code LocalApiInfo} and {@code Tokens}, and a plain {@code URI} where no
   * other resolver takes it ({@link OtherResolvers}); only where this extension has options to
   * serve.
   */
  @Override
  public final boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    boolean ours =
        type == Emulator.class
            || type == LocalApiInfo.class
            || type == Tokens.class
            || type == URI.class && !OtherResolvers.claim(parameter, context);
    return ours && (settings != null || nearestAnnotation(context).isPresent());
  }

  @Override
  public final Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Emulator emulator = binding(context).emulator();
    Class<?> type = parameter.getParameter().getType();
    if (type == Tokens.class) {
      return Tokens.forTemplate(emulator, null);
    }
    if (type == LocalApiInfo.class) {
      return LocalApiInfo.of(emulator);
    }
    return type == URI.class ? emulator.baseUri() : emulator;
  }

  /** The base URL, ending in {@code /}. Programmatic form only, once started. */
  public URI baseUri() {
    return emulator().baseUri();
  }

  /** A URL under the base: {@code uri("/hello")}. Programmatic form only, once started. */
  public URI uri(String path) {
    return emulator().uri(path);
  }

  /**
   * The running emulator: journal, direct {@code invoke}, port. Programmatic form only, once
   * started.
   */
  public Emulator emulator() {
    Emulator started = emulator;
    if (started == null) {
      throw LocalApiErrors.notStarted();
    }
    return started;
  }

  /**
   * A token builder for a test user, starting with the issuer and audience the template's JWT and
   * Cognito authorizers expect (when they agree on one issuer), signed with the test key every
   * emulator of the extension trusts: {@code api.tokens().subject("alice").scope("read").sign()}.
   * Programmatic form only, once started; under {@code @LocalApi}, take a {@link Tokens} parameter.
   */
  public Tokens tokens() {
    return Tokens.forTemplate(emulator(), null);
  }

  /** As {@link #tokens()}, with the issuer and audience of the named authorizer. */
  public Tokens tokens(String authorizer) {
    return Tokens.forTemplate(emulator(), authorizer);
  }

  /** Called once the emulator for a class is ready, before its {@code @BeforeAll} methods. */
  protected void onBeforeAll(ExtensionContext context, Emulator emulator) {}

  /** Called before each test, after injected faults were cleared and the journal was reset. */
  protected void onBeforeEach(ExtensionContext context, Emulator emulator) {}

  /** Called after each test, before {@code failOnFunctionError} looks at the journal. */
  protected void onAfterEach(ExtensionContext context, Emulator emulator) {}

  @Override
  public String toString() {
    return settings == null
        ? "LocalApiExtension[@LocalApi]"
        : "LocalApiExtension[template=" + settings.template() + ", port=" + settings.port() + "]";
  }

  /**
   * The emulator this extension serves in {@code context}, found in the store (here or in an
   * enclosing context) or bound now and kept in this context's store.
   */
  private Binding binding(ExtensionContext context) {
    Object key = bindingKey(context);
    Binding found = context.getStore(NAMESPACE).get(key, Binding.class);
    if (found != null) {
      return found;
    }
    Class<?> testClass = context.getRequiredTestClass();
    String owner;
    ApiSettings wanted;
    if (settings != null) {
      owner = LocalApiErrors.extensionOwner(testClass);
      wanted = settings;
    } else {
      owner = LocalApiErrors.annotationOwner(testClass);
      wanted =
          nearestAnnotation(context)
              .map(api -> ApiSettings.of(api, owner))
              .orElseThrow(() -> LocalApiErrors.notAnnotated(testClass));
    }
    Emulator emulator =
        wanted.sharing() == Sharing.CLASS
            ? OwnEmulator.start(context, wanted, key, owner)
            : SharedEmulators.acquire(context, wanted, owner);
    if (wanted.sharing() == Sharing.RUN) {
      emulator.reset(); // a shared emulator starts each class as fresh as a new one would
    }
    Binding binding = new Binding(emulator, wanted.failOnFunctionError());
    context.getStore(NAMESPACE).put(key, binding);
    if (settings != null) {
      this.emulator = binding.emulator();
    }
    return binding;
  }

  /**
   * The programmatic form is keyed by itself. The annotation form is keyed by the nearest
   * annotation (annotations are equal by value): a nested class without its own {@code @LocalApi}
   * finds its enclosing class's binding, one with its own gets a binding of its own.
   */
  private Object bindingKey(ExtensionContext context) {
    if (settings != null) {
      return this;
    }
    return nearestAnnotation(context).map(Object.class::cast).orElse(LocalApi.class);
  }

  /**
   * On the class (meta-annotations and superclasses included), else on the nearest enclosing class.
   */
  private static Optional<LocalApi> nearestAnnotation(ExtensionContext context) {
    Optional<Class<?>> testClass = context.getTestClass();
    if (testClass.isEmpty()) {
      return Optional.empty();
    }
    Optional<LocalApi> own = AnnotationSupport.findAnnotation(testClass.get(), LocalApi.class);
    if (own.isPresent()) {
      return own;
    }
    List<Class<?>> enclosing = EnclosingClasses.of(context);
    for (int i = enclosing.size() - 1; i >= 0; i--) {
      Optional<LocalApi> outer = AnnotationSupport.findAnnotation(enclosing.get(i), LocalApi.class);
      if (outer.isPresent()) {
        return outer;
      }
    }
    return Optional.empty();
  }

  /** What a context is served by: its emulator, and whether a failed invocation fails the test. */
  private record Binding(Emulator emulator, boolean failOnFunctionError) {}

  /** One fluent setter per option, as {@link LocalApi} has them, plus per-function environment. */
  public static final class Builder {
    private String template = "template.yaml";
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private String envVars = "";
    private int port;
    private String region = "";
    private final Map<String, Map<String, String>> environment = new LinkedHashMap<>();
    private boolean failOnFunctionError;
    private final List<String> jwks = new ArrayList<>();
    private final List<String> apiKeys = new ArrayList<>();
    private boolean disableAuthorizer;
    private boolean console = true;
    private IsolationMode isolation = IsolationMode.IN_PROCESS;
    private final Set<String> processFunctions = new LinkedHashSet<>();
    private final Map<String, Path> jdks = new LinkedHashMap<>();
    private String sslCertFile = "";
    private String sslKeyFile = "";
    private RuntimeClient runtimeClient = RuntimeClient.LOCALSAM;
    private Sharing sharing = Sharing.RUN;

    private Builder() {}

    /**
     * The SAM template, relative to the module directory (or absolute); default {@code
     * template.yaml}.
     */
    public Builder template(String template) {
      this.template = template;
      return this;
    }

    /** One template parameter value, as {@code --parameter-overrides Key=Value} gives it. */
    public Builder parameter(String key, String value) {
      parameters.put(key, value);
      return this;
    }

    /**
     * Template parameter values written {@code "Key=Value"}, as {@link LocalApi#parameters()} takes
     * them.
     */
    public Builder parameters(String... keyValues) {
      for (String keyValue : keyValues) {
        String[] pair = ApiSettings.splitParameter(keyValue, "LocalApiExtension.builder()");
        parameters.put(pair[0], pair[1]);
      }
      return this;
    }

    /** An {@code --env-vars} JSON file in SAM's shape, relative to the module directory. */
    public Builder envVars(String envVars) {
      this.envVars = envVars;
      return this;
    }

    /** The port to serve on; {@code 0} (the default) picks a free one. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** The value of {@code AWS::Region} and {@code AWS_REGION}. */
    public Builder region(String region) {
      this.region = region;
      return this;
    }

    /**
     * Sets one environment variable of one function, over the template and the env vars file. As in
     * SAM, only variables the template declares for that function reach it.
     */
    public Builder environment(String functionId, String name, String value) {
      environment.computeIfAbsent(functionId, id -> new LinkedHashMap<>()).put(name, value);
      return this;
    }

    /**
     * Sets several environment variables of one function; see {@link #environment(String, String,
     * String)}.
     */
    public Builder environment(String functionId, Map<String, String> variables) {
      environment.computeIfAbsent(functionId, id -> new LinkedHashMap<>()).putAll(variables);
      return this;
    }

    /**
     * Fails a test when a function failed while it ran, with the function's error in the message.
     */
    public Builder failOnFunctionError(boolean failOnFunctionError) {
      this.failOnFunctionError = failOnFunctionError;
      return this;
    }

    /**
     * Also trusts this key set for JWT and Cognito authorizers: a file relative to the module
     * directory, an {@code http(s)} URL, or the JSON itself. The test key of {@link Tokens} is
     * always trusted.
     */
    public Builder jwks(String location) {
      jwks.add(location);
      return this;
    }

    /**
     * Accepts this API key value on methods that require one, besides the template's {@code ApiKey}
     * values.
     */
    public Builder apiKey(String value) {
      apiKeys.add(value);
      return this;
    }

    /** Runs routes without their authorizers, as {@code --disable-authorizer} does. */
    public Builder disableAuthorizer(boolean disableAuthorizer) {
      this.disableAuthorizer = disableAuthorizer;
      return this;
    }

    /**
     * Serves the web console and admin API under {@code /__localsam/} (true, the default) or not,
     * as {@code --no-console}.
     */
    public Builder console(boolean console) {
      this.console = console;
      return this;
    }

    /**
     * Where functions run, as {@code --isolation} says; {@link IsolationMode#IN_PROCESS} by
     * default.
     */
    public Builder isolation(IsolationMode isolation) {
      this.isolation = isolation;
      return this;
    }

    /**
     * Runs this function in processes of its own even when the others run in-process ({@code
     * --isolation-process}).
     */
    public Builder processFunction(String functionId) {
      processFunctions.add(functionId);
      return this;
    }

    /**
     * The JDK home to run a runtime's functions with in process isolation, as {@code --jdk
     * java21=/path} does.
     */
    public Builder jdk(String runtime, Path home) {
      jdks.put(runtime, home);
      return this;
    }

    /**
     * Serves HTTPS with this PEM certificate and its unencrypted private key (paths relative to the
     * module directory), as {@code --ssl-cert-file} and {@code --ssl-key-file} do.
     */
    public Builder tls(String certificateFile, String keyFile) {
      this.sslCertFile = certificateFile;
      this.sslKeyFile = keyFile;
      return this;
    }

    /**
     * What a Java function's process runs, as {@code --runtime-client} says; {@link
     * RuntimeClient#AWS} gives every function a process unless {@link #processFunction} names some.
     */
    public Builder runtimeClient(RuntimeClient runtimeClient) {
      this.runtimeClient = runtimeClient;
      return this;
    }

    /**
     * Which classes the emulator serves, and whether it is reset between them; {@link Sharing#RUN}
     * by default.
     */
    public Builder sharing(Sharing sharing) {
      this.sharing = sharing;
      return this;
    }

    public LocalApiExtension build() {
      return new LocalApiExtension(this);
    }

    ApiSettings settings() {
      return new ApiSettings(
          template,
          parameters,
          envVars,
          port,
          region,
          environment,
          failOnFunctionError,
          jwks,
          apiKeys,
          disableAuthorizer,
          console,
          ApiSettings.isolation(isolation, processFunctions, jdks, runtimeClient),
          sslCertFile,
          sslKeyFile,
          sharing);
    }
  }
}
