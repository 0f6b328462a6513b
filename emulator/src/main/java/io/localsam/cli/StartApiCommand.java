package io.localsam.cli;

import io.localsam.Emulator;
import io.localsam.EmulatorOptions;
import io.localsam.LocalSamException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code start-api}: serves the template's APIs until Ctrl-C, like {@code sam local start-api}. */
@Command(name = "start-api", mixinStandardHelpOptions = true,
    description = "Serve every API route of the template on a local gateway, running each Java function in-process.")
final class StartApiCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  TemplateOptions template;

  @Option(names = {"-p", "--port"}, paramLabel = "PORT", defaultValue = "3000", description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(names = "--host", paramLabel = "HOST", defaultValue = EmulatorOptions.DEFAULT_HOST,
      description = "Address to bind (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--warm-containers", paramLabel = "EAGER|LAZY",
      description = "Accepted for SAM CLI compatibility: execution environments are always reused (LAZY).")
  String warmContainers;

  @Option(names = "--debug", description = "Accepted for SAM CLI compatibility.")
  boolean debug;

  @Option(names = "--disable-authorizer", description = "Run routes without their authorizers (Lambda, JWT, Cognito, IAM).")
  boolean disableAuthorizer;

  @Option(names = "--jwks", paramLabel = "FILE|URL",
      description = "A JSON Web Key Set that JWT and Cognito authorizers check token signatures with (repeatable)."
          + " Without one, tokens are decoded without checking signatures.")
  List<String> jwks = new ArrayList<>();

  @Option(names = "--api-key", paramLabel = "VALUE",
      description = "An API key accepted on methods with ApiKeyRequired, besides the template's ApiKey values (repeatable).")
  List<String> apiKeys = new ArrayList<>();

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    EmulatorOptions options = template.toOptions().port(port).host(host).log(err::println)
        .disableAuthorizer(disableAuthorizer).jwks(jwks).apiKeys(apiKeys).build();
    if (host.equals("0.0.0.0") || host.equals("::")) {
      err.println("Warning: binding to all interfaces (" + host + "): anyone on your network can call your functions.");
    }
    Emulator emulator = Emulator.start(options);
    if (emulator.template().routes().isEmpty()) {
      emulator.close();
      throw new LocalSamException("Template does not have any APIs connected to Lambda functions");
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      emulator.close();
      stopped.countDown();
    }, "localsam-shutdown"));
    err.println("You can now browse to the above endpoints to invoke your functions.");
    err.println(" * Running on " + emulator.baseUri() + " (Press CTRL+C to quit)");
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }
}
