package io.localsam.maven;

import io.localsam.Emulator;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * {@code localsam:stop}, bound to {@code post-integration-test}: stops what {@code localsam:start}
 * started in this project.
 */
@Mojo(
    name = "stop",
    defaultPhase = LifecyclePhase.POST_INTEGRATION_TEST,
    requiresProject = true,
    threadSafe = true)
public final class StopMojo extends LocalSamMojo {
  private static final Duration GRACE = Duration.ofSeconds(5);

  @Override
  void run(Path template) throws MojoExecutionException, MojoFailureException {
    if (getPluginContext().remove(StartMojo.RUNNING) instanceof Emulator emulator) {
      emulator.shutdown(GRACE);
      getLog().info("LocalSAM on " + emulator.baseUri() + " stopped");
    } else {
      getLog().info("No LocalSAM started by localsam:start in this project: nothing to stop");
    }
  }

  @Override
  Path templatePath() {
    return null; // stopping needs no template
  }
}
