package io.localsam.testsupport;

import io.localsam.Emulator;
import io.localsam.EmulatorOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.UnaryOperator;

/**
 * A real emulator on a free port, started from a template written by the test. {@code ${CODE}} in the
 * template stands for the test functions' code folder (target/test-classes, with its lib/ of jars: the
 * Lambda package layout). Logs are kept and shown only when a test prints them.
 */
public final class TestApi implements AutoCloseable {
  /** One function, {@code fixtures.Hello}, on {@code GET /hello} of the implicit REST API. */
  public static final String HELLO_TEMPLATE = """
      Transform: AWS::Serverless-2016-10-31
      Resources:
        Hello:
          Type: AWS::Serverless::Function
          Properties:
            CodeUri: ${CODE}
            Handler: fixtures.Hello
            Runtime: java17
            Events:
              Get: {Type: Api, Properties: {Path: /hello, Method: get}}
      """;

  private final Emulator emulator;
  private final List<String> logs;
  private final HttpTestClient client;

  private TestApi(Emulator emulator, List<String> logs) {
    this.emulator = emulator;
    this.logs = logs;
    this.client = new HttpTestClient(emulator.baseUri());
  }

  public static TestApi start(Path folder, String template) {
    return start(folder, template, builder -> builder);
  }

  public static TestApi start(Path folder, String template, UnaryOperator<EmulatorOptions.Builder> options) {
    List<String> logs = Collections.synchronizedList(new ArrayList<>());
    Path file = writeTemplate(folder, template);
    Emulator emulator = Emulator.start(options.apply(EmulatorOptions.builder(file).port(0).log(logs::add)).build());
    return new TestApi(emulator, logs);
  }

  public static Path writeTemplate(Path folder, String template) {
    try {
      Path file = folder.resolve("template.yaml");
      Files.writeString(file, template.replace("${CODE}", codeFolder().toString()), StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** target/test-classes: the test functions' classes, with their libraries in lib/. */
  public static Path codeFolder() {
    try {
      return Path.of(TestApi.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public Emulator emulator() {
    return emulator;
  }

  public HttpTestClient http() {
    return client;
  }

  public List<String> logs() {
    synchronized (logs) {
      return List.copyOf(logs);
    }
  }

  /** True once a log line containing {@code text} was written; waits up to 5 s for it. */
  public boolean logged(String text) {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (logs().stream().anyMatch(line -> line.contains(text))) {
        return true;
      }
      LockSupport.parkNanos(10_000_000L);
    }
    return false;
  }

  @Override
  public void close() {
    emulator.close();
  }
}
