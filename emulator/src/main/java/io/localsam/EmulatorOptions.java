package io.localsam;

import io.localsam.config.ConsoleMode;
import io.localsam.config.Isolation;
import io.localsam.runtime.FunctionRuntime;
import io.localsam.server.Tls;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Everything an {@link Emulator} can be told: filled by the command line, by {@code @LocalApi} and
 * by {@code LocalApiExtension.builder()}, so every entry point starts the same engine. Made only by
 * its {@linkplain #builder(Path) builder}, so options can be added without breaking callers:
 *
 * <pre>{@code
 * EmulatorOptions options = EmulatorOptions.builder(Path.of("template.yaml")).port(0).region("eu-west-1").build();
 * }</pre>
 *
 * <p>The options, each read by the method of its name:
 *
 * <ul>
 *   <li>{@code template}: the SAM or CloudFormation template (YAML or JSON)
 *   <li>{@code host}: the address to bind, {@code 127.0.0.1} unless told otherwise
 *   <li>{@code port}: the port to bind; {@code 0} picks a free one
 *   <li>{@code parameterOverrides}: template parameter values, as {@code --parameter-overrides}
 *       gives them
 *   <li>{@code envVars}: an {@code --env-vars} JSON file in SAM's shape, or {@code null}
 *   <li>{@code region}: the value of {@code AWS::Region} and {@code AWS_REGION}
 *   <li>{@code log}: where start-up lines, warnings and function logs go (one line per call)
 *   <li>{@code staticDir}: a folder served at {@code /} for requests no route takes ({@code
 *       --static-dir}); {@code null} means {@code public} beside the template, when it exists
 *   <li>{@code jwks}: key sets JWT and Cognito authorizers check token signatures with ({@code
 *       --jwks}): each a file, an {@code http(s)} URL or the JSON itself; with none, tokens are
 *       decoded without checking signatures (a start-up warning says so) and every other check
 *       still applies
 *   <li>{@code disableAuthorizer}: {@code --disable-authorizer}: routes run without their
 *       authorizers
 *   <li>{@code apiKeys}: API key values accepted for {@code ApiKeyRequired} methods ({@code
 *       --api-key}), besides the template's {@code AWS::ApiGateway::ApiKey} values
 *   <li>{@code functionEnvironment}: variables per function (by logical id or FunctionName), over
 *       those of {@code envVars}: what a test sets for one function
 *   <li>{@code asyncRetryDelay}: the wait before a failed asynchronous invocation's first retry
 *       (the second waits twice as long): Lambda's one minute unless set shorter, as a test of
 *       retries would
 *   <li>{@code isolation}: where functions run: in LocalSAM's JVM (the default) or in processes of
 *       their own ({@code --isolation process}), the JDKs for runtimes ({@code --jdk}), the
 *       function debugger, and what a Java function's process runs ({@code --runtime-client}:
 *       LocalSAM's bootstrap or AWS's client)
 *   <li>{@code tls}: the certificate and key to serve HTTPS with ({@code --ssl-cert-file}, {@code
 *       --ssl-key-file}), or {@code null} for HTTP
 *   <li>{@code watchTemplate}: reload the template when it (or a file it reads: nested stacks,
 *       included files, the env vars file) changes, keeping the server up; off with {@code
 *       --no-watch}
 *   <li>{@code watchCode}: reload a function when its code is rebuilt (hot reload); off with {@code
 *       --no-watch}
 *   <li>{@code server}: what the functions are reached through: API Gateway's APIs ({@link
 *       Server#API}, the default), Lambda's Invoke API ({@link Server#LAMBDA}, {@code
 *       start-lambda}) or only {@link Emulator#invoke} ({@link Server#NONE}, {@code invoke})
 *   <li>{@code console}: whether the API server serves the web console and admin API under {@code
 *       /__localsam/}: on a loopback address only ({@link ConsoleMode#LOOPBACK}, the default), on
 *       any address ({@code --console}), or never ({@code --no-console})
 * </ul>
 */
public final class EmulatorOptions {
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 3000;
  public static final String DEFAULT_REGION = "us-east-1";

  /** What an emulator's functions are reached through. */
  public enum Server {
    /**
     * API Gateway's REST and HTTP APIs and function URLs, as {@code start-api} serves them (the
     * default).
     */
    API,
    /** Lambda's Invoke API, as {@code start-lambda} serves it. */
    LAMBDA,
    /** No server: {@link Emulator#invoke} only, as {@code invoke} runs a function. */
    NONE
  }

  private final Path template;
  private final String host;
  private final int port;
  private final Map<String, String> parameterOverrides;
  private final Path envVars;
  private final String region;
  private final Consumer<String> log;
  private final Path staticDir;
  private final List<String> jwks;
  private final boolean disableAuthorizer;
  private final List<String> apiKeys;
  private final Map<String, Map<String, String>> functionEnvironment;
  private final Duration asyncRetryDelay;
  private final Isolation isolation;
  private final Tls tls;
  private final boolean watchTemplate;
  private final boolean watchCode;
  private final Server server;
  private final ConsoleMode console;

  private EmulatorOptions(Builder builder) {
    template = Objects.requireNonNull(builder.template, "template");
    host = builder.host == null ? DEFAULT_HOST : builder.host;
    port = builder.port;
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, not " + port);
    }
    parameterOverrides = Map.copyOf(builder.parameterOverrides);
    envVars = builder.envVars;
    region = builder.region == null ? DEFAULT_REGION : builder.region;
    log = builder.log == null ? System.err::println : builder.log;
    staticDir = builder.staticDir;
    jwks = List.copyOf(builder.jwks);
    disableAuthorizer = builder.disableAuthorizer;
    apiKeys = List.copyOf(builder.apiKeys);
    Map<String, Map<String, String>> copy = new LinkedHashMap<>();
    builder.functionEnvironment.forEach(
        (function, variables) -> copy.put(function, Map.copyOf(variables)));
    functionEnvironment = Collections.unmodifiableMap(copy);
    asyncRetryDelay =
        builder.asyncRetryDelay == null
            ? FunctionRuntime.ASYNC_RETRY_DELAY
            : builder.asyncRetryDelay;
    if (asyncRetryDelay.isNegative()) {
      throw new IllegalArgumentException(
          "asyncRetryDelay must not be negative, not " + asyncRetryDelay);
    }
    isolation = builder.isolation == null ? Isolation.IN_PROCESS : builder.isolation;
    tls = builder.tls;
    watchTemplate = builder.watchTemplate;
    watchCode = builder.watchCode;
    server = builder.server == null ? Server.API : builder.server;
    console = builder.console == null ? ConsoleMode.LOOPBACK : builder.console;
  }

  public static Builder builder(Path template) {
    return new Builder(template);
  }

  /** A builder holding these options, to change some of them. */
  public Builder toBuilder() {
    return new Builder(template)
        .host(host)
        .port(port)
        .parameterOverrides(parameterOverrides)
        .envVars(envVars)
        .region(region)
        .log(log)
        .staticDir(staticDir)
        .jwks(jwks)
        .disableAuthorizer(disableAuthorizer)
        .apiKeys(apiKeys)
        .functionEnvironment(functionEnvironment)
        .asyncRetryDelay(asyncRetryDelay)
        .isolation(isolation)
        .tls(tls)
        .watchTemplate(watchTemplate)
        .watchCode(watchCode)
        .server(server)
        .console(console);
  }

  public Path template() {
    return template;
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  public Map<String, String> parameterOverrides() {
    return parameterOverrides;
  }

  public Path envVars() {
    return envVars;
  }

  public String region() {
    return region;
  }

  public Consumer<String> log() {
    return log;
  }

  public Path staticDir() {
    return staticDir;
  }

  public List<String> jwks() {
    return jwks;
  }

  public boolean disableAuthorizer() {
    return disableAuthorizer;
  }

  public List<String> apiKeys() {
    return apiKeys;
  }

  public Map<String, Map<String, String>> functionEnvironment() {
    return functionEnvironment;
  }

  public Duration asyncRetryDelay() {
    return asyncRetryDelay;
  }

  public Isolation isolation() {
    return isolation;
  }

  public Tls tls() {
    return tls;
  }

  public boolean watchTemplate() {
    return watchTemplate;
  }

  public boolean watchCode() {
    return watchCode;
  }

  public Server server() {
    return server;
  }

  public ConsoleMode console() {
    return console;
  }

  /** One fluent setter per option; {@link #build()} checks them. */
  public static final class Builder {
    private Path template;
    private String host = DEFAULT_HOST;
    private int port = DEFAULT_PORT;
    private final Map<String, String> parameterOverrides = new LinkedHashMap<>();
    private Path envVars;
    private String region = DEFAULT_REGION;
    private Consumer<String> log;
    private Path staticDir;
    private final List<String> jwks = new ArrayList<>();
    private boolean disableAuthorizer;
    private final List<String> apiKeys = new ArrayList<>();
    private final Map<String, Map<String, String>> functionEnvironment = new LinkedHashMap<>();
    private Isolation isolation;
    private Tls tls;
    private Duration asyncRetryDelay = FunctionRuntime.ASYNC_RETRY_DELAY;
    private boolean watchTemplate = true;
    private boolean watchCode = true;
    private Server server = Server.API;
    private ConsoleMode console = ConsoleMode.LOOPBACK;

    private Builder(Path template) {
      this.template = template;
    }

    public Builder template(Path template) {
      this.template = template;
      return this;
    }

    public Builder host(String host) {
      this.host = host;
      return this;
    }

    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder parameterOverride(String key, String value) {
      parameterOverrides.put(key, value);
      return this;
    }

    public Builder parameterOverrides(Map<String, String> overrides) {
      parameterOverrides.putAll(overrides);
      return this;
    }

    public Builder envVars(Path envVars) {
      this.envVars = envVars;
      return this;
    }

    public Builder region(String region) {
      this.region = region;
      return this;
    }

    public Builder log(Consumer<String> log) {
      this.log = log;
      return this;
    }

    public Builder staticDir(Path staticDir) {
      this.staticDir = staticDir;
      return this;
    }

    /**
     * Adds a key set for JWT and Cognito authorizers: a file path, an {@code http(s)} URL or the
     * JWKS JSON.
     */
    public Builder jwks(String location) {
      jwks.add(location);
      return this;
    }

    /** Adds several key sets; see {@link #jwks(String)}. */
    public Builder jwks(List<String> locations) {
      jwks.addAll(locations);
      return this;
    }

    /** Runs routes without their authorizers, as {@code --disable-authorizer} does. */
    public Builder disableAuthorizer(boolean disableAuthorizer) {
      this.disableAuthorizer = disableAuthorizer;
      return this;
    }

    /** Accepts this {@code x-api-key} value on methods that require an API key. */
    public Builder apiKey(String value) {
      apiKeys.add(value);
      return this;
    }

    /** Accepts these API key values; see {@link #apiKey(String)}. */
    public Builder apiKeys(List<String> values) {
      apiKeys.addAll(values);
      return this;
    }

    /**
     * Sets these variables for one function (logical id or FunctionName), over the env vars file's.
     */
    public Builder functionEnvironment(String function, Map<String, String> variables) {
      functionEnvironment.computeIfAbsent(function, f -> new LinkedHashMap<>()).putAll(variables);
      return this;
    }

    /** Sets variables for several functions; see {@link #functionEnvironment(String, Map)}. */
    public Builder functionEnvironment(Map<String, Map<String, String>> variables) {
      variables.forEach(this::functionEnvironment);
      return this;
    }

    /**
     * The wait before a failed asynchronous invocation's first retry; the second waits twice as
     * long. Lambda waits one minute; a test of retries sets milliseconds.
     */
    public Builder asyncRetryDelay(Duration delay) {
      this.asyncRetryDelay = delay;
      return this;
    }

    /**
     * Where functions run: {@link Isolation#IN_PROCESS} (the default, fastest), or processes of
     * their own with their own environment, working directory, heap and Java version.
     */
    public Builder isolation(Isolation isolation) {
      this.isolation = isolation;
      return this;
    }

    /** Serve HTTPS with this certificate and key, PEM files ({@code null}: HTTP, the default). */
    public Builder tls(Tls tls) {
      this.tls = tls;
      return this;
    }

    /**
     * Whether an edit to the template (or to a file it reads) is picked up while running: routes,
     * functions, environment and parameters reloaded, the server kept up. On unless turned off.
     */
    public Builder watchTemplate(boolean watch) {
      this.watchTemplate = watch;
      return this;
    }

    /**
     * Whether a function whose code is rebuilt is reloaded while running (hot reload). On unless
     * turned off.
     */
    public Builder watchCode(boolean watch) {
      this.watchCode = watch;
      return this;
    }

    /**
     * What the functions are reached through: API Gateway's APIs (the default), Lambda's Invoke
     * API, or nothing.
     */
    public Builder server(Server server) {
      this.server = server;
      return this;
    }

    /**
     * Whether the web console and admin API are served under {@code /__localsam/}: {@link
     * ConsoleMode#LOOPBACK} (the default) serves them only when bound to a loopback address, {@code
     * ON} anywhere ({@code --console}), {@code OFF} never ({@code --no-console}).
     */
    public Builder console(ConsoleMode console) {
      this.console = console;
      return this;
    }

    public EmulatorOptions build() {
      return new EmulatorOptions(this);
    }
  }
}
