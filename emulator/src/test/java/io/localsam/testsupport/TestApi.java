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
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real emulator on a free port, started from a template written by the test. {@code ${CODE}} in
 * the template stands for the test functions' code folder (target/test-classes, with its lib/ of
 * jars: the Lambda package layout). Logs are kept and shown only when a test prints them.
 *
 * <p>One per test: {@code try (TestApi api = TestApi.start(folder, template)) {...}}. One per test
 * class, shared by its tests:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final TestApi api = TestApi.forClass(TEMPLATE);
 * }</pre>
 *
 * started before the class's first test in a folder of its own and closed after its last; {@link
 * #logged} then sees only what the current test logged.
 */
public final class TestApi
    implements AutoCloseable, BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
  /** One function, {@code fixtures.Hello}, on {@code GET /hello} of the implicit REST API. */
  public static final String HELLO_TEMPLATE =
      """
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

  private final String template;
  private final UnaryOperator<EmulatorOptions.Builder> options;
  private final List<String> logs = Collections.synchronizedList(new ArrayList<>());
  private Path ownFolder; // forClass: created at the class's start, deleted at its end
  private Emulator emulator;
  private HttpTestClient client;
  private int startUpEnd; // the lines before it are start-up's: Mounting lines, template warnings
  private volatile int testStart; // the first log line of the current test (forClass), else 0

  private TestApi(String template, UnaryOperator<EmulatorOptions.Builder> options) {
    this.template = template;
    this.options = options;
  }

  public static TestApi start(Path folder, String template) {
    return start(folder, template, builder -> builder);
  }

  public static TestApi start(
      Path folder, String template, UnaryOperator<EmulatorOptions.Builder> options) {
    TestApi api = new TestApi(template, options);
    api.startIn(folder);
    return api;
  }

  /**
   * An emulator for a test class, to register with {@code @RegisterExtension}: see the class
   * comment.
   */
  public static TestApi forClass(String template) {
    return forClass(template, builder -> builder);
  }

  /** As {@link #forClass(String)}, with options of the test's choosing. */
  public static TestApi forClass(String template, UnaryOperator<EmulatorOptions.Builder> options) {
    return new TestApi(template, options);
  }

  private void startIn(Path folder) {
    Path file = writeTemplate(folder, template);
    emulator =
        Emulator.start(options.apply(EmulatorOptions.builder(file).port(0).log(logs::add)).build());
    client = new HttpTestClient(emulator.baseUri());
    startUpEnd = logs.size();
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    ownFolder = Files.createTempDirectory("localsam-test-");
    startIn(ownFolder);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    testStart = logs.size();
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    close();
    try (Stream<Path> files = Files.walk(ownFolder)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }

  public static Path writeTemplate(Path folder, String template) {
    try {
      Path file = folder.resolve("template.yaml");
      Files.writeString(
          file, template.replace("${CODE}", codeFolder().toString()), StandardCharsets.UTF_8);
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

  /** The port the emulator listens on. */
  public int port() {
    return emulator.port();
  }

  public HttpTestClient http() {
    return client;
  }

  public List<String> logs() {
    synchronized (logs) {
      return List.copyOf(logs);
    }
  }

  /**
   * True once a log line containing {@code text} was written at start-up or by the current test
   * (for a {@link #forClass} emulator, never by an earlier test); waits up to 5 s for it.
   */
  public boolean logged(String text) {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (System.nanoTime() < deadline) {
      List<String> all = logs();
      List<String> ours = new ArrayList<>(all.subList(0, Math.min(startUpEnd, all.size())));
      ours.addAll(all.subList(Math.max(startUpEnd, Math.min(testStart, all.size())), all.size()));
      if (ours.stream().anyMatch(line -> line.contains(text))) {
        return true;
      }
      LockSupport.parkNanos(10_000_000L);
    }
    return false;
  }

  @Override
  public void close() {
    if (emulator != null) {
      emulator.close();
    }
  }
}
