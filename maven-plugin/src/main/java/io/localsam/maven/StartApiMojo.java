package io.localsam.maven;

import io.localsam.Emulator;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code mvn localsam:start-api}: compiles the template's function modules as needed, serves the
 * template's APIs as {@code java -jar emulator.jar start-api} does, and recompiles a module when
 * one of its sources, resources or its {@code pom.xml} is saved (live coding), until Ctrl-C. Runs
 * once for the whole reactor, from the folder of {@code template.yaml}, a function module's folder,
 * or a folder without a POM.
 */
@Mojo(name = "start-api", aggregator = true, requiresProject = false, threadSafe = true)
public final class StartApiMojo extends ServerMojo {
  /**
   * How long Ctrl-C waits for requests in flight: API Gateway's longest integration timeout, as the
   * CLI waits.
   */
  static final Duration GRACE = Duration.ofSeconds(30);

  /** The port, as {@code -p}; 0 picks a free one. */
  @Parameter(property = "localsam.port", defaultValue = "3000")
  int port;

  /**
   * Off: the function modules are compiled at start-up only; a build elsewhere still reloads them.
   */
  @Parameter(property = "localsam.liveCoding", defaultValue = "true")
  boolean liveCoding;

  @Override
  void run(Path template) throws MojoExecutionException, MojoFailureException {
    FunctionBuilds builds = buildFunctions(template);
    try (StopSignal stop = StopSignal.install()) {
      Emulator emulator = startEmulator(template, port);
      if (emulator.template().routes().isEmpty()) {
        emulator.close();
        throw new MojoFailureException(
            "Template does not have any APIs connected to Lambda functions");
      }
      LiveCoding live =
          liveCoding && watch
              ? LiveCoding.start(
                  builds, template, overrides(), region, log(), emulator::reloadTemplate)
              : null;
      log()
          .accept(
              (live == null
                      ? ""
                      : "Live coding: saving a function's source recompiles it; the next request runs it. ")
                  + "Press Ctrl-C to stop.");
      log().accept(" * Running on " + origin(emulator) + " (Press CTRL+C to quit)");
      try {
        stop.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        if (live != null) {
          live.close();
        }
        emulator.shutdown(GRACE);
      }
    }
  }

  static String origin(Emulator emulator) {
    String url = emulator.baseUri().toString();
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
