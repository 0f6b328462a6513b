package io.localsam.console;

import io.localsam.runtime.FunctionStatus;
import io.localsam.template.Template;
import java.net.URI;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the console and admin API read and do, given by the facade: the template as served, the
 * functions' status, the invocation journal, and the few actions (invoke, reset). The console keeps
 * no state of its own but its token key and its open event streams.
 */
public interface ConsoleSource {
  /** The template as served now (the last good version after a reload). */
  Template template();

  List<FunctionStatus> functions();

  /** The journal, oldest first. */
  List<? extends ConsoleInvocation> invocations();

  /** The entry numbered {@code id}, or null. */
  ConsoleInvocation invocation(long id);

  /** The entry of the HTTP request API Gateway numbered {@code gatewayRequestId}, or null. */
  ConsoleInvocation byGatewayRequestId(String gatewayRequestId);

  /** Invokes a function directly with an event and returns its journal entry. */
  ConsoleInvocation invoke(String functionId, String event);

  /** Calls {@code watcher} with each entry recorded or completed, until {@link #unwatch}. */
  void watch(Consumer<? super ConsoleInvocation> watcher);

  void unwatch(Consumer<? super ConsoleInvocation> watcher);

  /**
   * The journal, the execution environments and the caches, emptied: what {@code POST .../reset}
   * does.
   */
  void reset();

  /** The gateway's base URL, ending in {@code /}. */
  URI baseUri();

  /**
   * The API key values {@code ApiKeyRequired} methods accept: the template's and {@code
   * --api-key}'s.
   */
  List<String> apiKeys();
}
