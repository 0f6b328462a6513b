package io.localsam;

import io.localsam.console.Console;
import io.localsam.console.ConsoleKey;
import io.localsam.fault.Faults;
import io.localsam.gateway.AuthSettings;
import io.localsam.gateway.ExchangeListener;
import io.localsam.gateway.GatewayServer;
import io.localsam.lambda.LambdaServer;
import io.localsam.runtime.FunctionRuntime;
import io.localsam.template.Template;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;

/**
 * What an emulator's functions are reached through, as {@link EmulatorOptions#server()} says: API
 * Gateway's APIs ({@code start-api}), Lambda's Invoke API ({@code start-lambda}), or nothing but
 * {@link Emulator#invoke} ({@code invoke}).
 *
 * @param baseUri the server's base URL, null without a server
 * @param serving what readies a reloaded template's routes or names
 * @param draining stops taking requests and waits up to the grace for those in flight; true when
 *     they all ended
 * @param stopping stops the server
 * @param forgettingAuthorizers forgets cached Lambda authorizer results
 * @param consoleMount mounts the web console under {@code /__localsam/}; null for a server without
 *     one
 */
record Front(
    URI baseUri,
    int port,
    TemplateReload.Serving serving,
    Predicate<Duration> draining,
    Runnable stopping,
    Runnable forgettingAuthorizers,
    Consumer<Console> consoleMount) {

  /**
   * Starts the server; the API server tells {@code exchanges} about each request answered after its
   * function ran. {@code port} is the options' port, or the free one chosen beforehand when
   * functions must be told it.
   */
  static Front start(
      EmulatorOptions options,
      int port,
      Template template,
      FunctionRuntime runtime,
      SSLContext tls,
      Path staticDir,
      Faults faults,
      ExchangeListener exchanges,
      Consumer<String> log) {
    return switch (options.server()) {
      case API -> {
        GatewayServer server =
            GatewayServer.start(
                template,
                runtime,
                options.host(),
                port,
                staticDir,
                new AuthSettings(
                    options.region(),
                    jwks(options),
                    options.disableAuthorizer(),
                    options.apiKeys()),
                tls,
                faults,
                exchanges,
                log);
        server.mountingLines().forEach(log);
        yield new Front(
            server.baseUri(),
            server.port(),
            server::prepare,
            server::drain,
            server::close,
            server::clearAuthorizerCache,
            server::mountConsole);
      }
      case LAMBDA -> {
        LambdaServer server =
            LambdaServer.start(
                template, runtime, options.host(), options.port(), options.region(), log);
        yield new Front(
            server.baseUri(),
            server.port(),
            (next, functions) -> () -> server.update(next),
            server::drain,
            server::close,
            () -> {},
            null);
      }
      case NONE ->
          new Front(
              null, 0, (next, functions) -> () -> {}, grace -> true, () -> {}, () -> {}, null);
    };
  }

  /**
   * The key sets authorizers check signatures with: {@code --jwks}'s, and the console's own key
   * when the console is served (without any key set signatures go unchecked, and the console's
   * tokens pass anyway).
   */
  private static List<String> jwks(EmulatorOptions options) {
    if (options.jwks().isEmpty() || !options.console().servesOn(options.host())) {
      return options.jwks();
    }
    List<String> jwks = new ArrayList<>(options.jwks());
    jwks.add(ConsoleKey.jwks());
    return jwks;
  }

  @Override
  public URI baseUri() {
    if (baseUri == null) {
      throw new IllegalStateException(
          "this emulator serves no HTTP (EmulatorOptions.Server.NONE): use invoke");
    }
    return baseUri;
  }

  @Override
  public int port() {
    baseUri();
    return port;
  }

  void drain(Duration grace) {
    draining.test(grace);
  }

  void clearAuthorizerCache() {
    forgettingAuthorizers.run();
  }

  void close() {
    stopping.run();
  }
}
