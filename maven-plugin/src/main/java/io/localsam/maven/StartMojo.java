package io.localsam.maven;

import io.localsam.Emulator;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code localsam:start}, bound to {@code pre-integration-test}: serves the template's APIs in the
 * background for the integration tests and returns at once. The chosen port and base URL are set as
 * the project properties {@code localsam.port} and {@code localsam.baseUri} (ending in {@code /}),
 * which failsafe's {@code systemPropertyVariables} pass to the tests; {@link StopMojo
 * localsam:stop} closes it.
 */
@Mojo(
    name = "start",
    defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST,
    requiresProject = true,
    threadSafe = true)
public final class StartMojo extends ServerMojo {
  static final String RUNNING = "io.localsam.maven.emulator";

  /** The port; the default, 0, picks a free one, so parallel builds never collide. */
  @Parameter(property = "localsam.port", defaultValue = "0")
  int port;

  @Override
  void run(Path template) throws MojoExecutionException, MojoFailureException {
    if (getPluginContext().get(RUNNING) instanceof Emulator running) {
      throw new MojoFailureException(
          "localsam:start already started LocalSAM on "
              + running.baseUri()
              + " in this project; bind localsam:stop before starting it again.");
    }
    buildFunctions(template);
    Emulator emulator = startEmulator(template, port);
    getPluginContext().put(RUNNING, emulator);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(emulator::close, "localsam-stop")); // a build killed before stop
    project.getProperties().setProperty("localsam.port", Integer.toString(emulator.port()));
    project.getProperties().setProperty("localsam.baseUri", emulator.baseUri().toString());
    getLog()
        .info(
            "LocalSAM serves "
                + template
                + " on "
                + emulator.baseUri()
                + " (localsam.port="
                + emulator.port()
                + ", localsam.baseUri="
                + emulator.baseUri()
                + ")");
  }
}
