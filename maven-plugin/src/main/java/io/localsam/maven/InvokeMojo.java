package io.localsam.maven;

import io.localsam.cli.Main;
import java.io.File;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code mvn localsam:invoke -Dlocalsam.function=HelloWorldFunction
 * -Dlocalsam.event=events/event.json}: compiles the template's function modules as needed and runs
 * one function once, as {@code java -jar emulator.jar invoke} does (the same command runs in
 * Maven's JVM): the result on standard output, logs on standard error.
 */
@Mojo(name = "invoke", aggregator = true, requiresProject = false, threadSafe = true)
public final class InvokeMojo extends LocalSamMojo {
  /**
   * The function: logical id, FunctionName or ARN; may be left out when the template has one
   * function.
   */
  @Parameter(property = "localsam.function")
  String function;

  /** A JSON event file; default: an empty event, {}. */
  @Parameter(property = "localsam.event")
  File event;

  @Override
  void run(Path template) throws MojoExecutionException, MojoFailureException {
    buildFunctions(template);
    List<String> args = new ArrayList<>(List.of("invoke"));
    if (function != null && !function.isBlank()) {
      args.add(function);
    }
    args.addAll(commandLineOptions(template));
    if (event != null) {
      args.addAll(List.of("-e", event.getAbsolutePath()));
    }
    int exit =
        Main.run(
            args.toArray(String[]::new),
            new PrintWriter(System.out, true),
            new PrintWriter(System.err, true));
    if (exit != 0) {
      throw new MojoFailureException(
          "localsam:invoke failed (exit code " + exit + "); the reason is above");
    }
  }
}
