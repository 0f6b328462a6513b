package io.localsam;

import java.net.URI;
import java.util.List;

/**
 * A running LocalSAM: the template's APIs served on an embedded server, each function run in-process.
 * STUB: the real implementation lands with the engine.
 */
public final class Emulator implements AutoCloseable {

  private Emulator() {}

  /** Reads the template, mounts every route and starts serving; throws {@link LocalSamException}. */
  public static Emulator start(EmulatorOptions options) {
    throw new UnsupportedOperationException("not yet");
  }

  /** The base URL, ending in {@code /}: {@code http://127.0.0.1:3000/}. */
  public URI baseUri() {
    throw new UnsupportedOperationException("not yet");
  }

  /** A URL under the base: {@code uri("/hello")} or {@code uri("hello")}. */
  public URI uri(String path) {
    throw new UnsupportedOperationException("not yet");
  }

  public int port() {
    throw new UnsupportedOperationException("not yet");
  }

  public EmulatorOptions options() {
    throw new UnsupportedOperationException("not yet");
  }

  /** Invokes a function directly with an event, as {@code sam local invoke} does. */
  public Invocation invoke(String functionId, String eventJson) {
    throw new UnsupportedOperationException("not yet");
  }

  /** Every invocation since start or the last {@link #resetJournal()}, oldest first. */
  public List<Invocation> invocations() {
    throw new UnsupportedOperationException("not yet");
  }

  public void resetJournal() {
    throw new UnsupportedOperationException("not yet");
  }

  @Override
  public void close() {}
}
