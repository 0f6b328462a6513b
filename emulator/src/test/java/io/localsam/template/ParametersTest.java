package io.localsam.template;

import static io.localsam.template.TemplateFiles.env;
import static io.localsam.template.TemplateFiles.function;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parameters: Default, overrides, and CloudFormation's constraints, each failing with the
 * parameter's name.
 */
class ParametersTest {
  @TempDir Path folder;

  private static String template(String parameter) {
    return "Parameters:\n  P:\n"
        + parameter.stripTrailing().indent(4)
        + function("VALUE: !Ref P\n");
  }

  private String value(String parameter, Map<String, String> overrides) {
    return env(new TemplateFiles(folder).load(template(parameter), overrides), "VALUE");
  }

  private String error(String parameter, Map<String, String> overrides) {
    return new TemplateFiles(folder).error(template(parameter), overrides);
  }

  @Test
  void default_is_used_unless_overridden() {
    assertEquals("d", value("Type: String\nDefault: d", Map.of()));
    assertEquals("o", value("Type: String\nDefault: d", Map.of("P", "o")));
    assertEquals("", value("Type: String\nDefault: d", Map.of("P", "")));
  }

  @Test
  void comma_delimited_lists_are_split_and_trimmed() {
    Template template =
        new TemplateFiles(folder)
            .load(
                "Parameters:\n  P:\n    Type: CommaDelimitedList\n    Default: \"a, b ,c\"\n"
                    + function("SECOND: !Select [1, !Ref P]\nJOINED: !Join [\"|\", !Ref P]\n"));

    assertEquals("b", env(template, "SECOND"));
    assertEquals("a|b|c", env(template, "JOINED"));
  }

  @Test
  void a_parameter_without_default_or_value_is_an_error_naming_it() {
    assertEquals(
        "$DIR/template.yaml:3:5: parameter P has no Default and no value; pass --parameter-overrides P=VALUE",
        error("Type: String", Map.of()));
  }

  @Test
  void allowed_values_are_checked_for_defaults_and_overrides() {
    assertEquals(
        "$DIR/template.yaml:3:5: parameter P = 'qa' (from --parameter-overrides): 'qa' is not one of its"
            + " AllowedValues [dev, prod]",
        error("Type: String\nDefault: dev\nAllowedValues: [dev, prod]", Map.of("P", "qa")));
    assertEquals(
        "$DIR/template.yaml:3:5: parameter P = 'x' (from its Default): 'x' is not one of its AllowedValues [y]",
        error("Type: String\nDefault: x\nAllowedValues: [y]", Map.of()));
  }

  @Test
  void allowed_pattern_and_lengths_are_checked_with_the_constraint_description() {
    assertEquals(
        "$DIR/template.yaml:3:5: parameter P = 'ABC' (from --parameter-overrides) does not match its"
            + " AllowedPattern [a-z]+ (lower-case letters only)",
        error(
            "Type: String\nDefault: abc\nAllowedPattern: '[a-z]+'\nConstraintDescription: lower-case letters only",
            Map.of("P", "ABC")));
    assertEquals(
        "$DIR/template.yaml:3:5: parameter P = 'ab' (from its Default) is shorter than its MinLength 3",
        error("Type: String\nDefault: ab\nMinLength: 3", Map.of()));
    assertEquals(
        "$DIR/template.yaml:3:5: parameter P = 'abcd' (from its Default) is longer than its MaxLength 3",
        error("Type: String\nDefault: abcd\nMaxLength: 3", Map.of()));
    assertEquals(
        "$DIR/template.yaml:3:5: parameter P = '[' (from its Default) has an invalid AllowedPattern: Unclosed"
            + " character class",
        error("Type: String\nDefault: '['\nAllowedPattern: '['", Map.of()));
  }

  @Test
  void numbers_are_checked_for_type_and_range() {
    assertEquals("5", value("Type: Number\nDefault: 5\nMinValue: 1\nMaxValue: 10", Map.of()));
    assertEquals(
        "$DIR/template.yaml:3:5: parameter P = 'five' (from --parameter-overrides): 'five' is not a number, and"
            + " the parameter's Type is Number",
        error("Type: Number\nDefault: 5", Map.of("P", "five")));
    assertEquals(
        "$DIR/template.yaml:3:5: parameter P = '0' (from --parameter-overrides) is below its MinValue 1",
        error("Type: Number\nDefault: 5\nMinValue: 1", Map.of("P", "0")));
    assertEquals(
        "$DIR/template.yaml:3:5: parameter P = '11' (from --parameter-overrides) is above its MaxValue 10",
        error("Type: Number\nDefault: 5\nMaxValue: 10", Map.of("P", "11")));
  }

  @Test
  void type_is_required_and_must_be_a_cloudformation_type() {
    assertEquals(
        "$DIR/template.yaml:3:5: parameter P needs a Type (String, Number, CommaDelimitedList, ...)",
        error("Default: x", Map.of()));
    assertEquals(
        "$DIR/template.yaml:3:5: parameter P has an unknown Type 'Text' (CloudFormation knows String, Number,"
            + " List<Number>, CommaDelimitedList and the AWS-specific types)",
        error("Type: Text\nDefault: x", Map.of()));
  }

  @Test
  void ssm_parameters_and_unknown_overrides_are_warned_about() {
    Template template =
        new TemplateFiles(folder)
            .load(
                template("Type: AWS::SSM::Parameter::Value<String>\nDefault: /app/name"),
                Map.of("Nope", "1"));

    assertEquals("/app/name", env(template, "VALUE"));
    assertEquals(
        List.of(
            "--parameter-overrides names parameter 'Nope', which the template does not declare; it is ignored",
            "parameter P (AWS::SSM::Parameter::Value<String>) is not looked up in SSM; '/app/name' is used as its value"),
        template.warnings());
  }

  @Test
  void overrides_given_as_numbers_still_fill_numeric_properties() {
    Template template =
        new TemplateFiles(folder)
            .load(
                """
        Parameters:
          Seconds:
            Type: Number
            Default: 10
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: java17
              Handler: app.Fn::handleRequest
              Timeout: !Ref Seconds
        """,
                Map.of("Seconds", "25"));

    assertEquals(25, template.function("Fn").orElseThrow().timeoutSeconds());
  }

  @Test
  void a_non_numeric_value_for_a_numeric_property_names_the_function_and_property() {
    String message =
        new TemplateFiles(folder)
            .error(
                """
        Parameters:
          Seconds:
            Type: String
            Default: soon
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: java17
              Handler: app.Fn::handleRequest
              Timeout: !Ref Seconds
        """);

    assertEquals(
        "$DIR/template.yaml:7:5: function Fn: invalid number for Timeout: 'soon'", message);
    assertTrue(message.contains("Timeout"));
  }
}
