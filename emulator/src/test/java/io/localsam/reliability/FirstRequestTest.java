package io.localsam.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.localsam.Emulator;
import io.localsam.EmulatorOptions;
import io.localsam.testsupport.TestApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request that arrives the moment the port opens, before {@code Emulator.start} has returned, is
 * served and journaled like any other: the journal exists before the server listens. The log holds
 * start-up at its first "Mounting" line (the static files' line, written once the server listens
 * and before start-up ends) until that request is answered, so the window is wide open.
 */
class FirstRequestTest {
  @TempDir Path folder;

  @Test
  void a_request_sent_while_the_server_opens_is_answered_and_journaled() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    Path template = TestApi.writeTemplate(folder, TestApi.HELLO_TEMPLATE);
    Files.createDirectories(folder.resolve("public"));
    CompletableFuture<Integer> first =
        CompletableFuture.supplyAsync(
            () -> {
              long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
              while (System.nanoTime() < deadline) { // polls until the port opens, bounded
                try {
                  return RawHttp.exchange(port, "GET /hello HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                      .status();
                } catch (UncheckedIOException notYet) {
                  Thread.onSpinWait();
                }
              }
              throw new UncheckedIOException(new IOException("the port never opened"));
            });

    Consumer<String> holdStartUp =
        line -> {
          if (line.startsWith("Mounting ")) {
            first.completeOnTimeout(-1, 30, TimeUnit.SECONDS).join();
          }
        };

    try (Emulator emulator =
        Emulator.start(EmulatorOptions.builder(template).port(port).log(holdStartUp).build())) {
      assertEquals(200, first.get(30, TimeUnit.SECONDS));
      assertEquals(1, emulator.invocations().size());
    }
  }
}
