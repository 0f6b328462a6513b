package io.localsam.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;

/**
 * javac's options come from the compiler plugin's configuration first, then the maven.compiler.*
 * properties.
 */
class CompilerSettingsTest {

  @Test
  void properties_give_release_encoding_and_parameters() {
    Model model = new Model();
    model.getProperties().setProperty("maven.compiler.release", "21");
    model.getProperties().setProperty("project.build.sourceEncoding", "UTF-8");
    model.getProperties().setProperty("maven.compiler.parameters", "true");

    List<String> options = CompilerSettings.of(new MavenProject(model)).options();

    assertEquals(
        List.of("-g", "-nowarn", "--release", "21", "-encoding", "UTF-8", "-parameters"), options);
  }

  @Test
  void the_plugin_configuration_wins_over_the_properties() {
    Model model = new Model();
    model.getProperties().setProperty("maven.compiler.release", "21");
    Plugin compiler = new Plugin();
    compiler.setGroupId("org.apache.maven.plugins");
    compiler.setArtifactId("maven-compiler-plugin");
    Xpp3Dom configuration = new Xpp3Dom("configuration");
    configuration.addChild(child("release", "17"));
    Xpp3Dom args = new Xpp3Dom("compilerArgs");
    args.addChild(child("arg", "-Xlint:none"));
    configuration.addChild(args);
    compiler.setConfiguration(configuration);
    model.setBuild(new Build());
    model.getBuild().addPlugin(compiler);

    List<String> options = CompilerSettings.of(new MavenProject(model)).options();

    assertEquals(List.of("-g", "-nowarn", "--release", "17", "-Xlint:none"), options);
  }

  private static Xpp3Dom child(String name, String value) {
    Xpp3Dom child = new Xpp3Dom(name);
    child.setValue(value);
    return child;
  }
}
