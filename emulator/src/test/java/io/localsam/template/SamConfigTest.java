package io.localsam.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code samconfig.toml}'s {@code parameter_overrides}: both of SAM's forms, the three tables in order,
 * below {@code --parameter-overrides} (source: AWS SAM developer guide, "AWS SAM CLI configuration file").
 */
class SamConfigTest {
  @TempDir
  Path folder;

  private Map<String, String> read(String toml) {
    return SamConfig.parameterOverrides(folder.resolve(SamConfig.FILE_NAME), toml);
  }

  @Test
  void no_file_means_no_overrides() {
    assertEquals(Map.of(), SamConfig.parameterOverrides(folder.resolve("template.yaml")));
  }

  @Test
  void a_string_of_pairs_in_both_sam_forms_with_quoted_values() {
    assertEquals(Map.of("A", "1", "B", "two words", "C", "3", "D", "x=y"), read("""
        [default.deploy.parameters]
        parameter_overrides = "A=1 B=\\"two words\\" ParameterKey=C,ParameterValue=3 D=x=y"
        """));
  }

  @Test
  void a_list_of_pairs_and_literal_and_multiline_strings() {
    assertEquals(Map.of("A", "1", "B", "with space"), read("""
        [default.deploy.parameters]
        parameter_overrides = [
          "A=1", # first
          'B=with space',
        ]
        """));
    assertEquals(Map.of("A", "1", "B", "2"), read("""
        [default.global.parameters]
        parameter_overrides = \"\"\"
        A=1 \\
        B=2\"\"\"
        """));
  }

  @Test
  void later_tables_win_key_by_key_and_other_environments_are_ignored() {
    assertEquals(Map.of("A", "local", "B", "deploy", "C", "global"), read("""
        version = 0.1
        [default.local_start_api.parameters]
        parameter_overrides = "A=local"
        [default.global.parameters]
        stack_name = "app"
        parameter_overrides = "A=global B=global C=global"
        [default.deploy.parameters]
        parameter_overrides = "A=deploy B=deploy"
        confirm_changeset = true
        [prod.deploy.parameters]
        parameter_overrides = "A=prod"
        """));
  }

  @Test
  void dotted_keys_inline_tables_and_other_values_are_read_past() {
    assertEquals(Map.of("A", "1"), read("""
        [default]
        deploy.parameters.parameter_overrides = "A=1"
        deploy.parameters.tags = { team = "x" }
        [default.build.parameters]
        cached = true
        retries = 3
        when = 1979-05-27T07:32:00Z
        """));
  }

  @Test
  void explicit_overrides_beat_samconfig() {
    TemplateFiles files = new TemplateFiles(folder);
    files.write(SamConfig.FILE_NAME, "[default.deploy.parameters]\nparameter_overrides = \"P=config Q=config\"\n");

    Template template = files.load("Parameters:\n  P: {Type: String}\n  Q: {Type: String}\n"
        + TemplateFiles.function("P: !Ref P\nQ: !Ref Q\n"), Map.of("P", "flag"));

    assertEquals("flag", TemplateFiles.env(template, "P"));
    assertEquals("config", TemplateFiles.env(template, "Q"));
  }

  @Test
  void errors_name_the_file_line_and_column() {
    Path file = folder.resolve(SamConfig.FILE_NAME);

    TemplateException unterminated = assertThrows(TemplateException.class,
        () -> read("[default.deploy.parameters]\nparameter_overrides = \"A=1\n"));
    TemplateException notPair = assertThrows(TemplateException.class,
        () -> read("[default.deploy.parameters]\nparameter_overrides = \"A\"\n"));
    TemplateException wrongType = assertThrows(TemplateException.class,
        () -> read("[default.deploy.parameters]\nparameter_overrides = 3\n"));

    assertEquals(file + ":2:27: invalid TOML: a \"string\" must end on its line", unterminated.getMessage());
    assertEquals(file + ":2:1: parameter_overrides: 'A' is not Key=Value", notPair.getMessage());
    assertEquals(file + ":2:1: parameter_overrides must be a string (\"Key=Value Key2=Value2\") or a list of \"Key=Value\""
        + " strings", wrongType.getMessage());
  }
}
