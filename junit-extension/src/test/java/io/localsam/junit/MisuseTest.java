package io.localsam.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Mistakes fail the class with one message that names it and says what to fix. */
class MisuseTest {

  private static final Path MODULE =
      Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
          .toAbsolutePath()
          .normalize();

  @Test
  void a_missing_template_names_the_class_and_where_it_looked() {
    Throwable failure =
        EngineRuns.failureOf(EngineRuns.run(MissingTemplateCase.class), MissingTemplateCase.class);

    assertInstanceOf(ExtensionConfigurationException.class, failure);
    assertTrue(
        failure
            .getMessage()
            .startsWith(
                "@LocalApi on "
                    + MissingTemplateCase.class.getName()
                    + ": template 'no-such-template.yaml' not found (looked in "
                    + MODULE.resolve("no-such-template.yaml")
                    + ")"),
        failure.getMessage());
  }

  @Test
  void a_missing_env_vars_file_names_the_class() {
    Throwable failure =
        EngineRuns.failureOf(EngineRuns.run(MissingEnvVarsCase.class), MissingEnvVarsCase.class);

    assertEquals(
        "@LocalApi on "
            + MissingEnvVarsCase.class.getName()
            + ": env vars file 'no-such-env.json'"
            + " not found (looked in "
            + MODULE.resolve("no-such-env.json")
            + ").",
        failure.getMessage());
  }

  @Test
  void a_parameter_without_a_value_names_the_class() {
    Throwable failure =
        EngineRuns.failureOf(EngineRuns.run(BadParameterCase.class), BadParameterCase.class);

    assertEquals(
        "@LocalApi on "
            + BadParameterCase.class.getName()
            + ": parameter 'Greeting' must look like Key=Value.",
        failure.getMessage());
  }

  @Test
  void the_extension_without_its_annotation_says_how_to_register_it() {
    Throwable failure =
        EngineRuns.failureOf(EngineRuns.run(NoAnnotationCase.class), NoAnnotationCase.class);

    assertInstanceOf(ExtensionConfigurationException.class, failure);
    assertTrue(
        failure
            .getMessage()
            .startsWith(
                "LocalApiExtension on "
                    + NoAnnotationCase.class.getName()
                    + ": no @LocalApi found."),
        failure.getMessage());
  }

  @Test
  void an_engine_error_names_each_class_that_asked_for_the_template() {
    EngineExecutionResults results =
        EngineRuns.run(BrokenTemplateCase.class, SameBrokenTemplateCase.class);

    Throwable first = EngineRuns.failureOf(results, BrokenTemplateCase.class);
    Throwable second = EngineRuns.failureOf(results, SameBrokenTemplateCase.class);
    assertInstanceOf(ExtensionConfigurationException.class, first);
    assertTrue(
        first.getMessage().startsWith("@LocalApi on " + BrokenTemplateCase.class.getName() + ": "),
        first.getMessage());
    assertTrue(first.getMessage().contains("no-such-folder"), first.getMessage());
    assertTrue(
        second
            .getMessage()
            .startsWith("@LocalApi on " + SameBrokenTemplateCase.class.getName() + ": "),
        second.getMessage());
  }

  @Test
  void one_fixed_port_cannot_serve_two_sets_of_options() {
    FixedPort.port = freePort();

    EngineExecutionResults results =
        EngineRuns.run(
            FixedPortCase.class, SameFixedPortCase.class, OtherOptionsOnFixedPortCase.class);

    assertEquals(2, results.testEvents().succeeded().count(), EngineRuns.describe(results));
    Throwable failure = EngineRuns.failureOf(results, OtherOptionsOnFixedPortCase.class);
    assertInstanceOf(ExtensionConfigurationException.class, failure);
    assertTrue(
        failure
            .getMessage()
            .startsWith(
                "LocalApiExtension on "
                    + OtherOptionsOnFixedPortCase.class.getName()
                    + ": port "
                    + FixedPort.port
                    + " is already served by an emulator with other options"),
        failure.getMessage());
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @LocalApi(template = "no-such-template.yaml")
  static class MissingTemplateCase {
    @Test
    void never_runs() {}
  }

  @LocalApi(template = Fixtures.ECHO, envVars = "no-such-env.json")
  static class MissingEnvVarsCase {
    @Test
    void never_runs() {}
  }

  @LocalApi(template = Fixtures.ECHO, parameters = "Greeting")
  static class BadParameterCase {
    @Test
    void never_runs() {}
  }

  @ExtendWith(LocalApiExtension.class)
  static class NoAnnotationCase {
    @Test
    void never_runs() {}
  }

  @LocalApi(template = Fixtures.BROKEN)
  static class BrokenTemplateCase {
    @Test
    void never_runs() {}
  }

  @LocalApi(template = Fixtures.BROKEN)
  static class SameBrokenTemplateCase {
    @Test
    void never_runs() {}
  }

  /** The port chosen by the test, read when the cases' static fields are initialized. */
  static final class FixedPort {
    static int port;
  }

  static class FixedPortCase {
    @RegisterExtension
    static LocalApiExtension api =
        LocalApiExtension.builder().template(Fixtures.ECHO).port(FixedPort.port).build();

    @Test
    void is_served_on_the_fixed_port() {
      assertEquals(FixedPort.port, api.emulator().port());
      assertEquals(200, ApiClient.get(api.uri("/echo/fixed")).status());
    }
  }

  static class SameFixedPortCase {
    @RegisterExtension
    static LocalApiExtension api =
        LocalApiExtension.builder().template(Fixtures.ECHO).port(FixedPort.port).build();

    @Test
    void shares_the_emulator_on_the_fixed_port() {
      assertEquals(200, ApiClient.get(api.uri("/echo/same-fixed")).status());
    }
  }

  static class OtherOptionsOnFixedPortCase {
    @RegisterExtension
    static LocalApiExtension api =
        LocalApiExtension.builder()
            .template(Fixtures.ECHO)
            .parameter("Greeting", "other")
            .port(FixedPort.port)
            .build();

    @Test
    void never_runs() {}
  }
}
