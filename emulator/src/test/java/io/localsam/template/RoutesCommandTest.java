package io.localsam.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.localsam.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code emulator.jar routes}: what start-api would mount, printed without starting anything. */
class RoutesCommandTest {
  private static final Path SAMPLE =
      Path.of("src/test/resources/templates/sample-app/template.yaml");

  @TempDir Path folder;

  private record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void prints_a_table_of_every_route() {
    Run run = run("routes", "-t", SAMPLE.toString());

    assertEquals(0, run.exitCode(), run.err());
    assertEquals(
        """
        METHOD  PATH               FUNCTION            API                TYPE  STAGE     PAYLOAD
        GET     /hello             HelloWorldFunction  ServerlessRestApi  REST  Prod      1.0
        POST    /greetings/{name}  GreetingFunction    ServerlessHttpApi  HTTP  $default  2.0
        """,
        run.out());
  }

  @Test
  void prints_json_with_the_template_as_an_argument() throws Exception {
    Run run = run("routes", SAMPLE.toString(), "--json");

    JsonNode routes = new ObjectMapper().readTree(run.out());
    assertEquals(2, routes.size());
    assertEquals("GET", routes.get(0).get("method").asText());
    assertEquals("/hello", routes.get(0).get("path").asText());
    assertEquals("HelloWorldFunction", routes.get(0).get("function").asText());
    assertEquals("ServerlessRestApi", routes.get(0).get("api").asText());
    assertEquals("REST", routes.get(0).get("apiType").asText());
    assertEquals("Prod", routes.get(0).get("stage").asText());
    assertEquals("1.0", routes.get(0).get("payloadFormatVersion").asText());
    assertEquals("2.0", routes.get(1).get("payloadFormatVersion").asText());
  }

  @Test
  void honours_parameter_overrides_and_region_and_prints_warnings_on_stderr() {
    Path template =
        new TemplateFiles(folder)
            .write(
                "template.yaml",
                """
        Parameters:
          Base:
            Type: String
            Default: items
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: java17
              Handler: app.Fn::handleRequest
              Environment:
                Variables:
                  SHARED: !ImportValue shared
              Events:
                Get:
                  Type: HttpApi
                  Properties:
                    Path: !Sub /${Base}/${AWS::Region}
                    Method: get
        """);

    Run run =
        run(
            "routes",
            "-t",
            template.toString(),
            "--parameter-overrides",
            "ParameterKey=Base,ParameterValue=things",
            "--region",
            "ap-south-1",
            "--json");

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("\"path\" : \"/things/ap-south-1\""), run.out());
    assertTrue(
        run.err()
            .startsWith(
                "Warning: Fn.Properties.Environment.Variables.SHARED: Fn::ImportValue 'shared'"),
        run.err());
  }

  @Test
  void a_template_error_is_one_line_and_exit_code_1() {
    Path template =
        new TemplateFiles(folder)
            .write("template.yaml", "Resources:\n  Fn: {Type: A, Properties: {X: !Nope y}}\n");

    Run run = run("routes", template.toString());

    assertEquals(1, run.exitCode());
    assertEquals(
        "Error: "
            + template.toAbsolutePath().normalize()
            + ":2:33: unknown tag !Nope (CloudFormation knows !Ref,"
            + " !GetAtt, !Sub, !Join, !If, ... )\n",
        run.err());
  }

  @Test
  void a_template_without_routes_says_so() {
    Path template =
        new TemplateFiles(folder)
            .write("template.yaml", "Resources:\n  Bucket: {Type: AWS::S3::Bucket}\n");

    Run table = run("routes", template.toString());
    Run json = run("routes", template.toString(), "--json");

    assertEquals(0, table.exitCode());
    assertEquals("", table.out());
    assertTrue(
        table.err().contains("Template does not have any APIs connected to Lambda functions"),
        table.err());
    assertEquals("[ ]\n", json.out());
  }
}
