package io.localsam.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code generate-event SERVICE}: groups a service's event types; run on its own, it prints its
 * usage.
 */
final class ServiceCommand implements Callable<Integer> {
  private final CommandSpec spec;

  private ServiceCommand() {
    this.spec = CommandSpec.wrapWithoutInspection(this);
  }

  static CommandSpec of(SampleEventCatalog.Service service) {
    CommandSpec spec = new ServiceCommand().spec;
    spec.name(service.name());
    spec.usageMessage().description(service.description());
    HelpOptions.addTo(spec);
    return spec;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }
}
