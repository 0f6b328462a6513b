package io.localsam.maven;

import io.localsam.cli.Main;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code mvn localsam:start-lambda}: compiles the template's function modules as needed and serves
 * Lambda's Invoke API for them as {@code java -jar emulator.jar start-lambda} does (the same
 * command runs in Maven's JVM), with live coding, until Ctrl-C.
 */
@Mojo(name = "start-lambda", aggregator = true, requiresProject = false, threadSafe = true)
public final class StartLambdaMojo extends ServerMojo {
  /** The port, as {@code -p}; 0 picks a free one. */
  @Parameter(property = "localsam.port", defaultValue = "3001")
  int port;

  /** Serve only these functions (logical ids or FunctionNames); default: all. */
  @Parameter(property = "localsam.functions")
  List<String> functions = new ArrayList<>();

  /**
   * Off: the function modules are compiled at start-up only; a build elsewhere still reloads them.
   */
  @Parameter(property = "localsam.liveCoding", defaultValue = "true")
  boolean liveCoding;

  @Override
  void run(Path template) throws MojoExecutionException, MojoFailureException {
    FunctionBuilds builds = buildFunctions(template);
    List<String> args = new ArrayList<>(List.of("start-lambda", "-p", Integer.toString(port)));
    args.addAll(commandLineOptions(template));
    args.addAll(functions);
    // no handle on the command's reload: a function module the template newly names is served from
    // the template's next save
    LiveCoding live =
        liveCoding && watch
            ? LiveCoding.start(builds, template, overrides(), region, log(), () -> {})
            : null;
    try {
      int exit =
          Main.run(
              args.toArray(String[]::new),
              new PrintWriter(System.out, true),
              new PrintWriter(System.err, true));
      if (exit != 0) {
        throw new MojoFailureException(
            "localsam:start-lambda failed (exit code " + exit + "); the reason is above");
      }
    } finally {
      if (live != null) {
        live.close();
      }
    }
  }
}
