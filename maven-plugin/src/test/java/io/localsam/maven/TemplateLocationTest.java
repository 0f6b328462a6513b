package io.localsam.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The goals run from the template's folder or a function module below it. */
class TemplateLocationTest {
  @TempDir Path project;

  @Test
  void finds_the_template_in_a_folder_above_a_function_module() throws Exception {
    Files.writeString(project.resolve("template.yml"), "Resources: {}");
    Path module = Files.createDirectories(project.resolve("HelloWorldFunction"));

    assertEquals(project.resolve("template.yml"), TemplateLocation.find(null, module));
  }

  @Test
  void a_configured_template_is_relative_to_the_project() throws Exception {
    Files.createDirectories(project.resolve("app"));
    Files.writeString(project.resolve("app/stack.yaml"), "Resources: {}");

    assertEquals(
        project.resolve("app/stack.yaml"),
        TemplateLocation.find(Path.of("app/stack.yaml"), project));
  }

  @Test
  void no_template_says_where_it_looked_and_what_to_set() {
    MojoFailureException error =
        assertThrows(MojoFailureException.class, () -> TemplateLocation.find(null, project));

    assertTrue(
        error.getMessage().contains("looked for template.yaml, template.yml, template.json"),
        error.getMessage());
    assertTrue(error.getMessage().contains("-Dlocalsam.template=FILE"), error.getMessage());
  }
}
