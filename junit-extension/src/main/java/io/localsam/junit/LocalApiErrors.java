package io.localsam.junit;

import io.localsam.Invocation;
import io.localsam.error.LocalSamException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Every message the extension gives, one factory each. Each starts with the owner ({@code
 * "@LocalApi on com.x.FooTest"}), so a failing build points at the class to fix.
 */
final class LocalApiErrors {

  private LocalApiErrors() {}

  static String annotationOwner(Class<?> testClass) {
    return "@LocalApi on " + testClass.getName();
  }

  static String extensionOwner(Class<?> testClass) {
    return "LocalApiExtension on " + testClass.getName();
  }

  static ExtensionConfigurationException templateNotFound(
      String owner, String template, Path lookedAt) {
    return new ExtensionConfigurationException(
        owner
            + ": template '"
            + template
            + "' not found (looked in "
            + lookedAt
            + ")."
            + " Relative paths start at the module directory, "
            + ModuleDirectory.get()
            + ".");
  }

  static ExtensionConfigurationException envVarsNotFound(
      String owner, String envVars, Path lookedAt) {
    return new ExtensionConfigurationException(
        owner + ": env vars file '" + envVars + "' not found (looked in " + lookedAt + ").");
  }

  static ExtensionConfigurationException jwksNotFound(String owner, String jwks, Path lookedAt) {
    return new ExtensionConfigurationException(
        owner
            + ": JWKS file '"
            + jwks
            + "' not found (looked in "
            + lookedAt
            + "). Give a file, an http(s) URL"
            + " or the JSON itself.");
  }

  static ExtensionConfigurationException badParameter(String owner, String keyValue) {
    return new ExtensionConfigurationException(
        owner + ": parameter '" + keyValue + "' must look like Key=Value.");
  }

  static ExtensionConfigurationException halfTls(String owner) {
    return new ExtensionConfigurationException(
        owner + ": sslCertFile and sslKeyFile go together: give both to serve HTTPS, or neither.");
  }

  static ExtensionConfigurationException badPort(String owner, int port) {
    return new ExtensionConfigurationException(
        owner + ": port must be between 0 and 65535, not " + port + ". Use 0 for a free port.");
  }

  static ExtensionConfigurationException portTaken(
      String owner, EmulatorKey wanted, EmulatorKey holder) {
    return new ExtensionConfigurationException(
        owner
            + ": port "
            + wanted.port()
            + " is already served by an emulator with other options ("
            + holder.describe()
            + "); emulators live until the test run ends, so one fixed port can serve"
            + " only one set of options. Use port = 0, or the same options in both places.");
  }

  static ExtensionConfigurationException startFailed(String owner, LocalSamException cause) {
    return new ExtensionConfigurationException(owner + ": " + cause.getMessage(), cause);
  }

  static ExtensionConfigurationException notAnnotated(Class<?> testClass) {
    return new ExtensionConfigurationException(
        extensionOwner(testClass)
            + ": no @LocalApi found. Annotate the class with @LocalApi(template = ...),"
            + " or register LocalApiExtension.builder()...build() in a @RegisterExtension field.");
  }

  static IllegalStateException notStarted() {
    return new IllegalStateException(
        "LocalApiExtension has not started its emulator yet: it starts in beforeAll (static field)"
            + " or beforeEach (instance field). With @LocalApi, inject URI or Emulator instead.");
  }

  /**
   * How much of a failed invocation's event the failure shows: enough for a request's method, path
   * and body.
   */
  private static final int EVENT_SHOWN = 2_000;

  /**
   * The failure for {@code failOnFunctionError}: every failed invocation, with its event and the
   * runtime's error document.
   */
  static AssertionError functionsFailed(String test, List<Invocation> failed) {
    StringBuilder message =
        new StringBuilder()
            .append(
                failed.size() == 1
                    ? "A function failed"
                    : failed.size() + " function invocations failed")
            .append(" during ")
            .append(test)
            .append(" (failOnFunctionError = true):");
    for (Invocation invocation : failed) {
      message
          .append("\n\n")
          .append(invocation.functionId())
          .append(" failed with ")
          .append(invocation.error())
          .append(" (request ")
          .append(invocation.requestId())
          .append("):\n")
          .append(invocation.response())
          .append("\nIts event: ")
          .append(shortened(invocation.event()));
    }
    return new AssertionError(message.toString());
  }

  private static String shortened(String event) {
    return event == null || event.length() <= EVENT_SHOWN
        ? String.valueOf(event)
        : event.substring(0, EVENT_SHOWN) + "... (" + event.length() + " characters)";
  }
}
