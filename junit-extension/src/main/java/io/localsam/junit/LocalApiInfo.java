package io.localsam.junit;

import io.localsam.Emulator;
import java.net.URI;

/**
 * What a test may want to know about the API it runs against, in one parameter (as WireMock's
 * {@code WireMockRuntimeInfo}): {@code void lists_orders(LocalApiInfo api)}.
 *
 * @param baseUri the base URL, ending in {@code /}
 * @param port the port it serves on
 * @param emulator the emulator behind it: journal, direct invocations
 */
public record LocalApiInfo(URI baseUri, int port, Emulator emulator) {

  static LocalApiInfo of(Emulator emulator) {
    return new LocalApiInfo(emulator.baseUri(), emulator.port(), emulator);
  }

  /** A URL under the base: {@code uri("/orders")}. */
  public URI uri(String path) {
    return emulator.uri(path);
  }
}
