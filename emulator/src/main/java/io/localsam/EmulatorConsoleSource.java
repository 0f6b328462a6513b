package io.localsam;

import io.localsam.console.ConsoleInvocation;
import io.localsam.console.ConsoleSource;
import io.localsam.runtime.FunctionStatus;
import io.localsam.template.Template;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the console reads of a running emulator: its template, functions and journal, the same the
 * tests read.
 */
final class EmulatorConsoleSource implements ConsoleSource {
  private final Emulator emulator;
  private final Journal journal;
  private final io.localsam.runtime.FunctionRuntime runtime;

  EmulatorConsoleSource(
      Emulator emulator, Journal journal, io.localsam.runtime.FunctionRuntime runtime) {
    this.emulator = emulator;
    this.journal = journal;
    this.runtime = runtime;
  }

  @Override
  public Template template() {
    return emulator.template();
  }

  @Override
  public List<FunctionStatus> functions() {
    return runtime.status();
  }

  @Override
  public List<Invocation> invocations() {
    return journal.invocations();
  }

  @Override
  public ConsoleInvocation invocation(long id) {
    return journal.invocation(id);
  }

  @Override
  public ConsoleInvocation byGatewayRequestId(String gatewayRequestId) {
    return journal.byGatewayRequestId(gatewayRequestId);
  }

  @Override
  public ConsoleInvocation invoke(String functionId, String event) {
    return emulator.invoke(functionId, event);
  }

  @Override
  public void watch(Consumer<? super ConsoleInvocation> watcher) {
    journal.watch(watcher);
  }

  @Override
  public void unwatch(Consumer<? super ConsoleInvocation> watcher) {
    journal.unwatch(watcher);
  }

  @Override
  public void reset() {
    emulator.reset();
  }

  @Override
  public URI baseUri() {
    return emulator.baseUri();
  }

  @Override
  public List<String> apiKeys() {
    List<String> keys = new ArrayList<>(emulator.template().apiKeys().values());
    keys.addAll(emulator.options().apiKeys());
    return keys;
  }
}
