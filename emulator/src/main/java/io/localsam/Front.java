package io.localsam;

import io.localsam.gateway.AuthSettings;
import io.localsam.gateway.GatewayServer;
import io.localsam.lambda.LambdaServer;
import io.localsam.runtime.FunctionRuntime;
import io.localsam.template.Template;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;

/**
 * What an emulator's functions are reached through, as {@link EmulatorOptions#server()} says: API Gateway's
 * APIs ({@code start-api}), Lambda's Invoke API ({@code start-lambda}), or nothing but {@link Emulator#invoke}
 * ({@code invoke}).
 *
 * @param baseUri the server's base URL, null without a server
 * @param serving what readies a reloaded template's routes or names
 * @param draining stops taking requests and waits up to the grace for those in flight; true when they all ended
 * @param stopping stops the server
 * @param forgettingAuthorizers forgets cached Lambda authorizer results
 */
record Front(URI baseUri, int port, TemplateReload.Serving serving, Predicate<Duration> draining, Runnable stopping,
    Runnable forgettingAuthorizers) {

  static Front start(EmulatorOptions options, Template template, FunctionRuntime runtime, SSLContext tls, Path staticDir,
      Consumer<String> log) {
    return switch (options.server()) {
      case API -> {
        GatewayServer server = GatewayServer.start(template, runtime, options.host(), options.port(), staticDir,
            new AuthSettings(options.region(), options.jwks(), options.disableAuthorizer(), options.apiKeys()), tls, log);
        server.mountingLines().forEach(log);
        yield new Front(server.baseUri(), server.port(), server::prepare, server::drain, server::close,
            server::clearAuthorizerCache);
      }
      case LAMBDA -> {
        LambdaServer server = LambdaServer.start(template, runtime, options.host(), options.port(), options.region(), log);
        yield new Front(server.baseUri(), server.port(), (next, functions) -> () -> server.update(next), server::drain,
            server::close, () -> { });
      }
      case NONE -> new Front(null, 0, (next, functions) -> () -> { }, grace -> true, () -> { }, () -> { });
    };
  }

  @Override
  public URI baseUri() {
    if (baseUri == null) {
      throw new IllegalStateException("this emulator serves no HTTP (EmulatorOptions.Server.NONE): use invoke");
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
