package io.localsam.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.localsam.testsupport.HttpTestClient.Response;
import io.localsam.testsupport.TestApi;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Routes and functions that Fn::ForEach generates are served by the real gateway, as after
 * CloudFormation's expansion.
 */
class ForEachApiTest {
  private static final String TEMPLATE =
      """
      Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]
      Parameters:
        Teams: {Type: CommaDelimitedList, Default: "red,blue"}
      Resources:
        Fn::ForEach::Functions:
          - Name
          - [alpha, beta.v2]
          - Fn&{Name}:
              Type: AWS::Serverless::Function
              Properties:
                CodeUri: ${CODE}
                Handler: fixtures.EnvDump
                Runtime: java17
                Environment:
                  Variables:
                    NAME: !Ref Name
                    Fn::ForEach::Extra:
                      - Key
                      - [ONE, TWO]
                      - ${Key}: ${Name}-${Key}
                Events:
                  Get:
                    Type: Api
                    Properties: {Path: "/${Name}", Method: get}
        Fn::ForEach::TeamFunctions:
          - Team
          - !Ref Teams
          - ${Team}Function:
              Type: AWS::Serverless::Function
              Properties:
                CodeUri: ${CODE}
                Handler: fixtures.EnvDump
                Runtime: java17
                Environment: {Variables: {TEAM: !Sub "team ${Team}"}}
                Events:
                  Get:
                    Type: Api
                    Properties: {Path: "/teams/${Team}", Method: get}
      """;

  @TempDir Path folder;

  @Test
  void each_item_of_a_loop_is_a_function_with_its_route_and_environment() {
    try (TestApi api = TestApi.start(folder, TEMPLATE)) {
      Response alpha = api.http().get("/alpha");
      Response beta = api.http().get("/beta.v2");

      assertEquals(200, alpha.status(), alpha.body());
      assertTrue(alpha.body().contains("\"AWS_LAMBDA_FUNCTION_NAME\":\"Fnalpha\""), alpha.body());
      assertTrue(alpha.body().contains("\"NAME\":\"alpha\",\"ONE\":\"alpha-ONE\""), alpha.body());
      assertEquals(200, beta.status(), beta.body());
      assertTrue(
          beta.body().contains("\"AWS_LAMBDA_FUNCTION_NAME\":\"Fnbetav2\""),
          "&{Name} drops the dot: " + beta.body());
      assertTrue(beta.body().contains("\"TWO\":\"beta.v2-TWO\""), beta.body());
    }
  }

  @Test
  void a_collection_from_a_list_parameter_takes_the_override() {
    try (TestApi api =
        TestApi.start(
            folder, TEMPLATE, options -> options.parameterOverride("Teams", "red,green"))) {
      Response green = api.http().get("/teams/green");

      assertEquals(200, green.status(), green.body());
      assertTrue(green.body().contains("\"TEAM\":\"team green\""), green.body());
      assertEquals(
          403,
          api.http().get("/teams/blue").status(),
          "blue is only in the Default, which the override replaced");
    }
  }

  @Test
  void a_loop_that_makes_a_logical_id_twice_stops_start_up_naming_file_line_and_column() {
    String duplicate = TEMPLATE.replace("[alpha, beta.v2]", "[alpha, alpha]");

    TemplateException error =
        assertThrows(TemplateException.class, () -> TestApi.start(folder, duplicate).close());

    assertEquals(
        folder.resolve("template.yaml")
            + ":6:5: Fn::ForEach::Functions makes 'Fnalpha', which is declared twice"
            + " in Resources after Fn::ForEach is expanded; each key must be unique",
        error.getMessage());
  }
}
