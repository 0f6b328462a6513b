package io.localsam.maven;

import io.localsam.config.Isolation;
import io.localsam.config.ParameterOverrides;
import io.localsam.error.LocalSamException;
import io.localsam.template.TemplateLoader;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.ProjectBuilder;

/**
 * What every goal shares: the template and its options, named as the command line names them, each
 * also a {@code -Dlocalsam.*} property; and the first step of every goal, compiling the function
 * modules the template names whose classes are missing or older than their sources.
 */
abstract class LocalSamMojo extends AbstractMojo {
  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  MavenSession session;

  @Parameter(defaultValue = "${project}", readonly = true)
  MavenProject project;

  @Component ProjectBuilder projectBuilder;

  /**
   * The SAM template; default: template.yaml (or .yml, .json) in the project's folder or the
   * nearest folder above.
   */
  @Parameter(property = "localsam.template")
  File template;

  /** A JSON file of environment variables in SAM's shape, as {@code --env-vars}. */
  @Parameter(property = "localsam.envVars")
  File envVars;

  /** Template parameter values, as {@code --parameter-overrides}: {@code Key=Value Key2=Value2}. */
  @Parameter(property = "localsam.parameterOverrides")
  String parameterOverrides;

  /** {@code AWS::Region} and {@code AWS_REGION}. */
  @Parameter(property = "localsam.region", defaultValue = "us-east-1")
  String region;

  /**
   * {@code in-process} (the default, fastest) or {@code process}: each execution environment in a
   * JVM of its own.
   */
  @Parameter(property = "localsam.isolation", defaultValue = "in-process")
  String isolation;

  /** JDWP's port in the debugged function's process, as {@code --debug-port}; 0: no debugger. */
  @Parameter(property = "localsam.debugPort", defaultValue = "0")
  int debugPort;

  /** The functions {@code debugPort} applies to, as {@code --debug-function}; default: all. */
  @Parameter(property = "localsam.debugFunctions")
  List<String> debugFunctions = new ArrayList<>();

  /** Skips the goal. */
  @Parameter(property = "localsam.skip", defaultValue = "false")
  boolean skip;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("localsam.skip is set: skipped");
      return;
    }
    try {
      run(templatePath());
    } catch (LocalSamException e) {
      throw new MojoFailureException(e.getMessage(), e);
    }
  }

  abstract void run(Path template) throws MojoExecutionException, MojoFailureException;

  Path templatePath() throws MojoFailureException {
    // without a POM (sam init's layout) Maven gives a stand-in project: start where mvn was run
    Path start =
        project != null && project.getFile() != null
            ? project.getBasedir().toPath()
            : Path.of(session.getExecutionRootDirectory());
    return TemplateLocation.find(template == null ? null : template.toPath(), start);
  }

  Map<String, String> overrides() {
    return parameterOverrides == null || parameterOverrides.isBlank()
        ? Map.of()
        : ParameterOverrides.parse(List.of(parameterOverrides));
  }

  boolean processIsolation() throws MojoFailureException {
    return switch (isolation.trim().toLowerCase(Locale.ROOT)) {
      case "in-process", "inprocess", "in_process" -> false;
      case "process" -> true;
      default ->
          throw new MojoFailureException(
              "localsam.isolation: expected in-process or process, not '" + isolation + "'");
    };
  }

  Isolation toIsolation() throws MojoFailureException {
    return new Isolation(
        processIsolation(), Set.of(), Map.of(), debugPort, Set.copyOf(debugFunctions));
  }

  /** The CLI's options for what this class holds, for the goals that run a CLI command. */
  List<String> commandLineOptions(Path template) throws MojoFailureException {
    List<String> args =
        new ArrayList<>(
            List.of(
                "-t",
                template.toString(),
                "--region",
                region,
                "--isolation",
                processIsolation() ? "process" : "in-process"));
    if (envVars != null) {
      args.addAll(List.of("-n", envVars.getAbsolutePath()));
    }
    if (parameterOverrides != null && !parameterOverrides.isBlank()) {
      args.addAll(List.of("--parameter-overrides", parameterOverrides));
    }
    if (debugPort > 0) {
      args.addAll(List.of("-d", Integer.toString(debugPort)));
    }
    debugFunctions.forEach(function -> args.addAll(List.of("--debug-function", function)));
    return args;
  }

  /** Reads the template's function modules and compiles those not up to date. */
  FunctionBuilds buildFunctions(Path template) throws MojoFailureException {
    FunctionBuilds builds =
        new FunctionBuilds(
            new FunctionModuleReader(session, projectBuilder), new ModuleCompiler(), log());
    builds.prepare(
        FunctionBuilds.moduleFolders(TemplateLoader.load(template, overrides(), region)));
    return builds;
  }

  /**
   * Where the emulator's lines go: Maven's console, as they are (function logs, start-up lines,
   * reloads).
   */
  Consumer<String> log() {
    return line -> {
      synchronized (System.out) {
        System.out.println(line);
        System.out.flush();
      }
    };
  }
}
