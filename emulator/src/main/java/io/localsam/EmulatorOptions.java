package io.localsam;

import io.localsam.console.ConsoleMode;
import io.localsam.gateway.Tls;
import io.localsam.runtime.FunctionRuntime;
import io.localsam.runtime.Isolation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Everything an {@link Emulator} can be told: filled by the command line, by {@code @LocalApi} and by
 * {@code LocalApiExtension.builder()}, so every entry point starts the same engine.
 *
 * @param template the SAM or CloudFormation template (YAML or JSON)
 * @param host the address to bind, {@code 127.0.0.1} unless told otherwise
 * @param port the port to bind; {@code 0} picks a free one
 * @param parameterOverrides template parameter values, as {@code --parameter-overrides} gives them
 * @param envVars an {@code --env-vars} JSON file in SAM's shape, or {@code null}
 * @param region the value of {@code AWS::Region} and {@code AWS_REGION}
 * @param log where start-up lines, warnings and function logs go (one line per call)
 * @param staticDir a folder served at {@code /} for requests no route takes ({@code --static-dir});
 *     {@code null} means {@code public} beside the template, when it exists
 * @param jwks key sets JWT and Cognito authorizers check token signatures with ({@code --jwks}): each a
 *     file, an {@code http(s)} URL or the JSON itself; with none, tokens are decoded without checking
 *     signatures (a start-up warning says so) and every other check still applies
 * @param disableAuthorizer {@code --disable-authorizer}: routes run without their authorizers
 * @param apiKeys API key values accepted for {@code ApiKeyRequired} methods ({@code --api-key}), besides
 *     the template's {@code AWS::ApiGateway::ApiKey} values
 * @param functionEnvironment variables per function (by logical id or FunctionName), over those of
 *     {@code envVars}: what a test sets for one function
 * @param asyncRetryDelay the wait before a failed asynchronous invocation's first retry (the second waits twice
 *     as long): Lambda's one minute unless set shorter, as a test of retries would
 * @param isolation where functions run: in LocalSAM's JVM (the default) or in processes of their own
 *     ({@code --isolation process}), the JDKs for runtimes ({@code --jdk}), the function debugger, and what
 *     a Java function's process runs ({@code --runtime-client}: LocalSAM's bootstrap or AWS's client)
 * @param tls the certificate and key to serve HTTPS with ({@code --ssl-cert-file}, {@code --ssl-key-file}),
 *     or {@code null} for HTTP
 * @param watchTemplate reload the template when it (or a file it reads: nested stacks, included files, the
 *     env vars file) changes, keeping the server up; off with {@code --no-watch}
 * @param watchCode reload a function when its code is rebuilt (hot reload); off with {@code --no-watch}
 * @param console whether the web console and admin API are served under {@code /__localsam/}: on a loopback
 *     address only (the default), on any address ({@code --console}), or never ({@code --no-console})
 */
public record EmulatorOptions(
    Path template,
    String host,
    int port,
    Map<String, String> parameterOverrides,
    Path envVars,
    String region,
    Consumer<String> log,
    Path staticDir,
    List<String> jwks,
    boolean disableAuthorizer,
    List<String> apiKeys,
    Map<String, Map<String, String>> functionEnvironment,
    Duration asyncRetryDelay,
    Isolation isolation,
    Tls tls,
    boolean watchTemplate,
    boolean watchCode,
    ConsoleMode console) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 3000;
  public static final String DEFAULT_REGION = "us-east-1";

  public EmulatorOptions {
    Objects.requireNonNull(template, "template");
    host = host == null ? DEFAULT_HOST : host;
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, not " + port);
    }
    parameterOverrides = Map.copyOf(parameterOverrides == null ? Map.of() : parameterOverrides);
    region = region == null ? DEFAULT_REGION : region;
    log = log == null ? System.err::println : log;
    jwks = List.copyOf(jwks == null ? List.of() : jwks);
    apiKeys = List.copyOf(apiKeys == null ? List.of() : apiKeys);
    Map<String, Map<String, String>> copy = new LinkedHashMap<>();
    if (functionEnvironment != null) {
      functionEnvironment.forEach((function, variables) -> copy.put(function, Map.copyOf(variables)));
    }
    functionEnvironment = java.util.Collections.unmodifiableMap(copy);
    asyncRetryDelay = asyncRetryDelay == null ? FunctionRuntime.ASYNC_RETRY_DELAY : asyncRetryDelay;
    if (asyncRetryDelay.isNegative()) {
      throw new IllegalArgumentException("asyncRetryDelay must not be negative, not " + asyncRetryDelay);
    }
    isolation = isolation == null ? Isolation.IN_PROCESS : isolation;
    console = console == null ? ConsoleMode.LOOPBACK : console;
  }

  /** The options before authorizer settings existed; kept for callers. */
  public EmulatorOptions(Path template, String host, int port, Map<String, String> parameterOverrides, Path envVars,
      String region, Consumer<String> log, Path staticDir) {
    this(template, host, port, parameterOverrides, envVars, region, log, staticDir, List.of(), false, List.of(), Map.of(),
        null, null, null, true, true, null);
  }

  public static Builder builder(Path template) {
    return new Builder(template);
  }

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
        .console(console);
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

    /** Adds a key set for JWT and Cognito authorizers: a file path, an {@code http(s)} URL or the JWKS JSON. */
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

    /** Sets these variables for one function (logical id or FunctionName), over the env vars file's. */
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
     * The wait before a failed asynchronous invocation's first retry; the second waits twice as long. Lambda
     * waits one minute; a test of retries sets milliseconds.
     */
    public Builder asyncRetryDelay(Duration delay) {
      this.asyncRetryDelay = delay;
      return this;
    }

    /**
     * Where functions run: {@link Isolation#IN_PROCESS} (the default, fastest), or processes of their own
     * with their own environment, working directory, heap and Java version.
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
     * Whether an edit to the template (or to a file it reads) is picked up while running: routes, functions,
     * environment and parameters reloaded, the server kept up. On unless turned off.
     */
    public Builder watchTemplate(boolean watch) {
      this.watchTemplate = watch;
      return this;
    }

    /** Whether a function whose code is rebuilt is reloaded while running (hot reload). On unless turned off. */
    public Builder watchCode(boolean watch) {
      this.watchCode = watch;
      return this;
    }

    /**
     * Whether the web console and admin API are served under {@code /__localsam/}: {@link ConsoleMode#LOOPBACK} (the
     * default) serves them only when bound to a loopback address, {@code ON} anywhere ({@code --console}), {@code OFF}
     * never ({@code --no-console}).
     */
    public Builder console(ConsoleMode console) {
      this.console = console;
      return this;
    }

    public EmulatorOptions build() {
      return new EmulatorOptions(template, host, port, parameterOverrides, envVars, region, log, staticDir, jwks,
          disableAuthorizer, apiKeys, functionEnvironment, asyncRetryDelay, isolation, tls, watchTemplate, watchCode,
          console);
    }
  }
}
