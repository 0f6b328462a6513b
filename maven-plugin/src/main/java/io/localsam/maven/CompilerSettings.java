package io.localsam.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * What javac is told for a module, read as maven-compiler-plugin reads it: its configuration in the
 * POM, else the {@code maven.compiler.*} properties, else its defaults (debug information on).
 */
record CompilerSettings(
    String release,
    String source,
    String target,
    String encoding,
    boolean parameters,
    List<String> compilerArgs) {

  static CompilerSettings of(MavenProject project) {
    Plugin compiler = project.getPlugin("org.apache.maven.plugins:maven-compiler-plugin");
    Xpp3Dom config = compiler == null ? null : (Xpp3Dom) compiler.getConfiguration();
    Properties properties = project.getProperties();
    List<String> args = new ArrayList<>();
    Xpp3Dom compilerArgs = config == null ? null : config.getChild("compilerArgs");
    if (compilerArgs != null) {
      for (Xpp3Dom arg : compilerArgs.getChildren()) {
        args.add(arg.getValue());
      }
    }
    return new CompilerSettings(
        value(config, "release", properties, "maven.compiler.release"),
        value(config, "source", properties, "maven.compiler.source"),
        value(config, "target", properties, "maven.compiler.target"),
        value(config, "encoding", properties, "project.build.sourceEncoding"),
        Boolean.parseBoolean(value(config, "parameters", properties, "maven.compiler.parameters")),
        List.copyOf(args));
  }

  private static String value(Xpp3Dom config, String name, Properties properties, String property) {
    Xpp3Dom child = config == null ? null : config.getChild(name);
    if (child != null && child.getValue() != null && !child.getValue().isBlank()) {
      return child.getValue().trim();
    }
    String value = properties.getProperty(property);
    return value == null || value.isBlank() ? null : value.trim();
  }

  /** javac's options besides the class path and the output folder. */
  List<String> options() {
    List<String> options = new ArrayList<>(List.of("-g", "-nowarn"));
    if (release != null) {
      options.addAll(List.of("--release", release));
    } else {
      if (source != null) {
        options.addAll(List.of("-source", source));
      }
      if (target != null) {
        options.addAll(List.of("-target", target));
      }
    }
    if (encoding != null) {
      options.addAll(List.of("-encoding", encoding));
    }
    if (parameters) {
      options.add("-parameters");
    }
    options.addAll(compilerArgs);
    return options;
  }
}
