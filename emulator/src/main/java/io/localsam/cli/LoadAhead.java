package io.localsam.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;

/**
 * Loads, on a background thread, the libraries a starting server reaches only after its command
 * line and template are read: Jackson's databind (about 400 classes) and Undertow's server. Loading
 * is most of a start, and on two cores the main thread's picocli and YAML and this then share the
 * machine instead of taking turns. Nothing here is kept: whatever fails, the server loads itself.
 */
final class LoadAhead {
  private static final List<String> SERVER_CLASSES =
      List.of(
          "io.undertow.Undertow",
          "org.xnio.nio.NioXnioProvider",
          "io.undertow.server.protocol.http.HttpOpenListener",
          "io.undertow.server.HttpServerExchange",
          "io.undertow.server.protocol.http.HttpReadListener");

  private LoadAhead() {}

  static void start() {
    Thread thread = new Thread(LoadAhead::load, "localsam-load-ahead");
    thread.setDaemon(true);
    thread.start();
  }

  private static void load() {
    try {
      ObjectMapper json = new ObjectMapper();
      json.readTree(json.writeValueAsBytes(Map.of("loaded", List.of(1, "ahead", true))));
      ClassLoader loader = LoadAhead.class.getClassLoader();
      for (String name : SERVER_CLASSES) {
        // loaded, not initialised: XNIO's initialisers log its version before LocalSAM quiets it
        Class.forName(name, false, loader);
      }
    } catch (Exception | LinkageError ignored) {
      // the server loads what it needs when it needs it
    }
  }
}
